#!/usr/bin/env bash
# Make (or reuse) Benchmarks/.venv and pip-install the packages given as arguments.
#
#   bash Benchmarks/venv.sh                  # just make sure the venv exists
#   bash Benchmarks/venv.sh underthesea==6.8.4 pyvi
#
# Prints the venv's python path as its last line, so a caller can do
#   PY=$(bash Benchmarks/venv.sh some-package | tail -n 1)
# Benchmarks/.venv is git-ignored. PYTHON picks the interpreter (default python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
venv="$here/.venv"
python="${PYTHON:-python3}"

if [[ ! -x "$venv/bin/python" ]]; then
    echo "venv: creating $venv with $("$python" --version 2>&1)" >&2
    "$python" -m venv "$venv"
    "$venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >&2
fi

if [[ $# -gt 0 ]]; then
    echo "venv: pip install $*" >&2
    "$venv/bin/python" -m pip install -q --disable-pip-version-check "$@" >&2
fi

echo "$venv/bin/python"
