#!/usr/bin/env python3
"""Scores vndoc on the legacy-encoding corpus in ../shared/real/legacy-encodings.

The three measures are those of the corpus's METRIC.md, implemented here from its definitions:
both sides are put in NFC with whitespace runs collapsed to one space, then

  char_accuracy       characters matched by a difflib alignment / ground-truth characters
  diacritic_accuracy  of the ground-truth characters that carry a diacritic (anything that
                      decomposes to a combining mark under NFD, and đ/Đ), those recovered
                      exactly; the two sides are aligned on their base letters (NFD, marks
                      removed, đ -> d) and the original characters compared at aligned positions
  syllable_accuracy   whitespace-delimited tokens matched exactly by an alignment of the token
                      lists / ground-truth tokens

vndoc is run without being told any encoding (`vndoc extract FILE`, with a pipeline that reads and
normalises but keeps tone marks where they were written: the transcripts write `hoá`, and the
default pipeline's `tones: official` would rewrite it to `hóa`, which the measures would count as
a decoding error) on every as-read text file,
every .doc and .rtf in orig/, and every synthetic VNI .docx. Figures are reported per subset
(tcvn3, vni, synthetic; synthetic files were made with the corpus authors' own tables, so they
measure self-consistency only) and per input kind, with failures counted.

Usage: python3 scripts/legacy-quality.py [--vndoc PATH] [--shared DIR] [--min-diacritic X]
           [--markdown FILE]
Exits 1 when a subset's mean diacritic accuracy is below --min-diacritic, or its case-insensitive
diacritic accuracy below --min-diacritic-ci (default: report only).
"""

import argparse
import difflib
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent


def prepare(text):
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def base_letter(ch):
    if ch in "đĐ":
        return "d" if ch == "đ" else "D"
    decomposed = unicodedata.normalize("NFD", ch)
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return stripped[:1] or ch


def has_diacritic(ch):
    if ch in "đĐ":
        return True
    return any(unicodedata.category(c) == "Mn" for c in unicodedata.normalize("NFD", ch))


def token_spans(text):
    return [(m.start(), m.end()) for m in re.finditer(r"[^ ]+", text)]


def char_alignment(a, b):
    """Pairs (i, j) of aligned equal characters of a and b. A character-level difflib alignment
    of whole documents is quadratic, so the alignment is made in two steps: the token lists
    first, then characters inside each differing stretch of tokens (and the spaces between
    matched tokens)."""
    ta, tb = token_spans(a), token_spans(b)
    words_a = [a[x:y] for x, y in ta]
    words_b = [b[x:y] for x, y in tb]
    pairs = []
    sm = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    for tag, i1, i2, j1, j2 in sm.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                (xa, ya), (xb, _) = ta[i1 + k], tb[j1 + k]
                pairs.extend((xa + n, xb + n) for n in range(ya - xa))
                # the space between two matched tokens matches the other's
                if k < i2 - i1 - 1:
                    pairs.append((ya, xb + (ya - xa)))
        else:
            # The differing tokens with the spaces around them (up to the neighbouring tokens).
            sa = ta[i1 - 1][1] if i1 > 0 else 0
            ea = ta[i2][0] if i2 < len(ta) else len(a)
            sb = tb[j1 - 1][1] if j1 > 0 else 0
            eb = tb[j2][0] if j2 < len(tb) else len(b)
            inner = difflib.SequenceMatcher(None, a[sa:ea], b[sb:eb], autojunk=False)
            for block in inner.get_matching_blocks():
                pairs.extend((sa + block.a + n, sb + block.b + n) for n in range(block.size))
    return pairs


def char_accuracy(output, truth):
    return len(char_alignment(truth, output)) / len(truth) if truth else 1.0


def diacritic_accuracy(output, truth):
    marked = [i for i, ch in enumerate(truth) if has_diacritic(ch)]
    if not marked:
        return 1.0
    out_base = "".join(base_letter(c) for c in output)
    truth_base = "".join(base_letter(c) for c in truth)
    aligned = dict(char_alignment(truth_base, out_base))
    recovered = sum(1 for i in marked if i in aligned and output[aligned[i]] == truth[i])
    return recovered / len(marked)


def syllable_accuracy(output, truth):
    truth_tokens = truth.split(" ")
    if not truth_tokens:
        return 1.0
    sm = difflib.SequenceMatcher(None, output.split(" "), truth_tokens, autojunk=False)
    return sum(block.size for block in sm.get_matching_blocks()) / len(truth_tokens)


