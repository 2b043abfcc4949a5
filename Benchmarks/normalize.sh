#!/usr/bin/env bash
# Vietnamese text normalisation benchmark: vndoc normalize vs uconv (ICU) and
# Python's unicodedata, on ~50 MB of NFC and NFD text made from Corpus/.
#
#   bash Benchmarks/normalize.sh                 # build vndoc (release), run everything
#   bash Benchmarks/normalize.sh --no-vndoc      # peers only (e.g. while vndoc does not build)
#   bash Benchmarks/normalize.sh --no-build      # use the release binary already built
#   bash Benchmarks/normalize.sh --vndoc PATH    # use this binary (implies --no-build)
#   options: --runs N (3)  --size-mb N (50)  --keep-outputs
#   environment: PYTHON (python3) for the Python peer and the helpers
#
# Writes Benchmarks/results/normalize.txt and normalize.json; inputs go to
# Benchmarks/data/ (both git-ignored). See Benchmarks/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-python3}"
runs=3
size_mb=50
build=1
use_vndoc=1
vndoc=""
keep=()

while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-vndoc) use_vndoc=0; build=0 ;;
        --no-build) build=0 ;;
        --vndoc) vndoc="$2"; build=0; shift ;;
        --runs) runs="$2"; shift ;;
        --size-mb) size_mb="$2"; shift ;;
        --keep-outputs) keep=(--keep-outputs) ;;
        -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "normalize.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

log() { echo "== $*" >&2; }

# --- peers and tools ---------------------------------------------------------
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

if ! command -v uconv >/dev/null 2>&1; then
    log "installing icu-devtools (uconv)"
    apt_install icu-devtools
fi
if [[ ! -x /usr/bin/time ]]; then
    log "installing time (/usr/bin/time)"
    apt_install time
fi
if ! command -v "$python" >/dev/null 2>&1; then
    log "installing python3"
    apt_install python3
fi

# --- vndoc -------------------------------------------------------------------
if [[ $use_vndoc -eq 1 ]]; then
    if [[ $build -eq 1 ]]; then
        log "building vndoc (release)"
        (cd "$root" && swift build -c release --product vndoc) >&2
    fi
    if [[ -z "$vndoc" ]]; then
        vndoc="$(cd "$root" && swift build -c release --show-bin-path)/vndoc"
    fi
    if [[ ! -x "$vndoc" ]]; then
        echo "normalize.sh: no vndoc binary at $vndoc (build it, or use --no-vndoc)" >&2
        exit 1
    fi
    log "vndoc: $vndoc"
fi

# --- data --------------------------------------------------------------------
log "inputs (~${size_mb} MB)"
"$python" "$here/gen_corpus.py" --corpus "$root/Corpus" --out "$here/data" --size-mb "$size_mb" >&2

# --- run ---------------------------------------------------------------------
log "measuring ($runs runs each)"
vndoc_args=(--no-vndoc)
[[ $use_vndoc -eq 1 ]] && vndoc_args=(--vndoc "$vndoc")
exec "$python" "$here/bench_normalize.py" "${vndoc_args[@]}" \
    --python "$python" --data "$here/data" --results "$here/results" --runs "$runs" "${keep[@]}"
