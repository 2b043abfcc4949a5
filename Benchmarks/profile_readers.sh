#!/usr/bin/env bash
# Where vndoc's readers spend their time: `perf record -g` of `vndoc run` with the read-only
# pipeline (Benchmarks/pipelines/read.yml) over the reader benchmark's HTML and DOCX sets, and
# the top self-time symbols (Swift names demangled), plus self time per library.
#
#   bash Benchmarks/profile_readers.sh                  # the snapshot's binary (/tmp/bench-src/.build/release/vndoc)
#   bash Benchmarks/profile_readers.sh --vndoc PATH     # another binary
#   options: --top N (15)  --only docx|html  --pipeline FILE (pipelines/read.yml)  --jobs N (1)
#            --out-root DIR (/dev/shm: vndoc's JSON goes to a tmpfs, as in readers.sh)
#
# Needs the data (bash Benchmarks/readers.sh, or python3 Benchmarks/gen_readers.py) and perf
# (Debian linux-perf, installed if missing). If perf cannot record here (no perf events in the
# container), falls back to valgrind --tool=callgrind on the first 40 files of each set.
# Writes Benchmarks/results/readers-profile-<date>.txt.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
vndoc="${BENCH_SRC:-/tmp/bench-src}/.build/release/vndoc"
top=15
only=""
jobs=1
pipeline="$here/pipelines/read.yml"
out_root=/dev/shm
[[ -d /dev/shm && -w /dev/shm ]] || out_root="${TMPDIR:-/tmp}"
while [[ $# -gt 0 ]]; do
    case "$1" in
        --vndoc) vndoc="$2"; shift ;;
        --top) top="$2"; shift ;;
        --only) only="$2"; shift ;;
        --jobs) jobs="$2"; shift ;;
        --pipeline) pipeline="$2"; shift ;;
        --out-root) out_root="$2"; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "profile_readers.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
[[ -x "$vndoc" ]] || { echo "profile_readers.sh: no vndoc at $vndoc (run readers.sh first, or give --vndoc)" >&2; exit 1; }
data="$here/data/readers"
[[ -f "$data/manifest.json" ]] || python3 "$here/gen_readers.py" >&2
if ! command -v perf >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq linux-perf >&2 || true
fi
demangle() { if command -v swift >/dev/null 2>&1; then swift demangle --simplified; else cat; fi; }

mkdir -p "$here/results"
report="$here/results/readers-profile-$(date -u +%Y-%m-%d).txt"
tmp=$(mktemp -d /tmp/vndoc-profile-XXXXXX)
trap 'rm -rf "$tmp" "$out_root"/vndoc-profile-out-$$-*' EXIT
{
    echo "vndoc readers profile $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1 /proc/loadavg)"
    echo "binary: $vndoc; pipeline: $pipeline; --jobs $jobs; output under $out_root ($(stat -f -c %T "$out_root"))"
} > "$report"

for kind in docx html; do
    [[ -n "$only" && "$only" != "$kind" ]] && continue
    out="$out_root/vndoc-profile-out-$$-$kind"
    rm -rf "$out"
    if perf record -g -F 4999 -o "$tmp/perf-$kind.data" -- \
            "$vndoc" run "$data/$kind" --out "$out" --jobs "$jobs" --pipeline "$pipeline" >/dev/null 2>"$tmp/perf-$kind.err"; then
        samples=$(perf report -i "$tmp/perf-$kind.data" --stdio --no-children -g none --sort dso 2>/dev/null | grep -m1 -o 'Samples: [0-9.K]* of event [^ ]*' || true)
        {
            echo
            echo "== $kind: perf record -g, vndoc run $data/$kind ($samples)"
            echo "-- top $top self-time symbols (unresolved addresses of a stripped library summed as one line)"
            perf report -i "$tmp/perf-$kind.data" --stdio --no-children -g none --sort dso,sym --percent-limit 0 2>/dev/null \
                | grep -v '^#' | grep -v '^$' | demangle | python3 -c '
import re, sys
top = int(sys.argv[1])
rows, unresolved = [], {}
for line in sys.stdin:
    m = re.match(r"\s*([\d.]+)%\s+(\S+)\s+\[(.)\]\s+(.*?)\s*$", line)
    if not m:
        continue
    pct, dso, _, sym = float(m.group(1)), m.group(2), m.group(3), m.group(4)
    if re.fullmatch(r"0x[0-9a-f]+", sym):
        unresolved[dso] = unresolved.get(dso, 0.0) + pct
    else:
        rows.append((pct, dso, sym))
rows += [(p, d, "(unresolved internal functions, summed)") for d, p in unresolved.items()]
rows.sort(key=lambda r: -r[0])
for p, d, s in rows[:top]:
    print(f"{p:6.2f}%  {d:28.28}  {s[:150]}")
' "$top"
            echo "-- self time per library"
            perf report -i "$tmp/perf-$kind.data" --stdio --no-children -g none --sort dso --percent-limit 0.3 2>/dev/null \
                | grep -v '^#' | grep -v '^$' | sed 's/[[:space:]]*$//'
        } >> "$report"
    else
        echo "perf record failed ($(tail -1 "$tmp/perf-$kind.err")); using callgrind on 40 files" >&2
        mkdir -p "$tmp/subset-$kind"
        ls "$data/$kind" | grep -v '^\.' | head -40 | while read -r f; do cp "$data/$kind/$f" "$tmp/subset-$kind/"; done
        valgrind --tool=callgrind --callgrind-out-file="$tmp/cg-$kind.out" \
            "$vndoc" run "$tmp/subset-$kind" --out "$out" --jobs 1 --pipeline "$pipeline" >/dev/null 2>&1
        {
            echo
            echo "== $kind: callgrind (instructions, self), vndoc run on the first 40 files"
            callgrind_annotate --inclusive=no "$tmp/cg-$kind.out" 2>/dev/null | grep -E '^ *[0-9,]+ ' | head -n "$((top + 1))" | demangle
        } >> "$report"
    fi
    rm -rf "$out"
done
cat "$report"
echo "written: $report" >&2
