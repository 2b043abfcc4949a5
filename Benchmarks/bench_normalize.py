#!/usr/bin/env python3
"""Normalisation benchmark driver (called by normalize.sh; usable alone).

For each input (corpus-nfc.txt, corpus-nfd.txt) and each tool

    vndoc   BIN normalize FILE                          > results/out/vndoc-INPUT.txt
    uconv   uconv -f utf-8 -t utf-8 -x any-nfc FILE     > results/out/uconv-INPUT.txt
    python  PY py_nfc.py FILE results/out/python-INPUT.txt

runs the command --runs times, interleaved (run 1 of every tool and input,
then run 2, ...) so that load changes on a shared machine hit all tools alike,
and takes the median wall time and the largest peak RSS. Then it checks that
vndoc's outputs for the two inputs are byte-identical (a product promise) and
that the two peers agree with each other, and writes a table
(results/normalize.txt) and JSON (results/normalize.json).

MB = 1e6 bytes; MB/s = input bytes / 1e6 / median seconds.
Exit status: 0 if every run succeeded and vndoc's two outputs match, else 1.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import platform
import shlex
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from benchtime import measure, summarize  # noqa: E402

INPUTS = ("nfc", "nfd")


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def first_difference(a: Path, b: Path) -> str:
    """Describe where two files first differ."""
    with open(a, "rb") as fa, open(b, "rb") as fb:
        offset = 0
        while True:
            ca, cb = fa.read(1 << 20), fb.read(1 << 20)
            if ca == cb:
                if not ca:
                    return "identical"
                offset += len(ca)
                continue
            n = min(len(ca), len(cb))
            i = next((k for k in range(n) if ca[k] != cb[k]), n)
            at = offset + i
            start = max(0, i - 40)
            while start > 0 and 0x80 <= ca[start] < 0xC0:  # back to a UTF-8 character start
                start -= 1
            ctx = lambda c: c[start: i + 40].decode("utf-8", "replace")  # noqa: E731
            return (f"first difference at byte {at} (sizes {a.stat().st_size} vs {b.stat().st_size}):\n"
                    f"  {a.name}: {ctx(ca)!r}\n  {b.name}: {ctx(cb)!r}")


def version(argv: list[str]) -> str:
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=30)
        return (p.stdout or p.stderr).strip().splitlines()[0] if (p.stdout or p.stderr).strip() else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def git_revision(root: Path) -> str:
    try:
        rev = subprocess.run(["git", "-C", str(root), "rev-parse", "--short", "HEAD"],
                             capture_output=True, text=True, timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "-C", str(root), "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True, timeout=30).stdout.strip()
        return rev + ("+dirty" if dirty else "") if rev else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def loadavg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def fmt_ratio(x: float | None) -> str:
    return f"{x:.2f}x" if x is not None else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vndoc", help="path to the vndoc binary (release build)")
    ap.add_argument("--no-vndoc", action="store_true", help="measure the peers only")
    ap.add_argument("--uconv", default="uconv")
    ap.add_argument("--python", default="python3", help="interpreter for the Python peer")
    ap.add_argument("--data", type=Path, default=HERE / "data")
    ap.add_argument("--results", type=Path, default=HERE / "results")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--keep-outputs", action="store_true",
                    help="keep results/out/*.txt (they are deleted after the checks unless a check fails)")
    args = ap.parse_args()
    if not args.no_vndoc and not args.vndoc:
        ap.error("give --vndoc BIN or --no-vndoc")

    inputs = {name: args.data / f"corpus-{name}.txt" for name in INPUTS}
    for path in inputs.values():
        if not path.exists():
            sys.exit(f"bench_normalize: missing {path}; run gen_corpus.py first")
    sizes = {name: path.stat().st_size for name, path in inputs.items()}
    outdir = args.results / "out"
    outdir.mkdir(parents=True, exist_ok=True)

    def tool_cmds(inp: str) -> dict[str, tuple[list[str], Path | None, Path]]:
        """tool -> (argv, stdout file or None, output file)."""
        f = str(inputs[inp])
        cmds = {}
        if not args.no_vndoc:
            out = outdir / f"vndoc-{inp}.txt"
            cmds["vndoc"] = ([args.vndoc, "normalize", f], out, out)
        out = outdir / f"uconv-{inp}.txt"
        cmds["uconv"] = ([args.uconv, "-f", "utf-8", "-t", "utf-8", "-x", "any-nfc", f], out, out)
        out = outdir / f"python-{inp}.txt"
        cmds["python"] = ([args.python, str(HERE / "py_nfc.py"), f, str(out)], None, out)
        return cmds

    plan = {inp: tool_cmds(inp) for inp in INPUTS}
    tools = list(plan[INPUTS[0]])

    # Warm the page cache so that the first tool measured does not pay for the disk.
    for path in inputs.values():
        with open(path, "rb") as fh:
            while fh.read(1 << 24):
                pass

    load_before = loadavg()
    started = dt.datetime.now(dt.timezone.utc)
    runs: dict[tuple[str, str], list] = {(t, i): [] for i in INPUTS for t in tools}
    for rep in range(args.runs):
        for inp in INPUTS:
            for tool in tools:
                argv, stdout_path, _ = plan[inp][tool]
                r = measure(argv, str(stdout_path) if stdout_path else None)
                runs[(tool, inp)].append(r)
                status = "" if r.returncode == 0 else f"  EXIT {r.returncode}"
                print(f"  run {rep + 1}/{args.runs}  {tool:<6} {inp}  {r.seconds:7.3f} s  "
                      f"{r.peak_rss_kib * 1024 / 1e6:8.1f} MB RSS{status}", file=sys.stderr, flush=True)
                if r.returncode != 0 and r.stderr_tail:
                    print("    stderr: " + r.stderr_tail.strip().replace("\n", "\n    "), file=sys.stderr)
    load_after = loadavg()

    results = []
    by_key = {}
    for inp in INPUTS:
        for tool in tools:
            s = summarize(runs[(tool, inp)])
            argv = plan[inp][tool][0]
            mb = sizes[inp] / 1e6
            row = {
                "tool": tool,
                "input": inp,
                "input_bytes": sizes[inp],
                "command": shlex.join(argv) + (f" > {plan[inp][tool][1]}" if plan[inp][tool][1] else ""),
                "ok": s["ok"],
                "median_s": round(s["median_s"], 4),
                "min_s": round(s["min_s"], 4),
                "mb_per_s": round(mb / s["median_s"], 2) if s["ok"] else None,
                "peak_rss_mb": round(s["peak_rss_kib"] * 1024 / 1e6, 1),
                "peak_rss_per_input": round(s["peak_rss_kib"] * 1024 / sizes[inp], 3),
                "runs_s": [round(r["seconds"], 4) for r in s["runs"]],
                "runs_peak_rss_kib": [r["peak_rss_kib"] for r in s["runs"]],
            }
            results.append(row)
            by_key[(tool, inp)] = row

    ratios = {}
    for inp in INPUTS:
        v = by_key.get(("vndoc", inp))
        r = {}
        for peer in ("python", "uconv"):
            p = by_key[(peer, inp)]
            r[f"vndoc_over_{peer}"] = (round(v["mb_per_s"] / p["mb_per_s"], 3)
                                       if v and v["mb_per_s"] and p["mb_per_s"] else None)
        ratios[inp] = r

    # Correctness in passing.
    checks = {}
    notes = []
    if not args.no_vndoc and all(by_key[("vndoc", i)]["ok"] for i in INPUTS):
        a, b = outdir / "vndoc-nfc.txt", outdir / "vndoc-nfd.txt"
        same = sha256(a) == sha256(b)
        checks["vndoc_nfc_nfd_identical"] = same
        notes.append("vndoc output of corpus-nfc.txt vs corpus-nfd.txt: " +
                     ("OK (byte-identical)" if same else "MISMATCH\n  " + first_difference(a, b).replace("\n", "\n  ")))
    elif not args.no_vndoc:
        checks["vndoc_nfc_nfd_identical"] = None
        notes.append("vndoc output of corpus-nfc.txt vs corpus-nfd.txt: not checked (vndoc failed)")
    peer_files = [outdir / f"{t}-{i}.txt" for t in ("uconv", "python") for i in INPUTS
                  if by_key[(t, i)]["ok"]]
    if peer_files:
        reference = sha256(inputs["nfc"])
        agree = all(sha256(p) == reference for p in peer_files)
        checks["peers_equal_corpus_nfc"] = agree
        notes.append("peers (uconv, python) NFC of both inputs == corpus-nfc.txt: " +
                     ("OK" if agree else "MISMATCH " + ", ".join(p.name for p in peer_files
                                                                if sha256(p) != reference)))

    failed = [f"{row['tool']}/{row['input']}" for row in results if not row["ok"]]
    mismatch = checks.get("vndoc_nfc_nfd_identical") is False
    if not args.keep_outputs and not failed and not mismatch and checks.get("peers_equal_corpus_nfc", True):
        for p in outdir.glob("*.txt"):
            p.unlink()

    versions = {
        "uconv": version([args.uconv, "--version"]),
        "python": version([args.python, "--version"]),
    }
    if not args.no_vndoc:
        versions["vndoc"] = version([args.vndoc, "--version"])
    versions["git_revision"] = git_revision(HERE.parent)
    host = {
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
        "kernel": platform.release(),
        "loadavg_before": load_before,
        "loadavg_after": load_after,
    }

    # Table.
    header = ["tool", "input", "MB/s", "median s", "peak RSS MB", "RSS/input", "vndoc/python", "vndoc/uconv"]
    rows = []
    for row in results:
        is_v = row["tool"] == "vndoc"
        rows.append([
            row["tool"], row["input"],
            f"{row['mb_per_s']:.1f}" if row["mb_per_s"] else "FAILED",
            f"{row['median_s']:.3f}",
            f"{row['peak_rss_mb']:.1f}",
            f"{row['peak_rss_per_input']:.2f}",
            fmt_ratio(ratios[row["input"]]["vndoc_over_python"]) if is_v else "",
            fmt_ratio(ratios[row["input"]]["vndoc_over_uconv"]) if is_v else "",
        ])
    widths = [max(len(h), *(len(r[k]) for r in rows)) for k, h in enumerate(header)]
    line = lambda cells: "  ".join(c.ljust(w) if k < 2 else c.rjust(w)  # noqa: E731
                                   for k, (c, w) in enumerate(zip(cells, widths))).rstrip()
    text = [
        f"vndoc normalise benchmark  {started:%Y-%m-%d %H:%M} UTC  git {versions['git_revision']}",
        f"inputs: corpus-nfc.txt {sizes['nfc'] / 1e6:.1f} MB, corpus-nfd.txt {sizes['nfd'] / 1e6:.1f} MB"
        f"  (MB = 1e6 bytes)",
        f"{args.runs} runs each, interleaved; median wall time; peak RSS = max over runs; "
        f"{host['cpus']} CPUs, load {load_before} -> {load_after}",
        f"peers: {versions['uconv']}; {versions['python']} unicodedata",
        "vndoc = normalize (NFC + tone placement + whitespace); peers = plain NFC. "
        "vndoc/peer = vndoc MB/s / peer MB/s (>1: vndoc faster).",
        "",
        line(header),
        line(["-" * w for w in widths]),
        *(line(r) for r in rows),
        "",
        *notes,
    ]
    if failed:
        text.append("FAILED runs: " + ", ".join(failed))
    report = "\n".join(text) + "\n"
    print(report, end="")

    args.results.mkdir(parents=True, exist_ok=True)
    (args.results / "normalize.txt").write_text(report)
    (args.results / "normalize.json").write_text(json.dumps({
        "benchmark": "normalize",
        "started_utc": started.isoformat(timespec="seconds"),
        "units": {"mb": "1e6 bytes", "mb_per_s": "input MB / median wall seconds",
                  "peak_rss_mb": "max over runs of GNU time %M (KiB) * 1024 / 1e6"},
        "runs": args.runs,
        "host": host,
        "versions": versions,
        "inputs": {i: {"path": str(inputs[i]), "bytes": sizes[i]} for i in INPUTS},
        "results": results,
        "ratios_speed": ratios,
        "checks": checks,
        "failed": failed,
    }, indent=2) + "\n")
    return 1 if failed or mismatch else 0


if __name__ == "__main__":
    sys.exit(main())
