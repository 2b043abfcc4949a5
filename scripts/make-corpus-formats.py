#!/usr/bin/env python3
"""Builds the HTML and Word versions of Corpus samples from their text files.

The text samples in Corpus/ are documents as received. Archives hold the same kinds of
document as saved web pages and Word files, so this script lays the content of four samples
out the way such files really are:

  news/moh-leadership-news-2024-10-page.html
      the ministry's news listing and article as a web page: site header, menu, breadcrumb,
      sidebar, footer, scripts and styles around the content (UTF-8, <meta charset>).
  twg/technical-working-groups-page.html
      the technical-working-group page with its directory as a real <table> (header row,
      departments separated by <br>, links to the terms of reference).
  questionnaires/cao-bang-hpg-2016-11-15-answers.docx
      the province's answers typed in Word: a localized heading style ("Tiêu đề 1"), the
      questions as Word numbering, the answers as Word bullet lists, words split across runs,
      a page header and a footer with a PAGE field, core properties.
  programmes/health-sector-policy-support-phase-2-windows-1258.html
      the programme brief as an older page saved in Windows-1258, tone marks as combining
      characters (as Windows-1258 stores them), charset declared in http-equiv.

And two legacy versions of the Bắc Giang plan, as pre-Unicode archives hold such documents:

  plans/bac-giang-123-kh-syt-2022-tcvn3.txt
      the plan saved as TCVN3 (ABC) bytes, as a .VnTime editor wrote them: toned capitals with
      the lowercase codes, since TCVN3 has none (the tables are vndoc's own resource files).
  plans/bac-giang-123-kh-syt-2022-vntime.docx
      the plan typed in Word with the .VnTime font: every run holds the Windows-1252 reading of
      its TCVN3 bytes, as Word stores text in 8-bit fonts; capital lines in .VnTimeH with the
      lowercase codes (the font draws them as capitals); a Unicode letterhead run in Times New
      Roman as later editors added.

A real Word 97 file comes from the public legacy corpus in ../shared (not made here):
  decisions/binh-phuoc-991-qd-ubnd-2008.doc  (shared/real/legacy-encodings/orig/vni__2008-23.QD-991-UBND.doc)

Only stdlib; the output is byte-for-byte reproducible (fixed ZIP timestamps, no randomness).
Run from the package root:  python3 scripts/make-corpus-formats.py
The outputs are committed; the golden outputs in Tests/PipelineTests/Goldens are recorded from
them by the tests (RECORD_GOLDENS=1) and read by eye.
"""

import html
import pathlib
import re
import unicodedata
import zipfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "Corpus"


def esc(text):
    return html.escape(text, quote=False)


def lines_of(relative):
    return (CORPUS / relative).read_text(encoding="utf-8").split("\n")


# ---------------------------------------------------------------------------- site chrome

SITE_HEAD = """<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/static/css/site.css">
<style>
  .menu-top li {{ display: inline-block; padding: 0 8px; }}
  .news-item .time {{ color: #888; font-size: 12px; }}
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag() {{ dataLayer.push(arguments); }}
  gtag('js', new Date());
</script>
</head>
<body class="page">
<header id="site-header">
  <div class="logo"><a href="/"><img src="/static/img/logo.png" alt="Cổng thông tin điện tử"></a></div>
  <div class="slogan">Cổng thông tin điện tử</div>
</header>
<nav class="menu-top">
  <ul>
    <li><a href="/">Trang chủ</a></li>
    <li><a href="/gioi-thieu">Giới thiệu</a></li>
    <li><a href="/tin-tuc">Tin tức - Sự kiện</a></li>
    <li><a href="/van-ban">Văn bản</a></li>
    <li><a href="/lien-he">Liên hệ</a></li>
  </ul>
</nav>
<div class="breadcrumb"><a href="/">Trang chủ</a> &raquo; <a href="/tin-tuc">Tin tức</a> &raquo; {crumb}</div>
"""

