#!/usr/bin/env python3
"""Make the reader benchmark's inputs from the project's Corpus (standard library only).

Reads every *.txt under CORPUS (UTF-8), cuts it into lines and sentences, and recombines them
with a fixed seed into

    OUT/docx/doc-NNN.docx     ~200 Word files: real OOXML ([Content_Types].xml, _rels,
                              word/document.xml with paragraphs split into several runs with
                              rPr, headings by pStyle, bullet and numbered lists by numPr and
                              word/numbering.xml, one or two tables, word/styles.xml, settings,
                              fontTable, a header and a footer, docProps/core.xml and app.xml);
                              document.xml sizes spread log-normally like real documents
    OUT/html/page-NNNN.html   ~20 MB of web pages in UTF-8 with <meta charset>: MoH-style news
                              articles, news listings and TWG pages, each with site chrome
                              (header, nav menu, breadcrumb, sidebar, footer, inline <style>
                              and <script>), lists and tables
    OUT/manifest.json         what was made: corpus digest, seed, counts, byte totals

The same corpus, seed and sizes always give the same bytes (ZIP entries carry a fixed date).
If manifest.json says the files were made from the same corpus and parameters and the totals
still match, nothing is rewritten.

Usage: gen_readers.py [--corpus DIR] [--out DIR] [--docx 200] [--html-mb 20] [--seed 20261123] [--force]
"""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import random
import re
import shutil
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HERE = Path(__file__).resolve().parent
FORMAT = 1  # bump when the way the files are built changes
ZIP_DATE = (2024, 10, 10, 9, 0, 0)


# ---------------------------------------------------------------------------------------------
# Text material


class Material:
    """Lines, sentences and heading candidates from the corpus, drawn with one RNG."""

    def __init__(self, corpus: Path, rng: random.Random):
        files = sorted(p for p in corpus.rglob("*.txt") if p.is_file())
        if not files:
            sys.exit(f"gen_readers: no *.txt under {corpus}")
        digest = hashlib.sha256()
        lines: list[str] = []
        for p in files:
            raw = p.read_bytes()
            try:
                text = raw.decode("utf-8").lstrip("\ufeff")
            except UnicodeDecodeError:
                continue  # a legacy-encoded sample (TCVN3): the benchmark pages are UTF-8
            digest.update(str(p.relative_to(corpus)).encode() + b"\0" + raw + b"\0")
            for line in text.splitlines():
                line = " ".join(line.split())
                if line:
                    lines.append(line)
        self.files = [str(p.relative_to(corpus)) for p in files]
        self.digest = digest.hexdigest()
        self.rng = rng
        self.headings = [l for l in lines if 12 <= len(l) <= 90 and not l.endswith((",", ";"))]
        self.sentences: list[str] = []
        for l in lines:
            for s in re.split(r"(?<=[.;:!?])\s+", l):
                if len(s) >= 20:
                    self.sentences.append(s)
        self.long_lines = [l for l in lines if len(l) > 90]
        self.words = sorted({w.strip(".,;:()“”\"") for l in lines for w in l.split() if len(w) > 1})

    def heading(self) -> str:
        h = re.sub(r"^(?:[IVX]+\.|\d+(?:\.\d+)*\.?|[a-zđ]\)|[-•+])\s*", "", self.rng.choice(self.headings)).rstrip(".:")
        return h[:90]

    def sentence(self) -> str:
        return self.rng.choice(self.sentences)

    def paragraph(self, lo: int = 1, hi: int = 5) -> str:
        if self.rng.random() < 0.3:
            return self.rng.choice(self.long_lines)
        return " ".join(self.sentence() for _ in range(self.rng.randint(lo, hi)))

    def phrase(self, lo: int = 2, hi: int = 6) -> str:
        return " ".join(self.rng.choice(self.words) for _ in range(self.rng.randint(lo, hi)))

    def short(self, n: int = 60) -> str:
        s = self.sentence()
        if len(s) <= n:
            return s
        cut = s.rfind(" ", 0, n)
        return s[: cut if cut > 0 else n]


def lognormal_sizes(rng: random.Random, median: float, sigma: float, lo: int, hi: int):
    while True:
        yield int(min(hi, max(lo, median * math.exp(rng.gauss(0.0, sigma)))))


ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
         "XVI", "XVII", "XVIII", "XIX", "XX"]

