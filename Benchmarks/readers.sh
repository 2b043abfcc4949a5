#!/usr/bin/env bash
# Reader benchmark: vndoc's HTML and DOCX extraction next to Python peers and xmllint, on ~200
# .docx files and ~20 MB of HTML pages made from Corpus/, in one run, as ratios.
#
#   bash Benchmarks/readers.sh                 # snapshot the tree, build vndoc (release), run
#   bash Benchmarks/readers.sh --no-build      # reuse the snapshot's binary (/tmp/bench-src/.build/release/vndoc)
#   bash Benchmarks/readers.sh --vndoc PATH    # measure this binary (no snapshot, no build)
#   bash Benchmarks/readers.sh --no-vndoc      # peers only
#   options: --runs N (3)  --jobs N (vndoc run --jobs, 1)  --taskset CPUS (pin every tool)
#            --only docx|html  --skip TOOL (repeatable, e.g. mammoth)  --docx N (200)  --html-mb N (20)
#   environment: BENCH_SRC (/tmp/bench-src) where the snapshot is copied and built
#
# Writes Benchmarks/results/readers-<date>.md and .json; inputs go to Benchmarks/data/readers/
# (both git-ignored). See Benchmarks/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
src="${BENCH_SRC:-/tmp/bench-src}"
runs=3
jobs=1
build=1
use_vndoc=1
vndoc=""
docx=200
html_mb=20
extra=()

while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) build=0 ;;
        --no-vndoc) use_vndoc=0; build=0 ;;
        --vndoc) vndoc="$2"; build=0; shift ;;
        --runs) runs="$2"; shift ;;
        --jobs) jobs="$2"; shift ;;
        --taskset) extra+=(--taskset "$2"); shift ;;
        --only) extra+=(--only "$2"); shift ;;
        --skip) extra+=(--skip "$2"); shift ;;
        --docx) docx="$2"; shift ;;
        --html-mb) html_mb="$2"; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "readers.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

log() { echo "== $*" >&2; }

# --- tools from Debian ----------------------------------------------------------------------
apt_updated=0
apt_install() {
    local sudo=()
    [[ $(id -u) -eq 0 ]] || sudo=(sudo)
    if [[ $apt_updated -eq 0 ]]; then
        "${sudo[@]}" apt-get update -qq
        apt_updated=1
    fi
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "$@" >&2
}
if [[ ! -x /usr/bin/time ]]; then log "installing time (/usr/bin/time)"; apt_install time; fi
# xmllint (the HTML parse-only floor) is in Debian's libxml2-utils.
if ! command -v xmllint >/dev/null 2>&1; then log "installing libxml2-utils (xmllint)"; apt_install libxml2-utils; fi

# --- vndoc: a release build of a snapshot of the tree ----------------------------------------
# Other work edits the sources while this runs, so the tree is copied first and built there.
source_note=""
if [[ $use_vndoc -eq 1 ]]; then
    if [[ $build -eq 1 ]]; then
        log "snapshot of $root -> $src (build folder kept)"
        mkdir -p "$src"
        find "$src" -mindepth 1 -maxdepth 1 ! -name .build -exec rm -rf {} +
        (cd "$root" && tar --exclude='./.build*' --exclude='./.git' --exclude='./Benchmarks/.venv' \
            --exclude='./Benchmarks/data' --exclude='./Benchmarks/results' -cf - .) | tar -xf - -C "$src"
        log "building vndoc (release) in $src"
        (cd "$src" && swift build -c release --product vndoc --scratch-path "$src/.build") >&2
    fi
    if [[ -z "$vndoc" ]]; then
        vndoc="$src/.build/release/vndoc"
        # What the binary was built from: a digest of the snapshot's sources (no git here).
        digest=$(cd "$src" && find Package.swift Package.resolved Sources -type f 2>/dev/null | LC_ALL=C sort \
            | xargs sha256sum | sha256sum | cut -c1-12)
        source_note="snapshot $src, sources sha256 $digest, built $(date -u -r "$vndoc" '+%Y-%m-%d %H:%M UTC' 2>/dev/null || echo '?')"
    fi
    if [[ ! -x "$vndoc" ]]; then
        echo "readers.sh: no vndoc binary at $vndoc (drop --no-build, or give --vndoc PATH)" >&2
        exit 1
    fi
    log "vndoc: $vndoc"
fi

# --- peers (PyPI, in Benchmarks/.venv) ---------------------------------------------------------
log "peers: python-docx, docx2txt, mammoth, lxml, trafilatura, inscriptis, beautifulsoup4"
py=$(bash "$here/venv.sh" python-docx==1.2.0 docx2txt==0.9 mammoth==1.13.0 lxml==6.1.3 \
    trafilatura==2.3.1 inscriptis==2.7.6 beautifulsoup4==4.15.0 | tail -n 1)

# --- data --------------------------------------------------------------------------------------
log "data"
python3 "$here/gen_readers.py" --docx "$docx" --html-mb "$html_mb" >&2

# --- run -------------------------------------------------------------------------------------
log "running ($runs runs per tool, interleaved)"
if [[ $use_vndoc -eq 1 ]]; then
    extra+=(--vndoc "$vndoc" --vndoc-source "${source_note:-given binary}")
else
    extra+=(--no-vndoc)
fi
"$py" "$here/bench_readers.py" --python "$py" --runs "$runs" --jobs "$jobs" "${extra[@]}"