SITE_SIDEBAR = """<aside class="sidebar">
  <h3>Liên kết</h3>
  <ul>
    <li><a href="/lich-cong-tac">Lịch công tác</a></li>
    <li><a href="/thu-vien-anh">Thư viện ảnh</a></li>
  </ul>
  <form action="/tim-kiem"><input type="text" name="q" placeholder="Tìm kiếm"><button>Tìm</button></form>
</aside>
"""

SITE_FOOTER = """<footer id="site-footer">
  <p>Bản quyền thuộc Cổng thông tin điện tử.</p>
  <p>Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>
</footer>
<script src="/static/js/site.js"></script>
<!-- analytics -->
</body>
</html>
"""


# ---------------------------------------------------------------------------- news page

DATE_GLUED = re.compile(r"^(Thứ [^,]+, ngày \d{2}/\d{2}/\d{4} \d{2}:\d{2})(.*)$")


def news_page():
    lines = [l for l in lines_of("news/moh-leadership-news-2024-10.txt")]
    out = [SITE_HEAD.format(title="Hoạt động của lãnh đạo Bộ", crumb="Hoạt động của lãnh đạo Bộ")]
    out.append('<main class="content">\n')
    i = 0
    # The listing: a section title, then (title, "date teaser") pairs until "Xuất bản thông tin".
    out.append(f'<section class="news-list">\n<h2 class="section-title">{esc(lines[0])}</h2>\n')
    i = 1
    while i < len(lines) and lines[i] != "Xuất bản thông tin":
        title, meta = lines[i], lines[i + 1]
        m = DATE_GLUED.match(meta)
        assert m, meta
        out.append('<div class="news-item">\n')
        out.append(f'  <h3 class="title"><a href="/tin-tuc/{i}">{esc(title)}</a></h3>\n')
        out.append(f'  <div class="time">{esc(m.group(1))}</div>\n')
        out.append(f'  <p class="sapo">{esc(m.group(2))}</p>\n')
        out.append("</div>\n")
        i += 2
    out.append("</section>\n")
    # The article: label, title, time, body paragraphs, then the related-news list.
    out.append(f'<article class="news-detail">\n<div class="label">{esc(lines[i])}</div>\n')
    out.append(f"<h1>{esc(lines[i + 1])}</h1>\n")
    out.append(f'<div class="time">{esc(lines[i + 2])}</div>\n')
    i += 3
    while i < len(lines) and lines[i] != "Tin liên quan":
        if lines[i].strip():
            out.append(f"<p>{esc(lines[i])}</p>\n")
        i += 1
    out.append("</article>\n")
    if i < len(lines):
        out.append(f'<div class="related">\n<h4>{esc(lines[i])}</h4>\n<ul>\n')
        for line in lines[i + 1:]:
            if line.startswith("- "):
                out.append(f'  <li><a href="#">{esc(line[2:])}</a></li>\n')
        out.append("</ul>\n</div>\n")
    out.append("</main>\n")
    out.append(SITE_SIDEBAR)
    out.append(SITE_FOOTER)
    return "".join(out).encode("utf-8")


# ---------------------------------------------------------------------------- TWG page

