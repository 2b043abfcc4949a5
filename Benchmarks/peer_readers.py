#!/usr/bin/env python3
"""One peer of the reader benchmark: extract the text of every file in a folder, in one process.

    peer_readers.py TOOL DIR

Reads each *.docx or *.html under DIR (sorted) with TOOL, keeps nothing but counts, and prints
one line of JSON: {"tool", "files", "chars", "failed"}. "chars" is the total length of the text
the tool returned (proof of work, and a rough view of how much of each page it kept). The
import of the tool's library is part of the measured process, as vndoc's start-up is.

DOCX tools:
  python-docx   docx.Document(path): body paragraphs and table cells (iter_inner_content)
  docx2txt      docx2txt.process(path): body, headers, footers
  mammoth       mammoth.extract_raw_text(file).value
  zipfile-lxml  zipfile + lxml.etree.iterparse over word/document.xml: w:t text, a newline per
                w:p, a tab per w:tab; elements cleared as they are read
HTML tools:
  trafilatura   trafilatura.extract(bytes): main-content extraction (drops chrome), tables kept
  inscriptis    inscriptis.get_text(str): layout-aware text of the whole page (keeps chrome)
  bs4-lxml      BeautifulSoup(bytes, "lxml"), script/style/noscript/template decomposed,
                get_text("\\n")
  lxml-bare     lxml.html.fromstring(bytes).text_content(): every text node, scripts and
                styles included, no structure
"""
from __future__ import annotations

import json
import os
import sys


def files_in(folder: str, ext: str) -> list[str]:
    return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(ext))


def python_docx():
    import docx
    from docx.table import Table

    def text(path: str) -> str:
        d = docx.Document(path)
        parts = []
        for item in d.iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    parts.append("\t".join(cell.text for cell in row.cells))
            else:
                parts.append(item.text)
        return "\n".join(parts)
    return ".docx", text


def docx2txt_():
    import docx2txt
    return ".docx", docx2txt.process


def mammoth_():
    import mammoth

    def text(path: str) -> str:
        with open(path, "rb") as f:
            return mammoth.extract_raw_text(f).value
    return ".docx", text


def zipfile_lxml():
    import zipfile
    from lxml import etree
    W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    T, P, TAB, BR = W + "t", W + "p", W + "tab", W + "br"

    def text(path: str) -> str:
        parts: list[str] = []
        with zipfile.ZipFile(path) as z, z.open("word/document.xml") as f:
            for _, el in etree.iterparse(f, events=("end",), tag=(T, P, TAB, BR)):
                tag = el.tag
                if tag == T:
                    if el.text:
                        parts.append(el.text)
                elif tag == P:
                    parts.append("\n")
                    el.clear(keep_tail=False)
                    parent = el.getparent()
                    if parent is not None:
                        while el.getprevious() is not None:
                            del parent[0]
                elif tag == TAB:
                    parts.append("\t")
                else:
                    parts.append("\n")
        return "".join(parts)
    return ".docx", text


def trafilatura_():
    import trafilatura

    def text(path: str) -> str:
        with open(path, "rb") as f:
            return trafilatura.extract(f.read()) or ""
    return ".html", text


def inscriptis_():
    from inscriptis import get_text

    def text(path: str) -> str:
        with open(path, "rb") as f:
            return get_text(f.read().decode("utf-8"))
    return ".html", text


def bs4_lxml():
    from bs4 import BeautifulSoup

    def text(path: str) -> str:
        with open(path, "rb") as f:
            soup = BeautifulSoup(f.read(), "lxml")
        for el in soup(["script", "style", "noscript", "template"]):
            el.decompose()
        return soup.get_text("\n")
    return ".html", text


def lxml_bare():
    import lxml.html

    def text(path: str) -> str:
        with open(path, "rb") as f:
            return lxml.html.fromstring(f.read()).text_content()
    return ".html", text


TOOLS = {
    "python-docx": python_docx, "docx2txt": docx2txt_, "mammoth": mammoth_, "zipfile-lxml": zipfile_lxml,
    "trafilatura": trafilatura_, "inscriptis": inscriptis_, "bs4-lxml": bs4_lxml, "lxml-bare": lxml_bare,
}


def main() -> int:
    if len(sys.argv) != 3 or sys.argv[1] not in TOOLS:
        print(__doc__, file=sys.stderr)
        return 2
    tool, folder = sys.argv[1], sys.argv[2]
    ext, extract = TOOLS[tool]()
    files = failed = chars = 0
    for path in files_in(folder, ext):
        files += 1
        try:
            chars += len(extract(path))
        except Exception as e:  # a failure is counted and reported, the rest go on
            failed += 1
            print(f"{tool}: {path}: {type(e).__name__}: {e}", file=sys.stderr)
    print(json.dumps({"tool": tool, "files": files, "chars": chars, "failed": failed}))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
