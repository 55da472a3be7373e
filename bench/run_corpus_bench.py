#!/usr/bin/env python3
"""Corpus-scale benchmark of `actorgraph build`, next to a raw single scan of the same bytes.

    bench/run_corpus_bench.py --sizes 100 1000

For each size (MB): generates a JSONL corpus with bench/make_corpus.py (varied articles,
fixed seed), runs `actorgraph build CORPUS -o OUT --format graphml -q --threads N` for
each N of --threads, and `raw_scan CORPUS` (one RE2 alternation of every lexicon name, the
practical upper limit of actor matching on this machine; it also times the actor finder's
PhraseMatcher, and Hyperscan when libhyperscan-dev is installed). Reports wall time, MB/s
(10^6 bytes of JSONL input per second), articles/s and peak memory (/usr/bin/time -v
"Maximum resident set size") as a markdown table, with the seconds of each stage that
`build --timings` reports (rules, extract, graph, write), then the issue 7 targets. The
best of --repeat runs is kept, the thread counts taking turns so that a slow moment of a
shared machine does not fall on one of them alone. --pair also runs two one-thread builds
at once: the speed-up two independent processes get on this machine, the ceiling of a
two-thread one. Generated corpora are deleted at the end unless --keep.

Builds a Release tree first (--build-dir, default build-bench) with -DACTORGRAPH_BENCH=ON.
Needs cmake, a C++20 compiler, libbenchmark-dev, python3 and GNU time (apt-get install time).
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TIME = "/usr/bin/time"


def log(message):
    print(message, file=sys.stderr, flush=True)


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def build(build_dir, jobs):
    # GCC 12 reports false positives (-Wrestrict inside std::string, -Wformat-truncation)
    # at -O3 that -Werror would turn into failures; they are warnings, not bugs.
    configure = ["cmake", "-S", ROOT, "-B", build_dir, "-DCMAKE_BUILD_TYPE=Release",
                 "-DCMAKE_CXX_FLAGS=-Wno-error=restrict -Wno-error=format-truncation",
                 "-DACTORGRAPH_BENCH=ON", "-DACTORGRAPH_TESTS=OFF"]
    subprocess.run(configure, check=True, stdout=subprocess.DEVNULL)
    subprocess.run(["cmake", "--build", build_dir, "-j", str(jobs), "--target", "actorgraph", "raw_scan"],
                   check=True, stdout=subprocess.DEVNULL)


def timed(command):
    """Runs `command` under GNU time; returns (wall seconds, peak RSS in MB, stdout, CPU seconds, stderr)."""
    with tempfile.NamedTemporaryFile(mode="r", suffix=".time") as report:
        start = time.monotonic()
        done = subprocess.run([TIME, "-v", "-o", report.name] + command, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
        seconds = time.monotonic() - start
        if done.returncode != 0:
            sys.exit(f"run_corpus_bench.py: {' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
        text = report.read()
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    return seconds, int(rss.group(1)) / 1024 if rss else float("nan"), done.stdout, cpu, done.stderr


def stages(stderr):
    """The stage seconds of `actorgraph ... --timings`: {"rules": 0.118, "extract": ...}."""
    line = next((l for l in stderr.splitlines() if l.startswith("actorgraph: timings:")), "")
    return {name: float(value) for name, value in re.findall(r"(\w+) ([\d.]+) s", line)}


def best(runs, command):
    results = [timed(command) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def timed_together(commands):
    """Runs `commands` at the same time; returns each one's timed() result."""
    with concurrent.futures.ThreadPoolExecutor(len(commands)) as pool:
        return list(pool.map(timed, commands))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[100], help="corpus sizes in MB")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=1, help="runs per measurement; the fastest is kept")
    parser.add_argument("--pair", action="store_true",
                        help="also time two one-thread builds running at once")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--build-dir", default=os.path.join(ROOT, "build-bench"))
    parser.add_argument("--work-dir", help="where corpora go (default: BUILD_DIR/corpus-bench)")
    parser.add_argument("--no-build", action="store_true", help="use the binaries already in --build-dir")
    parser.add_argument("--keep", action="store_true", help="keep the generated corpora")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    args = parser.parse_args()

    if not os.access(TIME, os.X_OK):
        sys.exit("run_corpus_bench.py: needs GNU time at /usr/bin/time (apt-get install time)")
    if not args.no_build:
        log(f"building {args.build_dir} (Release) ...")
        build(args.build_dir, args.jobs)
    actorgraph = os.path.join(args.build_dir, "actorgraph")
    raw_scan = os.path.join(args.build_dir, "raw_scan")
    work = args.work_dir or os.path.join(args.build_dir, "corpus-bench")
    os.makedirs(work, exist_ok=True)

    load_before = load()
    rows = []      # (size, threads, seconds, mb_s, articles_s, rss, raw_mb_s, ratio)
    raw = {}       # size -> (raw mb/s, raw seconds, rss)
    stage = {}     # (size, threads) -> {stage name: seconds}
    pair = {}      # size -> the slower of two one-thread builds run at once, seconds
    mb_of = {}     # size -> the corpus' MB
    try:
        for size in args.sizes:
            corpus = os.path.join(work, f"corpus-{size:g}mb-seed{args.seed}.jsonl")
            if not os.path.exists(corpus):
                log(f"generating {corpus} ...")
                subprocess.run([sys.executable, os.path.join(HERE, "make_corpus.py"), "--mb", str(size),
                                "--seed", str(args.seed), "-o", corpus], check=True)
            nbytes = os.path.getsize(corpus)
            with open(corpus, "rb") as f:
                articles = sum(1 for _ in f)
            mb = nbytes / 1e6
            mb_of[size] = mb
            log(f"raw_scan on {mb:.0f} MB ...")
            seconds, rss, out, _, _ = best(args.repeat, [raw_scan, corpus])
            scan = re.search(r"seconds=([\d.]+)", out)
            scan_seconds = float(scan.group(1)) if scan else seconds
            phrase = re.search(r"phrase_mb_per_s=([\d.]+)", out)
            hyperscan = re.search(r"hs_mb_per_s=([\d.]+)", out)  # only if raw_scan was built with it
            raw[size] = (mb / scan_seconds, scan_seconds, rss, float(phrase.group(1)) if phrase else float("nan"),
                         f"{float(hyperscan.group(1)):.1f}" if hyperscan else "-")
            def command(out_dir, threads):
                return [actorgraph, "build", corpus, "-o", out_dir, "--format", "graphml", "-q",
                        "--timings", "--threads", str(threads)]
            fastest = {}  # threads -> timed() of its fastest run
            for _ in range(args.repeat):
                for threads in args.threads:
                    log(f"actorgraph build on {mb:.0f} MB, {threads} thread(s) ...")
                    with tempfile.TemporaryDirectory(dir=work) as out_dir:
                        result = timed(command(out_dir, threads))
                    if threads not in fastest or result[0] < fastest[threads][0]:
                        fastest[threads] = result
                if args.pair:
                    log(f"two one-thread builds at once on {mb:.0f} MB ...")
                    with tempfile.TemporaryDirectory(dir=work) as a, tempfile.TemporaryDirectory(dir=work) as b:
                        slower = max(r[0] for r in timed_together([command(a, 1), command(b, 1)]))
                    pair[size] = min(pair.get(size, slower), slower)
            for threads in args.threads:
                seconds, rss, _, cpu, err = fastest[threads]
                rows.append((size, threads, seconds, mb / seconds, articles / seconds, rss,
                             raw[size][0], seconds / scan_seconds, articles, cpu))
                stage[(size, threads)] = stages(err)
    finally:
        if not args.keep:
            for name in os.listdir(work):
                if name.startswith("corpus-") and name.endswith(".jsonl"):
                    os.remove(os.path.join(work, name))
    load_after = load()

    print(f"`actorgraph build --format graphml` on generated JSONL corpora (bench/make_corpus.py, "
          f"seed {args.seed}), {os.cpu_count()} cores, load average {load_before} before, "
          f"{load_after} after.\n")
    # CPU seconds (user + system) show the work done whatever else runs on the machine:
    # with 2 threads and no free core, wall time cannot drop, but MB per CPU-second shows
    # whether the threads add overhead.
    print("| Corpus | Articles | Threads | Time (s) | CPU (s) | MB/s | MB per CPU-s | Articles/s | "
          "Peak RSS (MB) | Raw scan MB/s | Time / raw scan | PhraseMatcher MB/s | Hyperscan MB/s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size, threads, seconds, mb_s, art_s, rss, raw_mb_s, ratio, articles, cpu in rows:
        print(f"| {size:g} MB | {articles:,} | {threads} | {seconds:.1f} | {cpu:.1f} | {mb_s:.1f} | "
              f"{mb_s * seconds / cpu:.1f} | {art_s:,.0f} | {rss:.0f} | {raw_mb_s:.1f} | {ratio:.1f}x | "
              f"{raw[size][3]:.1f} | {raw[size][4]} |")

    # What grows with the corpus (extract: reading, extraction, adding to the graph) and
    # what does not (rules) or grows with the graph (graph: views and analytics; write).
    print("\nStages (`build --timings`, seconds):\n")
    print("| Corpus | Threads | Rules | Extract | Extract MB/s | Graph | Write |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    for size, threads, *_ in rows:
        t = stage[(size, threads)]
        extract = t.get("extract", float("nan"))
        print(f"| {size:g} MB | {threads} | {t.get('rules', float('nan')):.2f} | {extract:.1f} | "
              f"{mb_of[size] / extract:.1f} | "
              f"{t.get('graph', float('nan')):.2f} | {t.get('write', float('nan')):.2f} |")

    # The targets of issue 7.
    print("\nTargets:")
    by = {(r[0], r[1]): r for r in rows}
    for size in args.sizes:
        one, two = by.get((size, 1)), by.get((size, 2))
        if one:
            print(f"- {size:g} MB: {one[3]:.1f} MB/s on one core (target >= 100); "
                  f"{one[7]:.1f}x the raw scan time (target <= 5x)")
        if one and two:
            print(f"- {size:g} MB: 2 threads {one[2] / two[2]:.2f}x 1 thread (target >= 1.8x)")
        if one and size in pair:
            print(f"  two one-thread builds at once: {pair[size]:.1f} s against {one[2]:.1f} s alone, "
                  f"{2 * one[2] / pair[size]:.2f}x the work of one in the same time")
        peak = max(r[5] for r in rows if r[0] == size)
        print(f"- {size:g} MB: peak memory {peak:.0f} MB (target <= 512 MB at 1 GB)")
    if len(args.sizes) > 1:
        small, large = min(args.sizes), max(args.sizes)
        for threads in args.threads:
            a, b = by.get((small, threads)), by.get((large, threads))
            if a and b:
                print(f"- linearity, {threads} thread(s): {b[3]:.1f} MB/s at {large:g} MB vs {a[3]:.1f} "
                      f"at {small:g} MB ({(b[3] / a[3] - 1) * 100:+.0f}%, target within 10%)")
                small_extract = mb_of[small] / stage[(small, threads)].get("extract", float("nan"))
                large_extract = mb_of[large] / stage[(large, threads)].get("extract", float("nan"))
                print(f"  extract stage alone: {large_extract:.1f} MB/s vs {small_extract:.1f} "
                      f"({(large_extract / small_extract - 1) * 100:+.0f}%)")


if __name__ == "__main__":
    main()