# The directory as the flattened text shows it, one row per group: number, name, founded,
# lead departments, focal partners, terms of reference.
TWG_ROWS = [
    ("1", "NKT về Sức khỏe sinh sản (RHAG)", "01/10/2010",
     ["Vụ Sức khoẻ Bà mẹ trẻ em", "Tổng Cục Dân số - Kế hoạch hoá gia đình"], ["UNFPA"], "RHAG TOR"),
    ("2", "NKT về Quản lý sức khoẻ môi trường (HEMG)", "01/04/2011",
     ["Cục Quản lý Môi trường y tế"], ["WHO", "Bộ NN & PTNT"], "HEMG TOR"),
    ("3", "NKT về Nhân lực y tế (HRH)", "10/09/2011",
     ["Vụ Tổ chức cán bộ", "Cục Khoa học Công nghệ & Đào tạo"], ["WHO"], "HRH TOR"),
    ("4", "NKT về Y tế cơ sở", "2011",
     ["Cục Quản lý Khám chữa bệnh", "Cục Y tế dự phòng"], [], "LHS TOR"),
    ("5", "NKT về Hệ thống thông tin y tế (HIS)", "03/10/2012",
     ["Vụ Kế hoạch tài chính", "Cục Công nghệ thông tin"], ["Liên minh Châu Âu"], "HIS TOR"),
    ("6", "NKT về Kế hoạch và Tài chính y tế (bao gồm Bảo hiểm y tế)", "03/10/2012",
     ["Vụ Kế hoạch tài chính", "Vụ Bảo hiểm y tế"], ["Liên minh Châu Âu"], "HPF TOR"),
    ("7", "NKT về Trang thiết bị y tế", "11/10/2012",
     ["Vụ Quản lý Trang thiết bị và Công trình y tế"], [], "MDG TOR"),
    ("8", "NKT về Quản lý chất lượng bệnh viện", "2013",
     ["Cục Quản lý Khám chữa bệnh"], [], "HQM TOR"),
    ("9", "NKT về Dược", "04/09/2013", ["Cục Quản lý Dược"], ["WHO"], "TWGP TOR"),
    ("10", "NKT về Dinh dưỡng", "02/07/2015", ["Viện Dinh dưỡng"], ["UNICEF"], "TWGN TOR"),
]

TWG_HEADINGS = {"Nhóm kỹ thuật", "Mục tiêu", "Hoạt động", "Lĩnh vực hỗ trợ", "Mối liên kết với HPG",
                "Các lĩnh vực kỹ thuật tiềm năng"}


def twg_page():
    lines = [l.strip() for l in lines_of("twg/technical-working-groups.txt")]
    out = [SITE_HEAD.format(title="Nhóm kỹ thuật - Nhóm Đối tác y tế", crumb="Nhóm kỹ thuật")]
    out.append('<main class="content">\n')
    in_links = False
    for line in lines:
        if not line:
            continue
        if line.startswith("icon-phone"):
            title = line.removeprefix("icon-phone").strip()
            if title.startswith("Danh sách"):
                break
            out.append(f'<h2><span class="icon-phone"></span>{esc(title)}</h2>\n')
            continue
        if line == "Nhóm kỹ thuật":
            out.append(f"<h1>{esc(line)}</h1>\n")
        elif line in TWG_HEADINGS:
            out.append(f"<h3>{esc(line)}</h3>\n")
        elif line == "Xem thêm thông tin tại:":
            out.append(f"<p>{esc(line)}</p>\n<ul class=\"links\">\n")
            in_links = True
        elif in_links:
            out.append(f'  <li><a href="/tai-lieu">{esc(line)}</a></li>\n')
        else:
            out.append(f"<p>{esc(line)}</p>\n")
    if in_links:
        out.append("</ul>\n")
    out.append('<h2><span class="icon-phone"></span>Danh sách các NKT (theo ngày thành lập)</h2>\n')
    out.append('<table class="table table-bordered">\n<thead>\n<tr>')
    for head in ["STT", "Tên Nhóm Kỹ Thuật", "Ngày thành lập", "Vụ Cục Chủ Trì", "ĐTPT Đầu Mối", "ĐKTC"]:
        out.append(f"<th>{esc(head)}</th>")
    out.append("</tr>\n</thead>\n<tbody>\n")
    for no, name, founded, leads, partners, tor in TWG_ROWS:
        out.append("<tr>\n")
        out.append(f"  <td>{no}</td>\n  <td>{esc(name)}</td>\n  <td>{founded}</td>\n")
        out.append("  <td>" + "<br>\n".join(esc(x) for x in leads) + "</td>\n")
        out.append("  <td>" + "<br>\n".join(esc(x) for x in partners) + "</td>\n")
        out.append(f'  <td><a href="/tai-lieu/{tor.split()[0].lower()}-tor.pdf">{esc(tor)}</a></td>\n')
        out.append("</tr>\n")
    out.append("</tbody>\n</table>\n")
    # What follows the table in the text: a heading, a paragraph and a bulleted list.
    tail = lines[lines.index("Các lĩnh vực kỹ thuật tiềm năng"):]
    out.append(f"<h3>{esc(tail[0])}</h3>\n")
    bullets = []
    for line in tail[1:]:
        if not line:
            continue
        if line.startswith("•"):
            bullets.append(line.lstrip("•").strip())
        else:
            out.append(f"<p>{esc(line)}</p>\n")
    out.append("<ul>\n" + "".join(f"  <li>{esc(b)}</li>\n" for b in bullets) + "</ul>\n")
    out.append("</main>\n")
    out.append(SITE_SIDEBAR)
    out.append(SITE_FOOTER)
    return "".join(out).encode("utf-8")


