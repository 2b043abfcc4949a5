#!/usr/bin/env bash
# `vndoc run` on a generated archive of mixed documents (text, HTML, DOCX, TCVN3 text, Word 97):
# documents/s, MB/s and peak RSS with --jobs 1 and --jobs 2, and peak RSS against the number of
# documents (500, 2000, 4000 with --jobs 2).
#
#   bash Benchmarks/run.sh                    # build vndoc (release), generate the archive in a temp folder, run
#   bash Benchmarks/run.sh --vndoc PATH       # measure this binary (no build)
#   bash Benchmarks/run.sh --no-build         # the existing release binary ($(swift build -c release --show-bin-path)/vndoc)
#   bash Benchmarks/run.sh --archive DIR      # generate into DIR and keep it; reused when its manifest is current
#   options: --runs N (3)  --count N (2000: the archive for jobs 1 vs 2)  --sizes "500 2000 4000" (memory section)
#            --mem-runs N (= --runs)  --out-root DIR (temporary folders; default $TMPDIR or /tmp)
#            --results DIR (Benchmarks/results)  --no-pin (leave out the "jobs 1 on one CPU" row)  --keep
#            --stall S (15: a run whose CPU time stands still this long has hung; it is killed and run again, twice at most)
#   environment: PYTHON (python3) for the generator and the driver (standard library only, no venv)
#
# Needs GNU time at /usr/bin/time (installed with apt-get, Debian package `time`, if missing).
# Writes RESULTS/run-<date>.md and .json. See Benchmarks/README.md.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-python3}"
runs=3
mem_runs=""
count=2000
sizes="500 2000 4000"
build=1
vndoc=""
archive=""
out_root="${TMPDIR:-/tmp}"
results="$here/results"
pin=1
keep=0
stall=15

while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) build=0 ;;
        --vndoc) vndoc="$2"; build=0; shift ;;
        --archive) archive="$2"; shift ;;
        --runs) runs="$2"; shift ;;
        --mem-runs) mem_runs="$2"; shift ;;
        --count) count="$2"; shift ;;
        --sizes) sizes="$2"; shift ;;
        --out-root) out_root="$2"; shift ;;
        --results) results="$2"; shift ;;
        --no-pin) pin=0 ;;
        --keep) keep=1 ;;
        --stall) stall="$2"; shift ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
mem_runs="${mem_runs:-$runs}"

log() { echo "== $*" >&2; }

# --- tools from Debian --------------------------------------------------------------------------
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
# GNU time gives each run's peak RSS and CPU time (`/usr/bin/time -v`); bash's `time` keyword does not.
if [[ ! -x /usr/bin/time ]]; then log "installing time (/usr/bin/time)"; apt_install time; fi
if ! command -v "$python" >/dev/null 2>&1; then log "installing python3"; apt_install python3; fi

# --- vndoc --------------------------------------------------------------------------------------
if [[ $build -eq 1 ]]; then
    log "building vndoc (release)"
    (cd "$root" && swift build -c release --product vndoc) >&2
fi
if [[ -z "$vndoc" ]]; then
    vndoc="$(cd "$root" && swift build -c release --show-bin-path)/vndoc"
fi
if [[ ! -x "$vndoc" ]]; then
    echo "run.sh: no vndoc binary at $vndoc (drop --no-build, or give --vndoc PATH)" >&2
    exit 1
fi
log "vndoc: $vndoc"

# --- archive ------------------------------------------------------------------------------------
mkdir -p "$out_root"
work="$(mktemp -d "$out_root/bench-run.XXXXXX")"
cleanup() { if [[ $keep -eq 0 ]]; then rm -rf "$work"; else log "kept $work"; fi; }
trap cleanup EXIT
[[ -n "$archive" ]] || archive="$work/archive"

# One archive serves every measurement: as many documents as the largest size, in parts of the
# greatest common divisor of the sizes, so that each size is a whole number of parts.
read -r total part <<<"$("$python" -c '
import math, sys
n = [int(x) for x in sys.argv[1:]]
print(max(n), math.gcd(*n))' $count $sizes)"
log "archive: $total documents in parts of $part under $archive"
"$python" "$here/make-archive.py" --out "$archive" --count "$total" --part-size "$part" >&2