def cases(shared):
    base = shared / "real" / "legacy-encodings"
    truth = base / "ground-truth"
    for f in sorted((base / "asread-txt").glob("*.asread.txt")):
        encoding, stem = f.name.split("__", 1)
        yield encoding, "as-read text", f, truth / (stem.removesuffix(".asread.txt") + ".txt")
    for f in sorted((base / "orig").iterdir()):
        if f.suffix.lower() in (".doc", ".rtf"):
            encoding, stem = f.name.split("__", 1)
            yield encoding, f.suffix.lower().lstrip(".") , f, truth / (pathlib.Path(stem).stem + ".txt")
    for f in sorted((base / "synthetic-vni-docx").glob("*.docx")):
        yield "synthetic", "docx", f, f.with_suffix(".txt")


PIPELINE = """name: legacy-quality
stages:
  - read
  - normalize:
      tones: keep
"""


def run_vndoc(vndoc, path, pipeline):
    result = subprocess.run([vndoc, "extract", str(path), "--pipeline", pipeline], capture_output=True, timeout=120)
    if result.returncode != 0:
        return None, result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["exit %d" % result.returncode]
    document = json.loads(result.stdout)
    # The whole text: headers, footers and notes too (the transcripts have them).
    return (document["text"], document["source"].get("encoding"), document.get("warnings", [])), None


def mean(values):
    return sum(values) / len(values) if values else float("nan")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--vndoc", default=str(ROOT / ".build" / "release" / "vndoc"))
    parser.add_argument("--shared", default=str(ROOT.parent / "shared"))
    parser.add_argument("--min-diacritic", type=float, default=None)
    parser.add_argument("--min-diacritic-ci", type=float, default=None,
                        help="fail when a subset's case-insensitive diacritic accuracy is below this")
    parser.add_argument("--markdown", default=None)
    args = parser.parse_args()

    rows, failures = [], []
    pipeline = tempfile.NamedTemporaryFile("w", suffix=".yml", delete=False)
    pipeline.write(PIPELINE)
    pipeline.close()
    for encoding, kind, path, truth_path in cases(pathlib.Path(args.shared)):
        if not truth_path.exists():
            continue
        got, error = run_vndoc(args.vndoc, path, pipeline.name)
        if error:
            failures.append((encoding, kind, path.name, error[0]))
            continue
        text, detected, warnings = got
        output, truth = prepare(text), prepare(truth_path.read_text(encoding="utf-8"))
        rows.append({
            "subset": encoding, "kind": kind, "file": path.name, "detected": detected,
            "char": char_accuracy(output, truth), "diacritic": diacritic_accuracy(output, truth),
            "syllable": syllable_accuracy(output, truth),
            # The transcripts keep text set in all-capital fonts (.VnTimeH) in the lowercase its
            # codes spell, where vndoc writes the capitals the font shows: the same measure with
            # both sides lowercased tells that apart from decoding errors.
            "diacritic_ci": diacritic_accuracy(output.lower(), truth.lower()),
            "warnings": ",".join(sorted({w["code"] for w in warnings})),
        })

    lines = ["| subset | input | file | source.encoding | char | diacritic | syllable | diacritic, case-insensitive |", "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['subset']} | {r['kind']} | {r['file']} | {r['detected']} | {r['char']:.3f} | {r['diacritic']:.3f} | {r['syllable']:.3f} | {r['diacritic_ci']:.3f} |")
    for subset, kind, name, error in failures:
        lines.append(f"| {subset} | {kind} | {name} | failed: {error} | | | | |")
    lines += ["", "| subset | input | documents | failed | char | diacritic | syllable | diacritic, case-insensitive |", "|---|---|---|---|---|---|---|---|"]
    groups = sorted({(r["subset"], r["kind"]) for r in rows} | {(f[0], f[1]) for f in failures})
    below = []
    for subset, kind in groups:
        group = [r for r in rows if (r["subset"], r["kind"]) == (subset, kind)]
        failed = sum(1 for f in failures if (f[0], f[1]) == (subset, kind))
        d = mean([r["diacritic"] for r in group])
        lines.append(f"| {subset} | {kind} | {len(group)} | {failed} | {mean([r['char'] for r in group]):.3f} | {d:.3f} | {mean([r['syllable'] for r in group]):.3f} | {mean([r['diacritic_ci'] for r in group]):.3f} |")
        if args.min_diacritic is not None and (failed or not group or d < args.min_diacritic):
            below.append(f"{subset}/{kind}: diacritic {d:.3f}, {failed} failed")
        ci = mean([r["diacritic_ci"] for r in group])
        if args.min_diacritic_ci is not None and (failed or not group or ci < args.min_diacritic_ci):
            below.append(f"{subset}/{kind}: case-insensitive diacritic {ci:.3f}, {failed} failed")
    pathlib.Path(pipeline.name).unlink()
    report = "\n".join(lines)
    print(report)
    if args.markdown:
        pathlib.Path(args.markdown).write_text(report + "\n", encoding="utf-8")
    if below:
        print("below the goal: " + "; ".join(below), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