# ---------------------------------------------------------------------------- Windows-1258 page

SHAPE_MARKS = {"\u0302", "\u0306", "\u031b"}  # circumflex, breve, horn: part of the letter


def to_windows1258(text):
    """Encodes as Windows-1258 stores Vietnamese: letters with their shape marks precomposed
    where the code page has them, tone marks as separate combining characters."""
    out = bytearray()
    for cluster in re.findall(r".[\u0300-\u036f]*", unicodedata.normalize("NFD", text), flags=re.S):
        try:
            out += unicodedata.normalize("NFC", cluster).encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, marks = cluster[0], cluster[1:]
        shape = "".join(m for m in marks if m in SHAPE_MARKS)
        tones = "".join(m for m in marks if m not in SHAPE_MARKS)
        out += unicodedata.normalize("NFC", base + shape).encode("cp1258")
        out += tones.encode("cp1258")
    return bytes(out)


def windows1258_page():
    lines = [l for l in lines_of("programmes/health-sector-policy-support-phase-2.txt") if l.strip()]
    title = "Hội thảo giới thiệu chương trình “Hỗ trợ chính sách ngành y tế giai đoạn II”"
    page = [
        "<html>\n<head>\n",
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">\n',
        f"<title>{esc(title)}</title>\n</head>\n<body bgcolor=\"#ffffff\">\n",
        '<div id="menu"><a href="/">Trang chủ</a> | <a href="/tin-tuc">Tin tức</a> | <a href="/lien-he">Liên hệ</a></div>\n',
        f'<h2 align="center">{esc(title)}</h2>\n',
    ]
    for line in lines:
        page.append(f"<p align=\"justify\">{esc(line)}</p>\n")
    page.append('<div id="footer">Trang thông tin hợp tác quốc tế ngành y tế</div>\n</body>\n</html>\n')
    return to_windows1258("".join(page))


# ---------------------------------------------------------------------------- Word questionnaire

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' \
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def xml_text(text):
    return html.escape(text, quote=True)


def runs(text, bold=False):
    """The text as Word saves it after editing: split into several runs, once inside the third
    word (proofing marks and revision ids do that) and after every seventh word, each run with
    its own properties. Joined without anything in between, the runs are the text."""
    rpr = "<w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\"/>" + \
          ("<w:b/>" if bold else "") + "<w:sz w:val=\"26\"/><w:lang w:val=\"vi-VN\"/></w:rPr>"
    cuts = set()
    word_starts = [m.start() for m in re.finditer(r"\S+", text)]
    for n, at in enumerate(word_starts):
        if n == 2:
            word = re.match(r"\S+", text[at:]).group(0)
            if len(word) > 3:
                cuts.add(at + 2)
        if n > 0 and n % 7 == 0:
            cuts.add(at)
    bounds = [0] + sorted(cuts) + [len(text)]
    pieces = [text[a:b] for a, b in zip(bounds, bounds[1:])]
    assert "".join(pieces) == text
    return "".join(
        f'<w:r>{rpr}<w:t xml:space="preserve">{xml_text(p)}</w:t></w:r>' for p in pieces if p
    )


