#!/usr/bin/env python3
# (Not named timeit.py: that would shadow the standard library's timeit for every script in Benchmarks/.)
"""Time a command: wall seconds and peak RSS of one run, or the median of N.

Each run is started as `/usr/bin/time -f %M -o TMP CMD...`, so the peak RSS
(GNU time's %M, in KiB) belongs to that run's process alone; wall time is
measured here around it with time.perf_counter (GNU time's own %e has only
10 ms resolution). Standard output of the command can be sent to a file.

As a module:
    from benchtime import measure   (Benchmarks/ on sys.path)
    r = measure(["uconv", ...], stdout_path="out.txt")   # -> Run
As a command:
    benchtime.py [-n 3] [-o OUT] -- CMD ARGS...
prints JSON: {"runs": [{"seconds":..,"peak_rss_kib":..}, ...], "median_s":.., "peak_rss_kib":..}
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass

GNU_TIME = os.environ.get("GNU_TIME", "/usr/bin/time")


@dataclass
class Run:
    seconds: float
    peak_rss_kib: int
    returncode: int
    stderr_tail: str = ""


def measure(argv: list[str], stdout_path: str | None = None) -> Run:
    """Run argv once; stdout goes to stdout_path (or /dev/null)."""
    fd, rss_file = tempfile.mkstemp(prefix="timeit-", suffix=".rss")
    os.close(fd)
    try:
        with open(stdout_path or os.devnull, "wb") as out:
            start = time.perf_counter()
            proc = subprocess.run([GNU_TIME, "-f", "%M", "-o", rss_file, *argv],
                                  stdout=out, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
            seconds = time.perf_counter() - start
        rss_text = open(rss_file).read().split()
        # GNU time writes "Command exited with non-zero status N" before %M on failure.
        rss = int(rss_text[-1]) if rss_text and rss_text[-1].isdigit() else -1
    finally:
        os.unlink(rss_file)
    tail = proc.stderr.decode("utf-8", "replace")[-2000:]
    return Run(seconds, rss, proc.returncode, tail)


def summarize(runs: list[Run]) -> dict:
    return {
        "runs": [asdict(r) for r in runs],
        "median_s": statistics.median(r.seconds for r in runs),
        "min_s": min(r.seconds for r in runs),
        "peak_rss_kib": max(r.peak_rss_kib for r in runs),
        "ok": all(r.returncode == 0 for r in runs),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description="Median wall time and peak RSS of a command.")
    ap.add_argument("-n", "--runs", type=int, default=3)
    ap.add_argument("-o", "--out", help="file for the command's standard output (default /dev/null)")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    cmd = args.cmd[1:] if args.cmd[:1] == ["--"] else args.cmd
    if not cmd:
        ap.error("no command given")
    runs = [measure(cmd, args.out) for _ in range(args.runs)]
    print(json.dumps(summarize(runs), indent=2))
    return 0 if all(r.returncode == 0 for r in runs) else 1


if __name__ == "__main__":
    sys.exit(main())
