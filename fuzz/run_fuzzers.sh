#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/CMakeLists.txt) in build-fuzz/ with clang and runs
# each one, one after the other, for DURATION_SECONDS. Any crash, leak, timeout or
# out-of-memory input is copied to fuzz/regressions/<target>/ (commit it: the test
# FuzzRegressions replays it in the normal test build) and the script exits 1.
#
#   fuzz/run_fuzzers.sh DURATION_SECONDS [TARGET...]     (targets: default all)
#
# Each target starts from its seeds (made from corpus/ by fuzz/make_seeds.sh), its
# regressions and the corpus it grew in earlier runs (build-fuzz/corpus/<target>, not
# committed). Logs go to build-fuzz/logs/<target>.log; the final executions and
# coverage of every target are appended to build-fuzz/fuzz-summary.txt.
# Environment: ACTORGRAPH_FUZZ_BUILD_JOBS (default 2), CXX (default clang++),
# ACTORGRAPH_FUZZ_FLAGS (extra libFuzzer flags).
set -euo pipefail

usage() { echo "usage: $0 DURATION_SECONDS [reader|sentence_splitter|rule_parser|extractor|writers]..." >&2; exit 2; }
[[ $# -ge 1 && $1 =~ ^[0-9]+$ && $1 -gt 0 ]] || usage
duration=$1
shift
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-fuzz"
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(reader sentence_splitter rule_parser extractor writers)

if [[ ! -f $build/CMakeCache.txt ]]; then
  CXX="${CXX:-clang++}" cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DACTORGRAPH_FUZZ=ON -DACTORGRAPH_TESTS=OFF >/dev/null
fi
cmake --build "$build" -j"${ACTORGRAPH_FUZZ_BUILD_JOBS:-2}" --target actorgraph_fuzzers

rm -rf "$build/seeds"
"$root/fuzz/make_seeds.sh" "$build/seeds"
mkdir -p "$build/logs" "$build/tmp"
# The reader target writes scratch files; keep them (and any left by a crash) in here.
export TMPDIR="$build/tmp"

failed=()
for target in "${targets[@]}"; do
  binary="$build/${target}_fuzzer"
  [[ -x $binary ]] || { echo "no fuzz target '$target'" >&2; usage; }
  corpus="$build/corpus/$target"
  artifacts="$build/artifacts/$target"
  regressions="$root/fuzz/regressions/$target"
  rm -rf "$artifacts"
  mkdir -p "$corpus" "$artifacts"
  inputs=("$corpus" "$build/seeds/$target")
  [[ -d $regressions ]] && inputs+=("$regressions")
  log="$build/logs/$target.log"
  echo "fuzzing $target for ${duration}s (log: $log)"
  status=0
  # One process on one core; -timeout makes a slow input (a hang) a failure too.
  # shellcheck disable=SC2086
  "$binary" -max_total_time="$duration" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -dict="$root/fuzz/$target.dict" -artifact_prefix="$artifacts/" ${ACTORGRAPH_FUZZ_FLAGS:-} \
    "${inputs[@]}" >"$log" 2>&1 || status=$?
  executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  coverage=$(grep -E '^#[0-9]+' "$log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
  line="$(date -u +%FT%TZ) $target ${duration}s: executions ${executions:-?}, ${coverage:-no coverage line}, exit $status"
  echo "$line" | tee -a "$build/fuzz-summary.txt"
  found=("$artifacts"/*)
  if [[ $status -ne 0 || -e ${found[0]} ]]; then
    mkdir -p "$regressions"
    for input in "${found[@]}"; do
      [[ -e $input ]] && cp "$input" "$regressions/" && echo "  kept $regressions/$(basename "$input")"
    done
    grep -E 'ERROR|SUMMARY|check .* failed' "$log" | head -5 | sed 's/^/  /' >&2
    failed+=("$target")
  fi
done

# The closing line counts the targets in the form test runners use, so CI logs read it.
passed=$(( ${#targets[@]} - ${#failed[@]} ))
if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzzing found problems in: ${failed[*]} (inputs kept under fuzz/regressions/)" >&2
  echo "fuzz: $passed passed, ${#failed[@]} failed"
  exit 1
fi
echo "fuzz: $passed passed, 0 failed"