def para(text, style=None, num=None, bold=False, jc=None):
    ppr = ""
    if style or num or jc:
        ppr = "<w:pPr>"
        if style:
            ppr += f'<w:pStyle w:val="{style}"/>'
        if num:
            ppr += f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
        if jc:
            ppr += f'<w:jc w:val="{jc}"/>'
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{runs(text, bold)}</w:p>"


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}>
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="26"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Tiu1"><w:name w:val="Tiêu đề 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
</w:styles>
"""

NUMBERING = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering {W}>
<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/></w:rPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1440" w:hanging="360"/></w:pPr><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>
<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="360" w:hanging="360"/></w:pPr></w:lvl>
<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="1080" w:hanging="360"/></w:pPr></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
</w:numbering>
"""


def questionnaire_docx():
    lines = [l.rstrip() for l in lines_of("questionnaires/cao-bang-hpg-2016-11-15.txt")]
    body = []
    for n, line in enumerate(lines):
        text = re.sub(r"\s+$", "", line)
        if not text.strip():
            continue
        text = text.strip()
        if n == 0:
            body.append(para(text, style="Tiu1"))
        elif n in (1, 2):
            body.append(para(text, bold=True, jc="center"))
        elif re.match(r"^\d+\. ", text):
            # Questions: Word numbering makes the label, the typed number goes.
            body.append(para(re.sub(r"^\d+\. ", "", text), style="ListParagraph", num=(2, 0), bold=True))
        elif re.match(r"^\d+[a-z], ", text):
            body.append(para(text, bold=True))
        elif text.startswith("- "):
            body.append(para(text[2:], style="ListParagraph", num=(1, 0)))
        else:
            body.append(para(text))
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
            '<w:footerReference w:type="default" r:id="rIdFooter1"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1701"/></w:sectPr>')
    document = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{"".join(body)}{sect}</w:body></w:document>
"""
    header = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr {W}>{para("Cuộc họp Nhóm Đối tác y tế (HPG) ngày 15/11/2016", style="Header", jc="right")}</w:hdr>
"""
    footer = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:ftr {W}><w:p><w:pPr><w:pStyle w:val="Footer"/><w:jc w:val="center"/></w:pPr><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>
"""
    content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>
"""
    rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>
"""
    doc_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/><Relationship Id="rIdHeader1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>
"""
    core = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>Chi tiết câu hỏi chuẩn bị thông tin cho Cuộc họp Nhóm Đối tác y tế (HPG) ngày 15/11/2016</dc:title><dc:creator>Tỉnh Cao Bằng</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2016-11-04T02:15:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2016-11-07T01:40:00Z</dcterms:modified></cp:coreProperties>
"""
    parts = [
        ("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("docProps/core.xml", core),
        ("word/document.xml", document), ("word/_rels/document.xml.rels", doc_rels),
        ("word/styles.xml", STYLES), ("word/numbering.xml", NUMBERING),
        ("word/header1.xml", header), ("word/footer1.xml", footer),
    ]
    path = CORPUS / "questionnaires/cao-bang-hpg-2016-11-15-answers.docx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2016, 11, 7, 8, 40, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    return path


# ---------------------------------------------------------------------------- TCVN3 versions

def tcvn3_table():
    """Unicode character -> TCVN3 byte, from vndoc's table (Sources/LegacyText/Resources)."""
    table = {}
    for line in (ROOT / "Sources/LegacyText/Resources/tcvn3.txt").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        code, scalar = line.split("\t")[:2]
        table[chr(int(scalar, 16))] = int(code, 16)
    return table


