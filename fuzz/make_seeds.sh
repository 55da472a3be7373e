#!/usr/bin/env bash
# Writes the seed corpus of every fuzz target into OUT_DIR/<target>/, made from the
# sample articles in corpus/ and the built-in rule files (nothing binary is committed).
# The first byte of each seed is the target's option byte (see fuzz/*_check.h).
#   fuzz/make_seeds.sh build-fuzz/seeds
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:?usage: make_seeds.sh OUT_DIR}"
mkdir -p "$out"/{reader,sentence_splitter,rule_parser,extractor,writers}

# A file as one JSON string (no quotes around it).
json_string() {
  LC_ALL=C awk 'BEGIN { ORS = "" } {
    gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); gsub(/\t/, "\\t"); gsub(/\r/, "\\r");
    if (NR > 1) print "\\n"; print }' "$1"
}

n=0
for article in "$root"/corpus/*.txt; do
  n=$((n + 1))
  id="$(basename "$article" .txt)"
  # reader: the article as a .txt (default limit), and as JSONL lines (limit 2 KiB or none).
  { printf '\x80'; cat "$article"; } > "$out/reader/txt_$n"
  { printf '\x80{"id": "%s", "date": "2022-03-31", "title": "T\\u00e9st", "text": "' "$id"
    json_string "$article"; printf '"}\n{"id": 7, "text": "x"}\n'; } > "$out/reader/jsonl_$n"
  { printf '\x7f'; cat "$out/reader/jsonl_$n" | tail -c +2; } > "$out/reader/jsonl_limit_$n"
  # sentence_splitter: the default limit and a limit of 16 bytes.
  { printf '\xff'; cat "$article"; } > "$out/sentence_splitter/default_$n"
  { printf '\x10'; cat "$article"; } > "$out/sentence_splitter/small_$n"
  # extractor: the article dated, and each paragraph alone.
  { printf '\x01'; cat "$article"; } > "$out/extractor/article_$n"
  LC_ALL=C awk -v dir="$out/extractor" -v n="$n" 'BEGIN { RS = "" } NR <= 6 {
    f = dir "/paragraph_" n "_" NR; printf "\x02%s\n", $0 > f; close(f) }' "$article"
  # writers: relations between a few actors, with sentences of the article as evidence.
  LC_ALL=C awk -v id="$id" 'BEGIN { RS = ""; split("India|Russia|Sergey Lavrov|S. Jaishankar|United Nations|Ukraine", a, "|");
      split("met|urged|criticized|signed|visited", r, "|") }
    NR <= 8 { s = substr($0, 1, 160); gsub(/[\t\n]/, " ", s);
      printf "%s\t%s\t%s\t%c\t2022-03-%02d\t%s\t%s\tIND\tRUS\n", a[(NR % 6) + 1], a[((NR + 2) % 6) + 1],
        r[(NR % 5) + 1], 64 + NR, NR, id, s }' "$article" > "$out/writers/corpus_$n"
done

# writers: names that test escaping in every format.
printf 'A "quoted" & <tagged> name\tB\\N\\n back\\slash\tmet\t\x01\t2022\td1\tev "1", <b>\r\n</b>\n' > "$out/writers/escapes"
printf '#countries\nSergey Lavrov\tIndia\tmet\t\x08\t2022-03\td2\tx\tRUS\tIND\nRussia\tIndia\tmet\t\x28\t\td3\ty\tRUS\tIND\n' > "$out/writers/countries"
printf 'bad \xff\xfe utf8\tctl \x01\x0b char\tnot met\t\x02\t1999-12-31\td4\t\xef\xbf\xbf\n' > "$out/writers/invalid"

# rule_parser: the head of each built-in rule file, alone (0x00) and after the built-in
# grammar and countries (0x02).
find "$root/extract/rules" -type f \( -name '*.actors' -o -name '*.rules' -o -name '*.words' \) | sort |
while read -r rules; do
  name="$(basename "$rules")"
  { printf '\x00'; head -c 4096 "$rules"; } > "$out/rule_parser/alone_$name"
  { printf '\x02'; head -c 4096 "$rules"; } > "$out/rule_parser/layered_$name"
done
