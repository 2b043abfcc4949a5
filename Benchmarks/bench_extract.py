#!/usr/bin/env python3
"""Driver for extract.sh: vndoc's whole pipeline against dateparser and underthesea.

vndoc runs as a command over the whole input (release build, one document, so one core for the
document's stages), `runs` times; the peers run in this process over the first `slice_kb` KB
(cut at a line end), once, since they are orders of magnitude slower. MB = 1e6 bytes.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchtime import measure  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--vndoc", required=True)
    ap.add_argument("--pipeline", required=True)
    ap.add_argument("--input", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--slice-kb", type=int, default=20)
    ap.add_argument("--results", required=True)
    a = ap.parse_args()
    os.makedirs(a.results, exist_ok=True)
    size = os.path.getsize(a.input)
    rows = []

    out = os.path.join(a.results, "extract-out.json")
    runs = [measure([a.vndoc, "extract", a.input, "--pipeline", a.pipeline], stdout_path=out) for _ in range(a.runs)]
    if any(r.returncode != 0 for r in runs):
        print("vndoc failed:", runs[-1].stderr_tail, file=sys.stderr)
        return 1
    with open(out, encoding="utf-8") as f:
        doc = json.load(f)
    counts: dict[str, int] = {}
    for e in doc["entities"]:
        counts[e["type"]] = counts.get(e["type"], 0) + 1
    os.unlink(out)
    median = statistics.median(r.seconds for r in runs)
    rows.append({"tool": "vndoc extract", "bytes": size, "seconds": median,
                 "mb_s": size / 1e6 / median, "peak_rss_mb": max(r.peak_rss_kib for r in runs) / 1024,
                 "found": counts})

    text = open(a.input, encoding="utf-8").read()
    piece = text[: a.slice_kb * 1000]
    piece = piece[: piece.rfind("\n") + 1] or piece
    piece_bytes = len(piece.encode("utf-8"))

    from dateparser.search import search_dates
    start = time.perf_counter()
    found = search_dates(piece, languages=["vi"]) or []
    seconds = time.perf_counter() - start
    rows.append({"tool": "dateparser search_dates(vi)", "bytes": piece_bytes, "seconds": seconds,
                 "mb_s": piece_bytes / 1e6 / seconds, "found": {"dates": len(found)}})

    from underthesea import ner
    lines = [line for line in piece.splitlines() if line.strip()]
    start = time.perf_counter()
    tags: dict[str, int] = {}
    for line in lines:
        for token in ner(line):
            tag = token[-1]
            if tag.startswith("B-"):
                tags[tag[2:]] = tags.get(tag[2:], 0) + 1
    seconds = time.perf_counter() - start
    rows.append({"tool": "underthesea ner", "bytes": piece_bytes, "seconds": seconds,
                 "mb_s": piece_bytes / 1e6 / seconds, "found": tags})

    vn = rows[0]["mb_s"]
    lines_out = [
        f"vndoc extract benchmark  {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
        f"input: {os.path.basename(a.input)} {size / 1e6:.1f} MB for vndoc ({a.runs} runs, median); "
        f"peers on the first {piece_bytes / 1e3:.0f} KB of it, once; load {os.getloadavg()[0]:.2f}",
        "",
        f"{'tool':30} {'MB/s':>9} {'seconds':>9} {'peak RSS MB':>12} {'vndoc/tool':>11}  found",
    ]
    for r in rows:
        ratio = "" if r is rows[0] else f"{vn / r['mb_s']:.0f}x"
        rss = f"{r['peak_rss_mb']:.0f}" if "peak_rss_mb" in r else "-"
        found = ", ".join(f"{k} {v}" for k, v in sorted(r["found"].items()))
        lines_out.append(f"{r['tool']:30} {r['mb_s']:9.3f} {r['seconds']:9.3f} {rss:>12} {ratio:>11}  {found}")
    report = "\n".join(lines_out)
    print(report)
    with open(os.path.join(a.results, "extract.txt"), "w") as f:
        f.write(report + "\n")
    with open(os.path.join(a.results, "extract.json"), "w") as f:
        json.dump(rows, f, indent=2, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