def to_tcvn3(text, table):
    """TCVN3 bytes: ASCII as is, letters from the table; a toned capital, which TCVN3 lacks,
    with its lowercase code (an all-capital font draws it as the capital)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out.append(ord(ch))
        elif ch in table:
            out.append(table[ch])
        elif ch.lower() in table:
            out.append(table[ch.lower()])
        elif ch in "“”":
            out.append(0x22)
        elif ch in "–":
            out.append(0x2D)
        else:
            raise ValueError(f"no TCVN3 code for {ch!r}")
    return bytes(out)


def as_windows1252(data):
    """What Word keeps for 8-bit font text: each byte's Windows-1252 character."""
    return data.decode("cp1252", errors="strict")


def plan_tcvn3_text(table):
    text = (CORPUS / "plans/bac-giang-123-kh-syt-2022.txt").read_text(encoding="utf-8")
    return to_tcvn3(text.replace("\n", "\r\n"), table)


def is_capital_line(line):
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 4 and all(c.isupper() for c in letters)


def plan_vntime_docx(table):
    lines = [l.strip() for l in (CORPUS / "plans/bac-giang-123-kh-syt-2022.txt").read_text(encoding="utf-8").split("\n")]
    body = []
    for n, line in enumerate(lines):
        if not line:
            continue
        if n == 0:
            # A letterhead line retyped in Unicode by a later editor.
            run = f'<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:b/></w:rPr><w:t xml:space="preserve">{xml_text(line)}</w:t></w:r>'
        elif is_capital_line(line):
            run = f'<w:r><w:rPr><w:rFonts w:ascii=".VnTimeH" w:hAnsi=".VnTimeH"/><w:b/></w:rPr><w:t xml:space="preserve">{xml_text(as_windows1252(to_tcvn3(line.lower(), table)))}</w:t></w:r>'
        else:
            # Body text in the document's default font (.VnTime, from docDefaults), in two runs.
            encoded = as_windows1252(to_tcvn3(line, table))
            cut = len(encoded) // 2
            run = "".join(f'<w:r><w:t xml:space="preserve">{xml_text(part)}</w:t></w:r>' for part in (encoded[:cut], encoded[cut:]) if part)
        body.append(f"<w:p>{run}</w:p>")
    styles = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/><w:sz w:val="28"/></w:rPr></w:rPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>
"""
    document = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body>{"".join(body)}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>
"""
    content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
"""
    rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
"""
    doc_rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
"""
    path = CORPUS / "plans/bac-giang-123-kh-syt-2022-vntime.docx"
    if path.exists():
        path.chmod(0o644)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, text in [("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("word/document.xml", document),
                           ("word/_rels/document.xml.rels", doc_rels), ("word/styles.xml", styles)]:
            info = zipfile.ZipInfo(name, date_time=(2022, 10, 10, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))
    return path


def main():
    outputs = {
        CORPUS / "news/moh-leadership-news-2024-10-page.html": news_page(),
        CORPUS / "twg/technical-working-groups-page.html": twg_page(),
        CORPUS / "programmes/health-sector-policy-support-phase-2-windows-1258.html": windows1258_page(),
    }
    for path, data in outputs.items():
        if path.exists():
            path.chmod(0o644)
        path.write_bytes(data)
        print(f"{path.relative_to(ROOT)}  {len(data)} bytes")
    table = tcvn3_table()
    tcvn3 = CORPUS / "plans/bac-giang-123-kh-syt-2022-tcvn3.txt"
    if tcvn3.exists():
        tcvn3.chmod(0o644)
    tcvn3.write_bytes(plan_tcvn3_text(table))
    print(f"{tcvn3.relative_to(ROOT)}  {tcvn3.stat().st_size} bytes")
    vntime = plan_vntime_docx(table)
    print(f"{vntime.relative_to(ROOT)}  {vntime.stat().st_size} bytes")
    docx = CORPUS / "questionnaires/cao-bang-hpg-2016-11-15-answers.docx"
    if docx.exists():
        docx.chmod(0o644)
    print(f"{questionnaire_docx().relative_to(ROOT)}  {docx.stat().st_size} bytes")


if __name__ == "__main__":
    main()
