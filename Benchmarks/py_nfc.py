#!/usr/bin/env python3
"""Python peer for the normalisation benchmark: NFC of a UTF-8 file.

Usage: py_nfc.py FILE OUT
Reads FILE as UTF-8 (line endings kept as they are), applies
unicodedata.normalize("NFC", ...) and writes the result to OUT as UTF-8.
"""
import sys
import unicodedata


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8", newline="") as f:
        text = f.read()
    text = unicodedata.normalize("NFC", text)
    with open(dst, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
