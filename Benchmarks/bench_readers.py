#!/usr/bin/env python3
"""Reader benchmark driver (called by readers.sh; usable alone with the venv's python).

For each file set (data/readers/docx: ~200 .docx; data/readers/html: ~20 MB of pages) every
tool runs as its own process over the whole folder, --runs times, interleaved (run 1 of every
tool and set, then run 2, ...), so that a burst of load on the shared machine hits all alike:

    vndoc read       vndoc run DIR --out TMP --jobs J --pipeline pipelines/read.yml
    vndoc r+n+s      ... --pipeline pipelines/read-normalize-segment.yml
    vndoc default    ... (the built-in default pipeline, entities included)
    peers            PY peer_readers.py TOOL DIR    (see peer_readers.py)
    xmllint          xmllint --html --noout DIR/*.html   (HTML parse-only floor)

vndoc writes its JSON (one pretty file per document and documents.jsonl) into a fresh temporary
folder, deleted after each run; the peers write nothing. Wall time is the median over the
runs (time.perf_counter around the process), peak RSS is GNU time's %M (max over the runs), CPU
is user + system seconds of the median run (getrusage of the children). MB = 1e6 bytes; MB/s
is input FILE bytes / 1e6 / median seconds (for DOCX, the compressed .docx bytes; the
uncompressed XML of all parts is given alongside).

Writes results/readers-<date>.md (the markdown below) and results/readers-<date>.json.
Exit status: 0, or 1 if a run failed.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from benchtime import measure  # noqa: E402

DOCX_PEERS = [("python-docx", "python-docx: paragraphs + table cells"),
              ("docx2txt", "docx2txt.process"),
              ("mammoth", "mammoth.extract_raw_text"),
              ("zipfile-lxml", "zipfile + lxml iterparse of document.xml")]
HTML_PEERS = [("trafilatura", "trafilatura.extract (main content)"),
              ("inscriptis", "inscriptis.get_text (whole page)"),
              ("bs4-lxml", "BeautifulSoup(lxml) get_text, scripts dropped"),
              ("lxml-bare", "lxml.html text_content(), no structure")]
# name, pipeline, what, pinned to one CPU
VNDOC = [("vndoc read", "pipelines/read.yml", "read only: text, blocks, chrome dropped", False),
         ("vndoc read 1cpu", "pipelines/read.yml", "the same pinned to one CPU (taskset)", True),
         ("vndoc r+n+s", "pipelines/read-normalize-segment.yml", "read, normalize, segment", False),
         ("vndoc default", None, "default pipeline: + entities", False)]


def rusage_children() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def version_of(argv: list[str]) -> str:
    try:
        p = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        out = (p.stdout + p.stderr).strip()
        return out.splitlines()[0] if out else "?"
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def count_vndoc_output(out: Path) -> tuple[int, int, int]:
    """(documents, text chars, blocks) from documents.jsonl."""
    docs = chars = blocks = 0
    with open(out / "documents.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs += 1
            chars += len(d["text"])
            blocks += len(d["blocks"])
    return docs, chars, blocks


class Tool:
    def __init__(self, name: str, what: str, kind: str):
        self.name, self.what, self.kind = name, what, kind
        self.pinned = False
        self.seconds: list[float] = []
        self.cpu: list[float] = []
        self.rss_kib: list[int] = []
        self.chars: int | None = None
        self.blocks: int | None = None
        self.failed = 0
        self.note = ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--vndoc", help="vndoc binary (omit with --no-vndoc)")
    ap.add_argument("--no-vndoc", action="store_true")
    ap.add_argument("--vndoc-source", default="", help="what the binary was built from (for the report)")
    ap.add_argument("--python", default=sys.executable, help="python with the peers installed")
    ap.add_argument("--data", type=Path, default=HERE / "data" / "readers")
    ap.add_argument("--results", type=Path, default=HERE / "results")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jobs", type=int, default=1, help="vndoc run --jobs (default 1, as the peers are single-process)")
    ap.add_argument("--taskset", default="", help="pin every tool to these CPUs (taskset -c LIST), e.g. 1")
    ap.add_argument("--only", choices=("docx", "html"), help="one file set only")
    ap.add_argument("--out-root", help="where vndoc's temporary output folders go (default /dev/shm, a tmpfs, "
                    "so that the comparison is about reading, not the disk; else the system temp folder)")
    ap.add_argument("--skip", action="append", default=[], help="tool to leave out (repeatable), e.g. mammoth")
    a = ap.parse_args()
    if not a.no_vndoc and not a.vndoc:
        ap.error("give --vndoc PATH or --no-vndoc")

    manifest = json.loads((a.data / "manifest.json").read_text())
    sets = {}
    for kind in ("docx", "html"):
        if a.only and kind != a.only:
            continue
        folder = a.data / kind
        files = sorted(p for p in folder.iterdir() if p.suffix == "." + kind)
        sets[kind] = {"dir": folder, "files": files, "bytes": sum(p.stat().st_size for p in files)}
    if "docx" in sets:
        sets["docx"]["xml_bytes"] = manifest["docx_xml_bytes"]

    tools: dict[str, list[Tool]] = {}
    for kind in sets:
        lst = []
        if not a.no_vndoc:
            for name, _, what, pinned in VNDOC:
                if pinned and a.taskset:
                    continue  # everything is pinned already
                lst.append(Tool(name, what, "vndoc"))
                lst[-1].pinned = pinned
        for name, what in (DOCX_PEERS if kind == "docx" else HTML_PEERS):
            lst.append(Tool(name, what, "peer"))
        if kind == "html":
            lst.append(Tool("xmllint", "xmllint --html --noout (parse only)", "xmllint"))
        tools[kind] = [t for t in lst if t.name not in a.skip and t.name.split()[-1] not in a.skip]

    pin = ["taskset", "-c", a.taskset] if a.taskset else []
    pipelines = {name: (str(HERE / p) if p else None) for name, p, _, _ in VNDOC}
    one_cpu = ["taskset", "-c", str(max(os.sched_getaffinity(0)))]
    out_root = a.out_root
    if out_root is None:
        out_root = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else tempfile.gettempdir()
    tmp_root = Path(tempfile.mkdtemp(prefix="vndoc-readers-", dir=out_root))
    fs = version_of(["stat", "-f", "-c", "%T", str(tmp_root)])
    load_before = os.getloadavg()
    started = dt.datetime.now(dt.timezone.utc)
    ok = True
    try:
        for run in range(a.runs):
            for kind, s in sets.items():
                for t in tools[kind]:
                    out = None
                    if t.kind == "vndoc":
                        out = tmp_root / f"out-{kind}"
                        shutil.rmtree(out, ignore_errors=True)
                        argv = [a.vndoc, "run", str(s["dir"]), "--out", str(out), "--jobs", str(a.jobs)]
                        if pipelines[t.name]:
                            argv += ["--pipeline", pipelines[t.name]]
                    elif t.kind == "peer":
                        argv = [a.python, str(HERE / "peer_readers.py"), t.name, str(s["dir"])]
                    else:
                        argv = ["xmllint", "--html", "--noout", *map(str, s["files"])]
                    stdout_path = tmp_root / "stdout"
                    cpu0 = rusage_children()
                    r = measure((one_cpu if getattr(t, "pinned", False) else pin) + argv, stdout_path=str(stdout_path))
                    cpu = rusage_children() - cpu0
                    print(f"  run {run + 1}/{a.runs} {kind:4} {t.name:14} {r.seconds:7.2f} s  "
                          f"cpu {cpu:6.2f} s  {r.peak_rss_kib / 1024:6.1f} MB  rc {r.returncode}", file=sys.stderr)
                    # xmllint exits 1 when the HTML parser reports errors (HTML5 tags); that is not a failure.
                    bad = r.returncode != 0 and not (t.kind == "xmllint" and r.returncode == 1)
                    if bad:
                        ok = False
                        t.failed += 1
                        print(f"  {t.name} failed: {r.stderr_tail[-600:]}", file=sys.stderr)
                        continue
                    t.seconds.append(r.seconds)
                    t.cpu.append(cpu)
                    t.rss_kib.append(r.peak_rss_kib)
                    if t.kind == "peer" and t.chars is None:
                        info = json.loads(stdout_path.read_text().strip().splitlines()[-1])
                        t.chars = info["chars"]
                    if t.kind == "vndoc":
                        errors = (out / "errors.jsonl").read_text() if (out / "errors.jsonl").exists() else ""
                        if errors.strip():
                            t.note = f"{len(errors.splitlines())} files failed"
                            ok = False
                        if t.chars is None:
                            docs, t.chars, t.blocks = count_vndoc_output(out)
                        shutil.rmtree(out, ignore_errors=True)
    finally:
        shutil.rmtree(tmp_root, ignore_errors=True)
    load_after = os.getloadavg()

    # Start-up floors, once: what each kind of process holds before it reads anything.
    baselines = []
    with tempfile.TemporaryDirectory(prefix="vndoc-readers-empty-") as empty:
        if not a.no_vndoc:
            r = measure(pin + [a.vndoc, "run", empty, "--out", os.path.join(empty, "out"), "--jobs", str(a.jobs),
                               "--pipeline", str(HERE / "pipelines" / "read.yml")])
            baselines.append(("vndoc run on an empty folder", r))
        baselines.append(("python -c pass", measure(pin + [a.python, "-c", "pass"])))
        baselines.append(("python -c 'import lxml.html'", measure(pin + [a.python, "-c", "import lxml.html"])))

    # ---- report -------------------------------------------------------------------------
    def med(t: Tool) -> float | None:
        return statistics.median(t.seconds) if t.seconds else None

    def cpu_of(t: Tool) -> float | None:
        if not t.seconds:
            return None
        m = med(t)
        # CPU of the run whose wall time is the median (the middle run for odd counts).
        k = min(range(len(t.seconds)), key=lambda i: abs(t.seconds[i] - m))
        return t.cpu[k]

    date = started.strftime("%Y-%m-%d")
    py_versions = version_of([a.python, "-c",
                              "import importlib.metadata as m,sys;print(sys.version.split()[0], ' '.join("
                              "f'{p}=={m.version(p)}' for p in ['python-docx','docx2txt','mammoth','lxml',"
                              "'trafilatura','inscriptis','beautifulsoup4']))"])
    lines = [
        f"# vndoc readers benchmark, {started.strftime('%Y-%m-%d %H:%M UTC')}",
        "",
        f"- vndoc: `{a.vndoc}`" + (f" ({a.vndoc_source})" if a.vndoc_source else "") if not a.no_vndoc else "- vndoc: not run",
        f"- vndoc runs with `--jobs {a.jobs}`: one process over the whole folder, writing its JSON (a pretty file per document "
        f"and documents.jsonl) to a temporary folder under {out_root} ({fs}); the peers write nothing. "
        + (f"Every tool pinned with `taskset -c {a.taskset}`." if a.taskset else
           f"Nothing pinned except `vndoc read 1cpu` (`{' '.join(one_cpu)}`): `--jobs 1` still has up to two files in "
           "flight and writes output on another task, so it can use more than one core (compare CPU s with median s)."),
        f"- peers: Python {py_versions}; {version_of(['xmllint', '--version'])}",
        f"- {a.runs} runs per tool, interleaved; median wall time; peak RSS = max of GNU time %M over the runs; "
        "CPU = user + system s of the median run",
        f"- machine: {os.cpu_count()} cores, {platform.machine()}, load average {load_before[0]:.2f} before, {load_after[0]:.2f} after",
        "- MB = 10^6 bytes; **MB/s = input file bytes** / 10^6 / median s (DOCX: the .docx files as stored, compressed)",
        "",
    ]
    results = {"date": started.isoformat(), "vndoc": a.vndoc, "vndoc_source": a.vndoc_source, "jobs": a.jobs,
               "taskset": a.taskset, "runs": a.runs, "load": [load_before[0], load_after[0]], "sets": {}}
    goals = []
    for kind, s in sets.items():
        mb = s["bytes"] / 1e6
        n = len(s["files"])
        ref = {t.name: t for t in tools[kind]}
        head = f"## {kind.upper()}: {n} files, {mb:.1f} MB"
        if kind == "docx":
            head += f" (.docx as stored; {s['xml_bytes'] / 1e6:.1f} MB of XML uncompressed, all parts)"
        lines += [head, ""]
        cols = ["tool", "what", "files/s", "MB/s"] + (["XML MB/s"] if kind == "docx" else []) + \
               ["median s", "CPU s", "MB per CPU s", "peak RSS MB", "chars (M)", "vndoc read ÷ tool", "same by CPU s",
                "vndoc default ÷ tool", "RSS vndoc read ÷ tool"]
        lines.append("| " + " | ".join(cols) + " |")
        lines.append("|" + "|".join(" --- " if c in ("tool", "what") else " ---: " for c in cols) + "|")
        rows = []
        vr, vd = ref.get("vndoc read"), ref.get("vndoc default")
        for t in tools[kind]:
            m = med(t)
            if m is None:
                lines.append(f"| {t.name} | {t.what} | failed |" + " |" * (len(cols) - 3))
                rows.append({"tool": t.name, "failed": True})
                continue
            rss = max(t.rss_kib) / 1024
            row = {"tool": t.name, "what": t.what, "median_s": m, "seconds": t.seconds, "cpu_s": cpu_of(t),
                   "files_s": n / m, "mb_s": mb / m, "peak_rss_mb": rss, "chars": t.chars, "blocks": t.blocks,
                   "note": t.note}
            if kind == "docx":
                row["xml_mb_s"] = s["xml_bytes"] / 1e6 / m

            def ratio(v: Tool | None, time_based=True) -> str:
                if v is None or v is t or not v.seconds or t.kind == "vndoc":
                    return ""
                return f"{m / med(v):.2f}×"

            def cpu_ratio(v: Tool | None) -> str:
                if v is None or not v.seconds or t.kind == "vndoc":
                    return ""
                return f"{row['cpu_s'] / cpu_of(v):.2f}×"

            rss_ratio = "" if (vr is None or not vr.rss_kib or t.kind == "vndoc") else f"{max(vr.rss_kib) / max(t.rss_kib):.2f}"
            cells = [t.name, t.what, f"{n / m:.0f}", f"{mb / m:.2f}"] + ([f"{row['xml_mb_s']:.1f}"] if kind == "docx" else []) + \
                    [f"{m:.2f}", f"{row['cpu_s']:.2f}", f"{mb / row['cpu_s']:.2f}", f"{rss:.1f}",
                     "-" if t.chars is None else f"{t.chars / 1e6:.2f}", ratio(vr), cpu_ratio(vr), ratio(vd), rss_ratio]
            if t.note:
                cells[1] += f" ({t.note})"
            lines.append("| " + " | ".join(cells) + " |")
            rows.append(row)
        results["sets"][kind] = {"files": n, "bytes": s["bytes"], **({"xml_bytes": s["xml_bytes"]} if kind == "docx" else {}),
                                 "rows": rows}
        lines.append("")
        if vr and vr.seconds and vr.blocks is not None:
            lines.append(f"vndoc read kept {vr.chars / 1e6:.2f} M characters in {vr.blocks} blocks. "
                         "Speed ratios are the tool's median s ÷ vndoc's (> 1: vndoc is faster); \"same by CPU s\" divides "
                         "CPU seconds instead, which a busy machine disturbs less; the RSS ratio is vndoc's peak ÷ the tool's "
                         "(< 1: vndoc is smaller).")
            lines.append("")

        # goals from the issue
        def speed(name: str) -> float | None:
            t = ref.get(name)
            return mb / med(t) if t and t.seconds else None

        def check(label: str, vname: str, peer: str, factor: float):
            v, p = speed(vname), speed(peer)
            if v is None or p is None:
                return
            got = v / p
            by_cpu = cpu_of(ref[peer]) / cpu_of(ref[vname])
            goals.append(f"- {label}: {vname} {v:.2f} MB/s = {got:.2f}× {peer} ({p:.2f} MB/s); goal ≥ {factor:g}× — "
                         f"**{'met' if got >= factor else 'NOT met'}** (by CPU time: {by_cpu:.2f}×)")

        if kind == "docx":
            for vname in ("vndoc read", "vndoc read 1cpu", "vndoc default"):
                check("DOCX", vname, "docx2txt", 5)
                check("DOCX", vname, "zipfile-lxml", 2)
        else:
            for vname in ("vndoc read", "vndoc read 1cpu", "vndoc default"):
                check("HTML", vname, "inscriptis", 10)
                check("HTML", vname, "lxml-bare", 0.5)
        for vname in ("vndoc read", "vndoc default"):
            v = ref.get(vname)
            if not v or not v.rss_kib:
                continue
            vm = max(v.rss_kib) / 1024
            peers = [(t.name, max(t.rss_kib) / 1024) for t in tools[kind] if t.kind != "vndoc" and t.rss_kib]
            above = [f"{name} {r:.1f} MB" for name, r in peers if r <= vm]
            goals.append(f"- {kind.upper()} memory: {vname} peak {vm:.1f} MB; goal below every peer's — "
                         + ("**met**" if not above else f"**NOT met** (not below {', '.join(above)})"))
    if baselines:
        lines += ["Start-up floors (one run each): " + "; ".join(
            f"{name} {r.seconds:.2f} s, {r.peak_rss_kib / 1024:.1f} MB peak RSS" for name, r in baselines) + ".", ""]
        results["baselines"] = {name: {"seconds": r.seconds, "peak_rss_kib": r.peak_rss_kib} for name, r in baselines}
    if goals:
        lines += ["## Goals (from the issue; vndoc read = the reader alone, vndoc default = the whole pipeline)", ""] + goals + [""]
    report = "\n".join(lines)
    print(report)
    a.results.mkdir(parents=True, exist_ok=True)
    (a.results / f"readers-{date}.md").write_text(report + "\n")
    (a.results / f"readers-{date}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    print(f"\nwritten: {a.results / f'readers-{date}.md'} and .json", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