PROVINCES = ["Bắc Giang", "Cao Bằng", "Hà Giang", "Lào Cai", "Điện Biên", "Lai Châu", "Sơn La", "Yên Bái",
             "Hòa Bình", "Thái Nguyên", "Lạng Sơn", "Quảng Ninh", "Thanh Hóa", "Nghệ An", "Hà Tĩnh",
             "Quảng Bình", "Quảng Trị", "Thừa Thiên Huế", "Đà Nẵng", "Quảng Nam", "Kon Tum", "Gia Lai",
             "Đắk Lắk", "Lâm Đồng", "Cần Thơ", "An Giang", "Kiên Giang", "Cà Mau"]
TWGS = [("Nhóm kỹ thuật về Tài chính y tế", "Vụ Kế hoạch - Tài chính", "Ngân hàng Thế giới"),
        ("Nhóm kỹ thuật về Nhân lực y tế", "Cục Khoa học công nghệ và Đào tạo", "WHO"),
        ("Nhóm kỹ thuật về Dược", "Cục Quản lý Dược", "USAID"),
        ("Nhóm kỹ thuật về Hệ thống thông tin y tế", "Cục Công nghệ thông tin", "Liên minh Châu Âu"),
        ("Nhóm kỹ thuật về Y tế dự phòng", "Cục Y tế dự phòng", "UNICEF"),
        ("Nhóm kỹ thuật về Chăm sóc sức khỏe ban đầu", "Vụ Kế hoạch - Tài chính", "KOICA"),
        ("Nhóm kỹ thuật về Dinh dưỡng", "Viện Dinh dưỡng", "UNFPA"),
        ("Nhóm kỹ thuật về Phòng chống HIV/AIDS", "Cục Phòng, chống HIV/AIDS", "PEPFAR")]


# ---------------------------------------------------------------------------------------------
# DOCX

W_NS = ('xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:w10="urn:schemas-microsoft-com:office:word" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" '
        'xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" '
        'mc:Ignorable="w14"')
XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'

CONTENT_TYPES = XML_DECL + (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>'
    '<Override PartName="/word/fontTable.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"/>'
    '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>'
    '<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>'
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    '</Types>')

PACKAGE_RELS = XML_DECL + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    '</Relationships>')

DOCUMENT_RELS = XML_DECL + (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>'
    '<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable" Target="fontTable.xml"/>'
    '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
    '<Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
    '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink" Target="https://moh.gov.vn/" TargetMode="External"/>'
    '</Relationships>')

FONT = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman"/>'


def styles_xml() -> str:
    def pstyle(sid: str, name: str, based: str, outline: int | None, size: int, bold: bool) -> str:
        ol = f'<w:outlineLvl w:val="{outline}"/>' if outline is not None else ""
        b = "<w:b/><w:bCs/>" if bold else ""
        return (f'<w:style w:type="paragraph" w:styleId="{sid}"><w:name w:val="{name}"/>'
                f'<w:basedOn w:val="{based}"/><w:next w:val="Normal"/><w:uiPriority w:val="9"/><w:qFormat/>'
                f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="120"/>{ol}</w:pPr>'
                f'<w:rPr>{FONT}{b}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr></w:style>')
    latent = "".join(f'<w:lsdException w:name="heading {i}" w:uiPriority="9" w:qFormat="1"/>' for i in range(1, 10))
    return XML_DECL + (
        f'<w:styles {W_NS}>'
        f'<w:docDefaults><w:rPrDefault><w:rPr>{FONT}<w:sz w:val="26"/><w:szCs w:val="26"/>'
        '<w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="259" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>'
        f'<w:latentStyles w:defLockedState="0" w:defUIPriority="99" w:defSemiHidden="0" w:defUnhideWhenUsed="0" w:defQFormat="0" w:count="376">{latent}</w:latentStyles>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>'
        f'<w:pPr><w:spacing w:after="120" w:line="312" w:lineRule="auto"/><w:jc w:val="both"/></w:pPr><w:rPr>{FONT}<w:sz w:val="26"/></w:rPr></w:style>'
        + pstyle("Title", "Title", "Normal", None, 32, True)
        + pstyle("Heading1", "heading 1", "Normal", 0, 28, True)
        + pstyle("Heading2", "heading 2", "Normal", 1, 26, True)
        + pstyle("Heading3", "heading 3", "Normal", 2, 26, False)
        + '<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>'
        '<w:uiPriority w:val="34"/><w:qFormat/><w:pPr><w:ind w:left="720"/><w:contextualSpacing/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs><w:spacing w:after="0"/></w:pPr></w:style>'
        '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>'
        '<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>'
        '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
        '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>'
        '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>'
        + "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="auto"/>' for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
        + '</w:tblBorders></w:tblPr></w:style>'
        '</w:styles>')


