#!/usr/bin/env bash
# Full-pipeline benchmark: `vndoc extract` (read, normalise, segment, entities) on ~50 MB of text
# made from Corpus/, next to dateparser's search_dates(languages=['vi']) and underthesea's ner
# on a slice of the same text (they are far slower), printed as ratios in one run.
#
#   bash Benchmarks/extract.sh              # build vndoc (release), install peers, run
#   bash Benchmarks/extract.sh --no-build   # reuse the release binary
#   options: --runs N (3)  --slice-kb N (20)
#
# Writes Benchmarks/results/extract.txt and extract.json (git-ignored).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
runs=3
slice_kb=20
build=1
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) build=0 ;;
        --runs) runs="$2"; shift ;;
        --slice-kb) slice_kb="$2"; shift ;;
        -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "extract.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

if [[ ! -x /usr/bin/time ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >&2
fi
if [[ $build -eq 1 ]]; then
    echo "== building vndoc (release)" >&2
    (cd "$root" && swift build -c release --product vndoc >&2)
fi
vndoc="$(cd "$root" && swift build -c release --show-bin-path)/vndoc"
echo "== peers: dateparser, underthesea (venv under Benchmarks/.venv)" >&2
py=$(bash "$here/venv.sh" dateparser==1.5.0 underthesea==9.5.0 | tail -n 1)
echo "== data" >&2
python3 "$here/gen_corpus.py" --size-mb 50 >&2
"$py" "$here/bench_extract.py" --vndoc "$vndoc" --pipeline "$root/Pipelines/default.yml" \
    --input "$here/data/corpus-nfc.txt" --runs "$runs" --slice-kb "$slice_kb" --results "$here/results"
