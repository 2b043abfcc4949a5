#!/usr/bin/env bash
# Legacy Vietnamese: what detection costs on Unicode text, and how fast legacy text is repaired.
#
#   bash Benchmarks/legacy.sh [--no-build] [--runs N] [--mb N]
#
# 1. The default pipeline over N MB of the Corpus's Unicode text (Benchmarks/data/corpus-nfc.txt,
#    made by normalize.sh / extract.sh), with `read.legacy: auto` (the default) and `off`, in
#    the same run, interleaved: the cost of looking for legacy text where there is none.
# 2. Read alone over N MB of legacy text already read as Windows-1252 (the as-read TCVN3 and VNI
#    files of ../shared/real/legacy-encodings, repeated), with legacy on and off: the repair's
#    own speed is the bytes over the difference in time.
# Release build; CPU time (user+sys) of each run, median of the runs.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
runs=3
mb=20
build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --runs) runs=$2; shift ;;
    --mb) mb=$2; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
if [ "$build" = 1 ]; then swift build -c release --product vndoc 2>&1 | tail -n 1; fi
vndoc="$root/.build/release/vndoc"
work=$(mktemp -d /dev/shm/vndoc-legacy.XXXXXX 2>/dev/null || mktemp -d)
trap 'rm -rf "$work"' EXIT

# The inputs.
if [ ! -f Benchmarks/data/corpus-nfc.txt ]; then
  python3 Benchmarks/gen_corpus.py >/dev/null
fi
# Cut at the last line end before N MB, never inside a character.
python3 - "$work/unicode.txt" "$mb" <<'PY'
import pathlib, sys
data = pathlib.Path("Benchmarks/data/corpus-nfc.txt").read_bytes()[: int(sys.argv[2]) * 1000000]
pathlib.Path(sys.argv[1]).write_bytes(data[: data.rfind(b"\n") + 1])
PY
python3 - "$work/asread.txt" "$mb" <<'PY'
import pathlib, sys
folder = pathlib.Path("../shared/real/legacy-encodings/asread-txt")
texts = [p.read_bytes() for p in sorted(folder.glob("*.asread.txt"))]
if not texts:
    sys.exit("no as-read files in ../shared/real/legacy-encodings/asread-txt")
want, out = int(sys.argv[2]) * 1000000, bytearray()
while len(out) < want:
    for t in texts:
        out += t + b"\n"
pathlib.Path(sys.argv[1]).write_bytes(bytes(out[:want]).rsplit(b"\n", 1)[0] + b"\n")
PY
mkdir -p "$work/p"
printf 'stages:\n  - read: {legacy: auto}\n  - normalize\n  - segment\n  - entities\n' > "$work/p/default-auto.yml"
printf 'stages:\n  - read: {legacy: off}\n  - normalize\n  - segment\n  - entities\n' > "$work/p/default-off.yml"
printf 'stages:\n  - read: {legacy: auto}\n' > "$work/p/read-auto.yml"
printf 'stages:\n  - read: {legacy: off}\n' > "$work/p/read-off.yml"

# CPU seconds of one run of `vndoc extract FILE --pipeline P` (output discarded).
cpu() {
  /usr/bin/time -f "%U %S" -o "$work/t" "$vndoc" extract "$1" --pipeline "$2" --format jsonl > /dev/null
  awk '{print $1 + $2}' "$work/t"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }

declare -A times
for r in $(seq "$runs"); do
  for case in unicode:default-auto unicode:default-off asread:read-auto asread:read-off; do
    input=${case%%:*}; pipeline=${case#*:}
    times[$case]+="$(cpu "$work/$input.txt" "$work/p/$pipeline.yml") "
  done
done
m() { echo "${times[$1]}" | tr ' ' '\n' | grep . | median; }
ua=$(m unicode:default-auto); uo=$(m unicode:default-off); ra=$(m asread:read-auto); ro=$(m asread:read-off)
python3 - "$mb" "$ua" "$uo" "$ra" "$ro" "$runs" <<'PY'
import sys
mb, ua, uo, ra, ro, runs = float(sys.argv[1]), *map(float, sys.argv[2:6]), sys.argv[6]
print(f"legacy detection and repair, {mb:.0f} MB each, CPU seconds, median of {runs} runs")
print()
print("| input | pipeline | legacy auto | legacy off | auto / off |")
print("|---|---|---|---|---|")
print(f"| Unicode Corpus text | default | {ua:.2f} s ({mb/ua:.1f} MB/s) | {uo:.2f} s ({mb/uo:.1f} MB/s) | {ua/uo:.3f} |")
print(f"| as-read TCVN3/VNI text | read | {ra:.2f} s | {ro:.2f} s | {ra/ro:.2f} |")
repair = ra - ro
print()
print(f"Detection on Unicode text costs {100 * (ua / uo - 1):+.1f}% of the default pipeline (goal: within 10%).")
if repair > 0:
    print(f"Repair of legacy text: {mb / repair:.1f} MB/s (bytes over the added CPU time; goal 50 MB/s).")
PY
