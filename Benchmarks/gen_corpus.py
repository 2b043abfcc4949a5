#!/usr/bin/env python3
"""Make the benchmark inputs from the project's Corpus.

Reads every *.txt under CORPUS (recursively, sorted by path, as UTF-8), joins
them (each ending in a newline), repeats the whole until the NFC text holds at
least --size-mb * 1e6 bytes, and writes

    OUT/corpus-nfc.txt   the text NFC-normalised by Python's unicodedata
    OUT/corpus-nfd.txt   the same text NFD-normalised
    OUT/corpus.json      what was made: corpus digest, target, sizes

If corpus.json says the files were made from the same corpus with the same
target and both files still have the recorded sizes, nothing is rewritten.

Usage: gen_corpus.py [--corpus DIR] [--out DIR] [--size-mb 50] [--force]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
FORMAT = 1  # bump when the way the text is built changes


def corpus_text(corpus: Path) -> tuple[str, list[str], str]:
    files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
    if not files:
        sys.exit(f"gen_corpus: no *.txt under {corpus}")
    digest = hashlib.sha256()
    parts = []
    for p in files:
        raw = p.read_bytes()
        digest.update(str(p.relative_to(corpus)).encode() + b"\0" + raw + b"\0")
        text = raw.decode("utf-8")  # strict: the corpus is promised to be UTF-8
        if text.startswith("\ufeff"):
            text = text[1:]
        if not text.endswith("\n"):
            text += "\n"
        parts.append(text)
    return "".join(parts), [str(p.relative_to(corpus)) for p in files], digest.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=HERE.parent / "Corpus")
    ap.add_argument("--out", type=Path, default=HERE / "data")
    ap.add_argument("--size-mb", type=float, default=50.0, help="target size of the NFC file, MB = 1e6 bytes")
    ap.add_argument("--force", action="store_true", help="regenerate even if the files look current")
    args = ap.parse_args()

    text, files, digest = corpus_text(args.corpus)
    target = int(args.size_mb * 1_000_000)
    out: Path = args.out
    nfc_path, nfd_path, manifest_path = out / "corpus-nfc.txt", out / "corpus-nfd.txt", out / "corpus.json"

    if not args.force and manifest_path.exists():
        try:
            m = json.loads(manifest_path.read_text())
            current = (
                m.get("format") == FORMAT
                and m.get("corpus_sha256") == digest
                and m.get("target_bytes") == target
                and nfc_path.exists() and nfc_path.stat().st_size == m["nfc_bytes"]
                and nfd_path.exists() and nfd_path.stat().st_size == m["nfd_bytes"]
            )
        except (ValueError, KeyError, OSError):
            current = False
        if current:
            print(f"gen_corpus: {nfc_path.name} ({m['nfc_bytes']} B) and {nfd_path.name} ({m['nfd_bytes']} B) are current")
            return 0

    block_nfc = unicodedata.normalize("NFC", text).encode("utf-8")
    block_nfd = unicodedata.normalize("NFD", text).encode("utf-8")
    copies = max(1, -(-target // len(block_nfc)))  # ceiling division

    out.mkdir(parents=True, exist_ok=True)
    # Both forms are written from the same repeated block, so the NFD file is
    # exactly the NFD of the NFC file (normalisation is per character run and
    # every block ends in a newline, so blocks never interact).
    for path, block in ((nfc_path, block_nfc), (nfd_path, block_nfd)):
        tmp = path.with_suffix(".tmp")
        with open(tmp, "wb") as f:
            for _ in range(copies):
                f.write(block)
        os.replace(tmp, path)

    manifest = {
        "format": FORMAT,
        "corpus_dir": str(args.corpus),
        "corpus_files": files,
        "corpus_sha256": digest,
        "corpus_chars": len(text),
        "copies": copies,
        "target_bytes": target,
        "nfc_bytes": nfc_path.stat().st_size,
        "nfd_bytes": nfd_path.stat().st_size,
    }
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"gen_corpus: {len(files)} corpus files x {copies} -> "
          f"{nfc_path.name} {manifest['nfc_bytes']} B, {nfd_path.name} {manifest['nfd_bytes']} B")
    return 0


if __name__ == "__main__":
    sys.exit(main())