def numbering_xml() -> str:
    bullets = ["-", "•", "+", "-", "•", "+", "-", "•", "+"]
    bl = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="{escape(bullets[i])}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr>'
        f'<w:rPr>{FONT}</w:rPr></w:lvl>' for i in range(9))
    fmts = [("decimal", "%1."), ("lowerLetter", "%2)"), ("lowerRoman", "%3."), ("decimal", "%1.%2.%3.%4."),
            ("lowerLetter", "%5."), ("lowerRoman", "%6."), ("decimal", "%7."), ("lowerLetter", "%8."), ("lowerRoman", "%9.")]
    dl = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{f}"/><w:lvlText w:val="{t}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for i, (f, t) in enumerate(fmts))
    return XML_DECL + (
        f'<w:numbering {W_NS}>'
        f'<w:abstractNum w:abstractNumId="0"><w:nsid w:val="1A2B3C4D"/><w:multiLevelType w:val="hybridMultilevel"/>{bl}</w:abstractNum>'
        f'<w:abstractNum w:abstractNumId="1"><w:nsid w:val="2B3C4D5E"/><w:multiLevelType w:val="hybridMultilevel"/>{dl}</w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
        '</w:numbering>')


SETTINGS = XML_DECL + (
    f'<w:settings {W_NS}><w:zoom w:percent="100"/><w:proofState w:spelling="clean" w:grammar="clean"/>'
    '<w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    '<w:themeFontLang w:val="vi-VN"/><w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/></w:settings>')

FONT_TABLE = XML_DECL + (
    f'<w:fonts {W_NS}>'
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>'
    '<w:font w:name="Calibri"><w:panose1 w:val="020F0502020204030204"/><w:charset w:val="00"/><w:family w:val="swiss"/><w:pitch w:val="variable"/></w:font>'
    '</w:fonts>')


class DocxWriter:
    def __init__(self, m: Material, rng: random.Random):
        self.m = m
        self.rng = rng
        self.rsids = [f"00{rng.randrange(0x100000, 0xFFFFFF):06X}" for _ in range(12)]
        self.para_id = rng.randrange(0x10000000, 0x7FFFFFFF)

    def _pattrs(self) -> str:
        self.para_id += self.rng.randint(1, 9999)
        r = self.rng.choice(self.rsids)
        return f' w14:paraId="{self.para_id & 0x7FFFFFFF:08X}" w14:textId="77777777" w:rsidR="{r}" w:rsidRDefault="{r}" w:rsidP="{self.rng.choice(self.rsids)}"'

    def _rpr(self, bold=False, italic=False, size=26) -> str:
        b = "<w:b/><w:bCs/>" if bold else ""
        i = "<w:i/><w:iCs/>" if italic else ""
        return f'<w:rPr>{FONT}{b}{i}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="vi-VN"/></w:rPr>'

    def runs(self, text: str, bold=False, size=26) -> str:
        """The text as 1-7 runs cut at word boundaries, some bold or italic, as Word leaves them."""
        words = text.split(" ")
        n = min(len(words), self.rng.randint(1, 7))
        cuts = sorted(self.rng.sample(range(1, len(words)), n - 1)) if n > 1 else []
        pieces, prev = [], 0
        for c in cuts + [len(words)]:
            pieces.append(" ".join(words[prev:c]) + (" " if c < len(words) else ""))
            prev = c
        out = []
        for k, piece in enumerate(pieces):
            r = self.rng.random()
            if r < 0.04 and k > 0:
                out.append('<w:proofErr w:type="spellStart"/>')
            if r > 0.97:
                bid = self.rng.randrange(1000)
                out.append(f'<w:bookmarkStart w:id="{bid}" w:name="_Toc{self.rng.randrange(10**8, 10**9)}"/><w:bookmarkEnd w:id="{bid}"/>')
            rb = bold or (0.04 < r < 0.10)
            ri = 0.10 < r < 0.14
            out.append(f'<w:r w:rsidRPr="{self.rng.choice(self.rsids)}">{self._rpr(rb, ri, size)}'
                       f'<w:t xml:space="preserve">{escape(piece)}</w:t></w:r>')
        return "".join(out)

    def para(self, text: str, style: str | None = None, num: tuple[int, int] | None = None,
             bold=False, jc: str | None = None, size=26) -> str:
        ppr = []
        if style:
            ppr.append(f'<w:pStyle w:val="{style}"/>')
        if num:
            ppr.append(f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>')
        ppr.append('<w:spacing w:before="60" w:after="60" w:line="312" w:lineRule="auto"/>')
        if jc:
            ppr.append(f'<w:jc w:val="{jc}"/>')
        elif not style:
            ppr.append('<w:ind w:firstLine="567"/><w:jc w:val="both"/>')
        ppr.append(f'<w:rPr>{FONT}<w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="vi-VN"/></w:rPr>')
        return f'<w:p{self._pattrs()}><w:pPr>{"".join(ppr)}</w:pPr>{self.runs(text, bold, size)}</w:p>'

    def table(self) -> str:
        rng, m = self.rng, self.m
        kind = rng.random()
        if kind < 0.5:
            header = ["TT", "Nhóm kỹ thuật", "Cơ quan chủ trì", "Đối tác phát triển", "Ghi chú"]
            rows = []
            for k in range(rng.randint(4, 10)):
                t = rng.choice(TWGS)
                rows.append([str(k + 1), t[0], t[1], t[2], m.short(50) if rng.random() < 0.5 else ""])
        else:
            header = ["STT", "Nội dung hoạt động", "Đơn vị thực hiện", "Thời gian", "Kinh phí (triệu đồng)"]
            rows = []
            for k in range(rng.randint(5, 14)):
                rows.append([str(k + 1), m.short(80), f"Sở Y tế tỉnh {rng.choice(PROVINCES)}",
                             f"Quý {rng.choice(['I', 'II', 'III', 'IV'])}/{rng.randint(2016, 2025)}",
                             f"{rng.randint(10, 2000):,}".replace(",", ".")])
        widths = [600, 2800, 2200, 1800, 1600]
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        out = ['<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9000" w:type="dxa"/>'
               '<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
               f'<w:tblGrid>{grid}</w:tblGrid>']
        for r, row in enumerate([header] + rows):
            out.append(f'<w:tr w:rsidR="{rng.choice(self.rsids)}" w:rsidTr="{rng.choice(self.rsids)}">')
            if r == 0:
                out.append('<w:trPr><w:tblHeader/></w:trPr>')
            for c, cell in enumerate(row):
                out.append(f'<w:tc><w:tcPr><w:tcW w:w="{widths[c]}" w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>')
                out.append(self.para(cell, bold=r == 0, jc="center" if c == 0 or r == 0 else "left", size=24)
                           if cell else f'<w:p{self._pattrs()}/>')
                out.append("</w:tc>")
            out.append("</w:tr>")
        out.append("</w:tbl>")
        out.append(f'<w:p{self._pattrs()}/>')
        return "".join(out)

    def document(self, target: int, title: str) -> str:
        rng, m = self.rng, self.m
        body = [
            self.para(f"UBND TỈNH {rng.choice(PROVINCES).upper()}", jc="center", bold=True),
            self.para(f"Số: {rng.randint(1, 999)}/KH-SYT", jc="center"),
            self.para(f"{rng.choice(PROVINCES)}, ngày {rng.randint(1, 28)} tháng {rng.randint(1, 12)} năm {rng.randint(2016, 2025)}", jc="right"),
            self.para(title, style="Title", jc="center"),
        ]
        size = sum(len(b) for b in body)
        tables = 0
        max_tables = rng.randint(1, 2)
        section = 0
        while size < target:
            part = []
            part.append(self.para(f"{ROMAN[section % len(ROMAN)]}. {m.heading().upper()}", style="Heading1"))
            section += 1
            for sub in range(rng.randint(1, 3)):
                if sub > 0 and size + sum(len(p) for p in part) >= target:
                    break
                if rng.random() < 0.7:
                    part.append(self.para(f"{sub + 1}. {m.heading()}", style="Heading2"))
                for _ in range(rng.randint(1, 4)):
                    part.append(self.para(m.paragraph()))
                if size + sum(len(p) for p in part) >= target:
                    break
                r = rng.random()
                if r < 0.35:
                    for _ in range(rng.randint(3, 7)):
                        part.append(self.para(m.paragraph(1, 2), style="ListParagraph", num=(1, 0)))
                        if rng.random() < 0.2:
                            part.append(self.para(m.short(100), style="ListParagraph", num=(1, 1)))
                elif r < 0.6:
                    numid = rng.choice((2, 3))
                    for _ in range(rng.randint(3, 6)):
                        part.append(self.para(m.paragraph(1, 2), style="ListParagraph", num=(numid, 0)))
                        if rng.random() < 0.3:
                            for _ in range(rng.randint(1, 3)):
                                part.append(self.para(m.short(120), style="ListParagraph", num=(numid, 1)))
            if tables < max_tables and (rng.random() < 0.25 or size > target * 0.6):
                part.append(self.table())
                tables += 1
            body.extend(part)
            size += sum(len(p) for p in part)
        if tables == 0:
            body.append(self.table())
        body.append(self.para("Nơi nhận:", bold=True, jc="left"))
        for who in ("Bộ Y tế (để b/c);", "UBND tỉnh (để b/c);", "Lưu: VT, KHTC."):
            body.append(self.para(who, style="ListParagraph", num=(1, 0)))
        sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId5"/><w:footerReference w:type="default" r:id="rId6"/>'
                '<w:pgSz w:w="11907" w:h="16840" w:code="9"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701" '
                'w:header="709" w:footer="709" w:gutter="0"/><w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>')
        return XML_DECL + f'<w:document {W_NS}><w:body>{"".join(body)}{sect}</w:body></w:document>'

    def header(self, text: str) -> str:
        return XML_DECL + f'<w:hdr {W_NS}>{self.para(text, style="Header", jc="center", size=20)}</w:hdr>'

    def footer(self) -> str:
        field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
                 '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
        return XML_DECL + (f'<w:ftr {W_NS}><w:p{self._pattrs()}><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="right"/></w:pPr>'
                           f'{self.runs("Trang ")}{field}</w:p></w:ftr>')


def core_xml(title: str, author: str, when: str) -> str:
    return XML_DECL + (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f'<dc:title>{escape(title)}</dc:title><dc:creator>{escape(author)}</dc:creator>'
        f'<cp:lastModifiedBy>{escape(author)}</cp:lastModifiedBy><cp:revision>3</cp:revision>'
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{when}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{when}</dcterms:modified></cp:coreProperties>')


def app_xml(words: int, chars: int) -> str:
    return XML_DECL + (
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f'<Template>Normal.dotm</Template><TotalTime>42</TotalTime><Pages>{max(1, chars // 3000)}</Pages>'
        f'<Words>{words}</Words><Characters>{chars}</Characters><Application>Microsoft Office Word</Application>'
        '<DocSecurity>0</DocSecurity><Company>So Y te</Company><AppVersion>16.0000</AppVersion></Properties>')


def write_docx(path: Path, m: Material, rng: random.Random, target: int) -> int:
    """Writes one .docx; returns the uncompressed bytes of all its parts."""
    w = DocxWriter(m, rng)
    title = m.heading()
    doc = w.document(target, title)
    author = rng.choice(["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu", "Phạm Thu Hà", "Sở Y tế"])
    when = f"{rng.randint(2016, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T0{rng.randint(1, 9)}:15:00Z"
    parts = [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", PACKAGE_RELS),
        ("word/document.xml", doc),
        ("word/_rels/document.xml.rels", DOCUMENT_RELS),
        ("word/styles.xml", styles_xml()),
        ("word/numbering.xml", numbering_xml()),
        ("word/settings.xml", SETTINGS),
        ("word/fontTable.xml", FONT_TABLE),
        ("word/header1.xml", w.header(title)),
        ("word/footer1.xml", w.footer()),
        ("docProps/core.xml", core_xml(title, author, when)),
        ("docProps/app.xml", app_xml(len(doc) // 60, len(doc) // 10)),
    ]
    total = 0
    tmp = path.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        for name, text in parts:
            data = text.encode("utf-8")
            total += len(data)
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data, compresslevel=6)
    os.replace(tmp, path)
    return total


# ---------------------------------------------------------------------------------------------
# HTML

NAV = [("Trang chủ", []), ("Giới thiệu", ["Chức năng nhiệm vụ", "Cơ cấu tổ chức", "Lãnh đạo Bộ"]),
       ("Tin tức - Sự kiện", ["Hoạt động của lãnh đạo Bộ", "Tin tổng hợp", "Tin địa phương", "Hợp tác quốc tế"]),
       ("Nhóm Đối tác y tế", ["Giới thiệu HPG", "Nhóm kỹ thuật", "Cuộc họp HPG", "Tài liệu"]),
       ("Văn bản", ["Văn bản quy phạm pháp luật", "Văn bản chỉ đạo điều hành", "Dự thảo văn bản"]),
       ("Thủ tục hành chính", []), ("Thống kê y tế", ["Niên giám thống kê", "Báo cáo chung tổng quan ngành y tế"]),
       ("Liên hệ", [])]


def css(rng: random.Random, n: int) -> str:
    sel = ["body", ".container", "#header", ".main-nav ul li a", ".breadcrumb", ".article-content p",
           ".sidebar .box", "#footer", ".news-list .item", "table.twg td", ".btn-primary", ".pagination a"]
    props = ["margin:0 auto", "padding:4px 8px", "color:#0b5394", "font-size:14px", "line-height:1.6",
             "font-family:Roboto,Arial,sans-serif", "display:flex", "border-bottom:1px solid #e5e5e5",
             "background:#f7f7f7", "text-decoration:none", "width:100%", "max-width:1170px"]
    rules = []
    for _ in range(n):
        s = rng.choice(sel) + rng.choice(["", ":hover", " > span", ".active", " img"])
        rules.append(s + "{" + ";".join(rng.sample(props, rng.randint(2, 6))) + "}")
    return "\n".join(rules)


def script(rng: random.Random, n: int) -> str:
    lines = ["(function(w,d,s,l,i){w[l]=w[l]||[];w[l].push({'gtm.start':new Date().getTime(),event:'gtm.js'});",
             "var f=d.getElementsByTagName(s)[0],j=d.createElement(s),dl=l!='dataLayer'?'&l='+l:'';j.async=true;",
             "j.src='https://www.googletagmanager.com/gtm.js?id='+i+dl;f.parentNode.insertBefore(j,f);",
             "})(window,document,'script','dataLayer','GTM-XXXX');"]
    for k in range(n):
        lines.append(f"var cfg{k} = {{id: {rng.randrange(10**6)}, slot: 'banner-{k}', lazy: {str(rng.random() < 0.5).lower()}, "
                     f"sizes: [[300,250],[728,90]], label: 'Quảng cáo {k}'}}; if (window.ads && cfg{k}.id > 1000 && document.body) {{ ads.push(cfg{k}); }}")
    return "\n".join(lines)


def nav_html(rng: random.Random, cls: bool) -> str:
    items = []
    for label, children in NAV:
        sub = ""
        if children:
            sub = '<ul class="sub-menu">' + "".join(
                f'<li><a href="/{rng.randrange(10**5)}">{escape(c)}</a></li>' for c in children) + "</ul>"
        items.append(f'<li class="menu-item"><a href="/{rng.randrange(10**5)}">{escape(label)}</a>{sub}</li>')
    ul = f'<ul class="menu">{"".join(items)}</ul>'
    return f'<div class="main-nav" id="main-menu">{ul}</div>' if cls else f'<nav class="navbar" role="navigation">{ul}</nav>'


def page_html(m: Material, rng: random.Random, target: int, idx: int) -> str:
    kind = rng.random()
    title = m.heading()
    esc = escape
    head = (
        '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<title>{esc(title)} - Cổng thông tin điện tử Bộ Y tế</title>\n'
        f'<meta name="description" content={quoteattr(m.short(150))}>\n'
        f'<meta property="og:title" content={quoteattr(title)}>\n'
        '<link rel="stylesheet" href="/themes/moh/css/bootstrap.min.css">\n'
        '<link rel="icon" href="/favicon.ico">\n'
        f'<style>\n{css(rng, rng.randint(40, 120))}\n</style>\n'
        f'<script>\n{script(rng, rng.randint(5, 25))}\n</script>\n'
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":'
        + json.dumps(title, ensure_ascii=False) + ',"publisher":{"@type":"Organization","name":"Bộ Y tế"}}</script>\n'
        '</head>\n')
    class_chrome = rng.random() < 0.3  # some themes mark chrome by class, not by tag
    top = (
        '<body class="page has-sidebar">\n'
        + ('<div class="site-header">' if class_chrome else '<header class="site-header">')
        + '<div class="logo"><a href="/"><img src="/logo.png" alt="Bộ Y tế"></a></div>'
        '<div class="top-links"><a href="/en">English</a> | <a href="/lienhe">Liên hệ</a> | <a href="/sitemap">Sơ đồ cổng</a></div>'
        '<form class="search" action="/tim-kiem"><input name="q" placeholder="Tìm kiếm..."><button>Tìm</button></form>'
        + ('</div>\n' if class_chrome else '</header>\n')
        + nav_html(rng, class_chrome) + "\n"
        + '<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/tin-tuc">Tin tức - Sự kiện</a> » '
        f'<span>{esc(m.short(40))}</span></div>\n'
        '<div class="container"><div class="row">\n<main class="col-md-8 article-content">\n')
    body: list[str] = []
    size = len(head) + len(top)

    def add(s: str):
        nonlocal size
        body.append(s)
        size += len(s.encode("utf-8"))

    date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2016, 2025)}"
    if kind < 0.25:  # news listing, like Corpus/news
        add(f'<h1 class="page-title">{esc(m.heading().upper())}</h1>\n<div class="news-list">\n')
        while size < target * 0.8:
            add(f'<div class="item"><h3><a href="/tin/{rng.randrange(10**6)}">{esc(m.heading())}</a></h3>'
                f'<span class="time">Thứ {rng.choice(["Hai", "Ba", "Tư", "Năm", "Sáu"])}, ngày {date} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}</span>'
                f'<p class="sapo">{esc(m.short(220))}...</p></div>\n')
        add('</div>\n<div class="pagination"><a href="?p=1">1</a><a href="?p=2">2</a><a href="?p=3">3</a></div>\n')
    else:
        add(f'<article>\n<h1 class="title">{esc(title)}</h1>\n<div class="meta"><span class="time">{date}</span> '
            f'<span class="author">{esc(rng.choice(["Cổng TTĐT Bộ Y tế", "Vụ Hợp tác quốc tế", "Văn phòng HPG"]))}</span></div>\n'
            f'<p class="lead"><strong>{esc(m.paragraph(1, 2))}</strong></p>\n')
        twg_done = kind >= 0.8
        while size < target * 0.8:
            add(f'<h2>{esc(m.heading())}</h2>\n')
            for _ in range(rng.randint(2, 5)):
                p = esc(m.paragraph())
                if rng.random() < 0.3:
                    words = p.split(" ")
                    k = rng.randrange(len(words))
                    words[k] = f'<a href="/tin/{rng.randrange(10**6)}">{words[k]}</a>'
                    p = " ".join(words)
                if rng.random() < 0.2:
                    p = f"<em>{p}</em>"
                add(f"<p>{p}</p>\n")
            r = rng.random()
            if r < 0.3:
                add("<ul>" + "".join(f"<li>{esc(m.paragraph(1, 1))}</li>" for _ in range(rng.randint(3, 7))) + "</ul>\n")
            elif r < 0.5:
                items = []
                for _ in range(rng.randint(3, 6)):
                    inner = ""
                    if rng.random() < 0.3:
                        inner = "<ul>" + "".join(f"<li>{esc(m.short(90))}</li>" for _ in range(rng.randint(2, 3))) + "</ul>"
                    items.append(f"<li>{esc(m.paragraph(1, 1))}{inner}</li>")
                add("<ol>" + "".join(items) + "</ol>\n")
            elif r < 0.6:
                add(f'<figure><img src="/images/{rng.randrange(10**6)}.jpg" alt="{esc(m.short(40))}">'
                    f"<figcaption>{esc(m.short(100))}</figcaption></figure>\n")
            if not twg_done and (rng.random() < 0.3 or size > target * 0.5):
                twg_done = True
                rows = "".join(
                    f"<tr><td>{k + 1}</td><td>{esc(t[0])}</td><td>{esc(t[1])}</td><td>{esc(t[2])}</td></tr>"
                    for k, t in enumerate(rng.sample(TWGS, rng.randint(4, len(TWGS)))))
                add('<table class="twg table table-bordered"><thead><tr><th>TT</th><th>Nhóm kỹ thuật</th>'
                    f"<th>Cơ quan chủ trì</th><th>Đối tác phát triển</th></tr></thead><tbody>{rows}</tbody></table>\n")
        add("</article>\n")
    related = "".join(f'<li><a href="/tin/{rng.randrange(10**6)}">{esc(m.heading())}</a></li>' for _ in range(rng.randint(6, 15)))
    side = (f'</main>\n<aside class="col-md-4 sidebar"><div class="box"><h3>Tin liên quan</h3><ul>{related}</ul></div>'
            '<div class="box"><h3>Liên kết</h3><ul><li><a href="https://moh.gov.vn">Bộ Y tế</a></li>'
            '<li><a href="https://chinhphu.vn">Cổng TTĐT Chính phủ</a></li></ul></div></aside>\n'
            if not class_chrome else
            f'</main>\n<div class="col-md-4" id="sidebar"><div class="box"><h3>Tin liên quan</h3><ul>{related}</ul></div></div>\n')
    foot = (('<div class="site-footer">' if class_chrome else '<footer class="site-footer">')
            + '<p>CỔNG THÔNG TIN ĐIỆN TỬ BỘ Y TẾ</p><p>Địa chỉ: 138A Giảng Võ, Ba Đình, Hà Nội. Điện thoại: 024.62732273</p>'
            '<p>Ghi rõ nguồn khi phát hành lại thông tin từ cổng thông tin này.</p>'
            + ('</div>\n' if class_chrome else '</footer>\n'))
    tail = (f'</div></div>\n{foot}<script src="/themes/moh/js/jquery.min.js"></script>\n'
            f'<script>\n{script(rng, rng.randint(3, 10))}\n</script>\n</body>\n</html>\n')
    return head + top + "".join(body) + side + tail


# ---------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=HERE.parent / "Corpus")
    ap.add_argument("--out", type=Path, default=HERE / "data" / "readers")
    ap.add_argument("--docx", type=int, default=200, help="number of .docx files")
    ap.add_argument("--html-mb", type=float, default=20.0, help="total HTML bytes, MB = 1e6 bytes")
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--force", action="store_true", help="regenerate even if the files look current")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    m = Material(args.corpus, rng)
    out: Path = args.out
    manifest_path = out / "manifest.json"
    params = {"format": FORMAT, "corpus_sha256": m.digest, "seed": args.seed, "docx": args.docx,
              "html_target_bytes": int(args.html_mb * 1e6)}

    def totals() -> dict:
        d = sorted((out / "docx").glob("*.docx"))
        h = sorted((out / "html").glob("*.html"))
        return {"docx_files": len(d), "docx_bytes": sum(p.stat().st_size for p in d),
                "html_files": len(h), "html_bytes": sum(p.stat().st_size for p in h)}

    if not args.force and manifest_path.exists():
        try:
            old = json.loads(manifest_path.read_text())
            if all(old.get(k) == v for k, v in params.items()) and all(old.get(k) == v for k, v in totals().items()):
                print(f"gen_readers: {old['docx_files']} docx ({old['docx_bytes'] / 1e6:.1f} MB, "
                      f"{old['docx_xml_bytes'] / 1e6:.1f} MB XML) and {old['html_files']} html "
                      f"({old['html_bytes'] / 1e6:.1f} MB) are current")
                return 0
        except (ValueError, KeyError, OSError):
            pass

    for sub in ("docx", "html"):
        shutil.rmtree(out / sub, ignore_errors=True)
        (out / sub).mkdir(parents=True)

    # DOCX: document.xml sizes log-normal around 60 KB (a few pages) up to 1.5 MB (a long plan).
    sizes = lognormal_sizes(rng, 60_000, 0.9, 6_000, 1_200_000)
    xml_bytes = 0
    doc_xml = 0
    for k in range(args.docx):
        target = next(sizes)
        xml_bytes += write_docx(out / "docx" / f"doc-{k + 1:03d}.docx", m, rng, target)
    # HTML: page sizes log-normal around 40 KB, until the total is reached.
    target_total = params["html_target_bytes"]
    sizes = lognormal_sizes(rng, 40_000, 0.6, 8_000, 400_000)
    total = 0
    k = 0
    while total < target_total:
        k += 1
        page = page_html(m, rng, min(next(sizes), target_total - total + 4000), k).encode("utf-8")
        (out / "html" / f"page-{k:04d}.html").write_bytes(page)
        total += len(page)

    manifest = {**params, "corpus_files": m.files, **totals(), "docx_xml_bytes": xml_bytes}
    manifest_path.write_text(json.dumps(manifest, indent=2) + "\n")
    print(f"gen_readers: {manifest['docx_files']} docx ({manifest['docx_bytes'] / 1e6:.1f} MB, "
          f"{xml_bytes / 1e6:.1f} MB XML uncompressed) and {manifest['html_files']} html "
          f"({manifest['html_bytes'] / 1e6:.1f} MB) in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