# --- run ----------------------------------------------------------------------------------------
log "measuring ($runs runs of jobs 1 and 2 on $count documents, $mem_runs of jobs 2 on $sizes documents, interleaved)"
"$python" - "$vndoc" "$archive" "$work" "$results" "$count" "$runs" "$mem_runs" "$pin" "$stall" $sizes <<'PY'
"""Driver: interleaved runs under /usr/bin/time -v, checks, Markdown table and JSON."""
import collections
import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

vndoc, archive, work, results = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
count, runs, mem_runs, pin = int(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7]), sys.argv[8] == "1"
stall, retries = float(sys.argv[9]), 2
sizes = sorted({int(x) for x in sys.argv[10:]})
hangs = []
manifest = json.loads((archive / ".manifest.json").read_text())
part_size = manifest["part_size"]
parts = sorted(manifest["parts"])


def subset(n):
    """The first n documents: whole part folders, their bytes from the manifest."""
    chosen = parts[: n // part_size]
    return {"docs": n, "paths": [str(archive / p) for p in chosen],
            "bytes": sum(manifest["parts"][p]["bytes"] for p in chosen),
            "files": sum(manifest["parts"][p]["files"] for p in chosen)}


def gnu_time_field(text, label):
    m = re.search(r"^\s*" + re.escape(label) + r".*?:\s*(\S+)\s*$", text, re.M)
    return m.group(1) if m else None


def process_cpu_ticks(pid):
    """User + system clock ticks of the children of pid (vndoc under /usr/bin/time), or None."""
    total = 0
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        for c in children:
            fields = Path(f"/proc/{c}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
    except (OSError, ValueError, IndexError):
        return None
    return total


def measure(argv, out):
    """One run: wall time by perf_counter around the process, the rest from /usr/bin/time -v.

    A watchdog thread reads the process's CPU time once a second; when it has not moved for
    `stall` seconds the run has hung (see README: vndoc can deadlock in libxml2's first use from
    two threads), and its process group is killed. The main thread waits without polling, so the
    wall time is not disturbed."""
    shutil.rmtree(out, ignore_errors=True)
    fd, tfile = tempfile.mkstemp(prefix="bench-time-", dir=work)
    os.close(fd)
    with tempfile.TemporaryFile(dir=work) as errf:
        start = time.perf_counter()
        p = subprocess.Popen(["/usr/bin/time", "-v", "-o", tfile, *argv], stdout=subprocess.DEVNULL, stderr=errf,
                             stdin=subprocess.DEVNULL, start_new_session=True)
        hung = threading.Event()
        done = threading.Event()

        def watchdog():
            last, since = None, time.perf_counter()
            while not done.wait(1.0):
                ticks = process_cpu_ticks(p.pid)
                now = time.perf_counter()
                if ticks != last:
                    last, since = ticks, now
                elif now - since > stall:
                    hung.set()
                    try:
                        os.killpg(p.pid, signal.SIGKILL)
                    except ProcessLookupError:
                        pass
                    return

        w = threading.Thread(target=watchdog, daemon=True)
        w.start()
        p.wait()
        seconds = time.perf_counter() - start
        done.set()
        w.join()
        errf.seek(0)
        err = errf.read().decode("utf-8", "replace")
    t = Path(tfile).read_text()
    os.unlink(tfile)
    written = re.search(r"vndoc: (\d+) documents? written to .*, (\d+) failed", err)
    errors = (out / "errors.jsonl").read_text().splitlines() if (out / "errors.jsonl").exists() else []
    return {"seconds": seconds, "rc": p.returncode, "hung": hung.is_set(),
            "rss_kib": int(gnu_time_field(t, "Maximum resident set size") or -1),
            "user_s": float(gnu_time_field(t, "User time") or 0), "sys_s": float(gnu_time_field(t, "System time") or 0),
            "cpu_pct": gnu_time_field(t, "Percent of CPU this job got") or "?",
            "ctx_invol": int(gnu_time_field(t, "Involuntary context switches") or 0),
            "documents": int(written.group(1)) if written else None, "failed": len(errors),
            "stderr_tail": err[-600:] if p.returncode else ""}


one_cpu = str(max(os.sched_getaffinity(0)))
configs = [("jobs 1", 1, []), ("jobs 2", 2, [])]
if pin:
    configs.insert(1, (f"jobs 1, one CPU (taskset -c {one_cpu})", 1, ["taskset", "-c", one_cpu]))
main_set = subset(count)
uptime_before = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
load_before = os.getloadavg()
started = dt.datetime.now(dt.timezone.utc)
out = work / "out"
ok = True
kept = work / "out-checked"
throughput = {name: [] for name, _, _ in configs}
memory = {n: [] for n in sizes}


def run_one(label, argv, store):
    """Measures once; a run that hung is counted, reported and run again (up to `retries` times)."""
    global ok
    for attempt in range(1 + retries):
        r = measure(argv, out)
        if r["hung"]:
            hangs.append({"run": label, "after_s": round(r["seconds"], 1),
                          "documents_written": len(list((out / "documents").rglob("*.json"))) if (out / "documents").exists() else 0})
            print(f"  {label:42} HUNG: no CPU time for {stall} s after {r['seconds']:.1f} s "
                  f"({hangs[-1]['documents_written']} documents written); killed, running it again", file=sys.stderr)
            continue
        break
    else:
        ok = False
        return r
    print(f"  {label:42} {r['seconds']:7.2f} s  user {r['user_s']:6.2f} sys {r['sys_s']:5.2f}  cpu {r['cpu_pct']:>5}  "
          f"{r['rss_kib'] / 1024:6.1f} MB  rc {r['rc']}  failed {r['failed']}", file=sys.stderr)
    if r["rc"] not in (0, 1) or r["documents"] is None:
        ok = False
        print(f"  run failed: {r['stderr_tail']}", file=sys.stderr)
        return r
    if r["failed"]:
        ok = False
    store.append(r)
    return r


for run in range(runs):
    for name, jobs, prefix in configs:
        run_one(f"run {run + 1}/{runs} {count} docs {name}", prefix + [vndoc, "run", *main_set["paths"], "--out", str(out),
                                                                      "--jobs", str(jobs)], throughput[name])
        if jobs == 2 and not kept.exists():
            out.rename(kept)  # the checks below read this one
for run in range(mem_runs):
    for n in sizes:
        s = subset(n)
        run_one(f"run {run + 1}/{mem_runs} {n} docs jobs 2", [vndoc, "run", *s["paths"], "--out", str(out), "--jobs", "2"],
                memory[n])
empty = work / "empty"
empty.mkdir(exist_ok=True)
floor = measure([vndoc, "run", str(empty), "--out", str(out), "--jobs", "2"], out)
shutil.rmtree(out, ignore_errors=True)
load_after = os.getloadavg()
uptime_after = subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()

# ---- checks on one jobs-2 output of the main archive --------------------------------------------
expected = {f["path"]: f for f in manifest["files"]}
kinds = collections.Counter()
per_template = collections.defaultdict(collections.Counter)
formats = collections.Counter()
mismatch = 0
if kept.exists():
    with open(kept / "documents.jsonl", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            rel = os.path.relpath(d["source"]["path"], archive)
            e = expected.get(rel, {"template": "?", "kind": None})
            kinds[d["kind"]] += 1
            per_template[e["template"]][d["kind"]] += 1
            formats[(d["source"]["format"], d["source"].get("encoding"))] += 1
            if e["kind"] and d["kind"] != e["kind"]:
                mismatch += 1
    failures = [json.loads(l) for l in (kept / "errors.jsonl").read_text().splitlines() if l.strip()]
    shutil.rmtree(kept, ignore_errors=True)
else:
    failures = []

# ---- report ------------------------------------------------------------------------------------
def med_run(rs):
    m = statistics.median(r["seconds"] for r in rs)
    return m, min(rs, key=lambda r: abs(r["seconds"] - m))


binary_sha = hashlib.sha256(Path(vndoc).read_bytes()).hexdigest()[:12]
fs = subprocess.run(["stat", "-f", "-c", "%T", str(work)], capture_output=True, text=True).stdout.strip()
mb = main_set["bytes"] / 1e6
lines = [
    f"# vndoc run on a generated archive, {started.strftime('%Y-%m-%d %H:%M UTC')}",
    "",
    f"- vndoc: `{vndoc}` (sha256 {binary_sha}…)",
    f"- archive: `{archive}`, made by `make-archive.py` (seed {manifest['seed']}): {manifest['count']} documents, "
    f"{manifest['bytes'] / 1e6:.1f} MB, in parts of {part_size}; the first N documents are the N-document archive",
    f"- output: a fresh folder on {fs} under `{work}` for every run (deleted before the next, not timed)",
    f"- {runs} runs of each row of the first table and {mem_runs} of each row of the second, interleaved; median wall time "
    "(perf_counter around the process); peak RSS = max over the runs of `/usr/bin/time -v` \"Maximum resident set size\"; "
    "CPU s = user + system of the median run; CPU % = CPU s ÷ wall s",
    f"- machine: {os.cpu_count()} cores, {platform.machine()}; `uptime` before: `{uptime_before}`; after: `{uptime_after}`",
    "- MB = 10^6 bytes; MB/s = input file bytes ÷ 10^6 ÷ median s",
    "",
    f"## Workers: {count} documents, {mb:.1f} MB",
    "",
    "| run | docs/s | MB/s | median s | best s | CPU s | CPU % | docs per CPU s | peak RSS MB | speed ÷ jobs 1 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
]
report = {"date": started.isoformat(), "vndoc": vndoc, "vndoc_sha256": binary_sha, "archive": str(archive),
          "archive_bytes": manifest["bytes"], "seed": manifest["seed"], "runs": runs, "mem_runs": mem_runs,
          "uptime": [uptime_before, uptime_after], "load": [load_before, load_after], "filesystem": fs,
          "workers": {"documents": count, "bytes": main_set["bytes"], "rows": {}}, "memory": {}, "checks": {}}
base = throughput["jobs 1"]
base_m = med_run(base)[0] if base else None
for name, _, _ in configs:
    rs = throughput[name]
    if not rs:
        lines.append(f"| {name} | failed |  |  |  |  |  |  |  |  |")
        continue
    m, r = med_run(rs)
    best = min(x["seconds"] for x in rs)
    cpu = r["user_s"] + r["sys_s"]
    rss = max(x["rss_kib"] for x in rs) / 1024
    lines.append(f"| {name} | {count / m:.0f} | {mb / m:.2f} | {m:.2f} | {best:.2f} | {cpu:.2f} | {100 * cpu / m:.0f} | "
                 f"{count / cpu:.0f} | {rss:.1f} | {(base_m / m if base_m else float('nan')):.2f}× |")
    report["workers"]["rows"][name] = {"median_s": m, "best_s": best, "docs_s": count / m, "mb_s": mb / m, "cpu_s": cpu,
                                       "peak_rss_mb": rss, "runs": rs}
lines.append("")
if base and throughput["jobs 2"]:
    j2 = throughput["jobs 2"]
    ratio = base_m / med_run(j2)[0]
    best_ratio = min(x["seconds"] for x in base) / min(x["seconds"] for x in j2)
    lines.append(f"Speed with 2 workers ÷ 1 worker: **{ratio:.2f}×** by median, {best_ratio:.2f}× by best run "
                 f"(goal ≥ 1.7×: **{'met' if ratio >= 1.7 else 'NOT met'}**).")
    pinned = [n for n in throughput if n.startswith("jobs 1, one CPU")]
    if pinned and throughput[pinned[0]]:
        p = throughput[pinned[0]]
        pr = med_run(p)[0] / med_run(j2)[0]
        lines.append(f"Against `--jobs 1` held to one CPU: {pr:.2f}× by median, "
                     f"{min(x['seconds'] for x in p) / min(x['seconds'] for x in j2):.2f}× by best run "
                     "(a CPU % of `--jobs 1` above 100 would mean it is not one worker).")
        report["workers"]["ratio_jobs2_pinned_jobs1"] = pr
    report["workers"]["ratio_jobs2_jobs1"] = ratio
    report["workers"]["ratio_jobs2_jobs1_best"] = best_ratio
    lines.append("")

lines += [f"## Memory against the number of documents (--jobs 2)", "",
          "| documents | MB | docs/s | MB/s | median s | peak RSS MB | RSS ÷ RSS at " + str(sizes[0]) + " |",
          "|---:|---:|---:|---:|---:|---:|---:|"]
first_rss = None
for n in sizes:
    rs = memory[n]
    s = subset(n)
    if not rs:
        lines.append(f"| {n} | {s['bytes'] / 1e6:.1f} | failed |  |  |  |  |")
        continue
    m, _ = med_run(rs)
    rss = max(x["rss_kib"] for x in rs) / 1024
    first_rss = first_rss or rss
    lines.append(f"| {n} | {s['bytes'] / 1e6:.1f} | {n / m:.0f} | {s['bytes'] / 1e6 / m:.2f} | {m:.2f} | {rss:.1f} | {rss / first_rss:.2f} |")
    report["memory"][n] = {"bytes": s["bytes"], "median_s": m, "peak_rss_mb": rss, "runs": rs}
lines.append("")
if all(memory[n] for n in sizes) and len(sizes) > 1:
    lo, hi = report["memory"][sizes[0]]["peak_rss_mb"], report["memory"][sizes[-1]]["peak_rss_mb"]
    flat = hi <= 1.2 * lo
    lines.append(f"Peak RSS from {sizes[0]} to {sizes[-1]} documents: {lo:.1f} → {hi:.1f} MB ({hi - lo:+.1f} MB, "
                 f"{hi / lo:.2f}×); flat (within 20 %): **{'yes' if flat else 'NO'}**. "
                 f"Floor: `vndoc run` on an empty folder {floor['rss_kib'] / 1024:.1f} MB.")
    lines.append("")
report["floor_rss_mb"] = floor["rss_kib"] / 1024

if hangs:
    lines += [f"**{len(hangs)} run(s) hung** (no CPU time for {stall:g} s; killed and run again, not in the tables): "
              + "; ".join(f"{h['run']} after {h['after_s']} s, {h['documents_written']} documents written" for h in hangs)
              + ". A hung `vndoc run` waits forever in libxml2 (`xmlRMutexLock` in `__xmlRandom`, from "
              "`htmlNewParserCtxt`/`xmlDictCreate`): libxml2 2.9 initialises its globals lazily and races when two threads "
              "make their first parser at once; `xmlInitParser()` is never called before the workers start.", ""]
report["hangs"] = hangs

lines += [f"## Checks (one `--jobs 2` run over the {count} documents)", ""]
if failures:
    by_code = collections.Counter((f.get("stage"), f.get("code")) for f in failures)
    lines.append(f"errors.jsonl: **{len(failures)} failures** — " + "; ".join(f"{n} × {s}/{c}" for (s, c), n in by_code.items()))
    for f in failures[:5]:
        lines.append(f"- `{os.path.relpath(f.get('path', '?'), archive)}`: {f.get('stage')}/{f.get('code')}: {f.get('message')}")
else:
    lines.append("errors.jsonl: empty (every document parsed).")
lines += ["", f"`kind` in documents.jsonl: " + ", ".join(f"{k} {n}" for k, n in kinds.most_common())
          + f"; documents whose template has an expected kind and got another: {mismatch}.",
          "Formats (source.format/encoding): " + ", ".join(f"{f}/{e} {n}" for (f, e), n in sorted(formats.items(), key=str)) + ".",
          "", "| template | files | kinds found |", "|---|---:|---|"]
for t, c in sorted(per_template.items()):
    lines.append(f"| {t} | {sum(c.values())} | " + ", ".join(f"{k} {n}" for k, n in c.most_common()) + " |")
lines.append("")
report["checks"] = {"failures": failures, "kinds": dict(kinds), "kind_mismatches": mismatch,
                    "per_template": {t: dict(c) for t, c in per_template.items()}}

text = "\n".join(lines)
print(text)
results.mkdir(parents=True, exist_ok=True)
date = started.strftime("%Y-%m-%d")
(results / f"run-{date}.md").write_text(text + "\n")
(results / f"run-{date}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False, default=str) + "\n")
print(f"\nwritten: {results / f'run-{date}.md'} and .json", file=sys.stderr)
sys.exit(0 if ok and not failures else 1)
PY
