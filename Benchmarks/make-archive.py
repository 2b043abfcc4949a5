#!/usr/bin/env python3
"""Make a mixed archive of Vietnamese health-sector documents for the `vndoc run` benchmark.

Writes COUNT documents (default 2000) into OUT/part-NN/<folder>/, PART_SIZE (500) per part,
made from every sample in the project's Corpus/ by varying its content with a fixed seed:

    template          folder          kind it should be   how it is made
    questionnaire-txt questionnaires  questionnaire       Cao Bằng's HPG answers: another province
    questionnaire-docx questionnaires questionnaire         and meeting date, answers shuffled, some
                                                          duplicated, extra answers; the .docx as
                                                          scripts/make-corpus-formats.py lays it out
    news-txt          news            news-listing        MoH news listing: 5-30 items drawn from the
    news-html         news            news-listing          sample's, new dates and times, the article
                                                          cut or lengthened; the page with site chrome
    twg-txt           twg             twg-directory       TWG page: a subset of the ten groups in
    twg-html          twg             twg-directory         another order, other founding dates
    plan-txt          plans           plan                Bắc Giang's plan: another province, number,
    plan-tcvn3-txt    plans           plan                  dates, partner province (Laos, Cambodia,
    plan-vntime-docx  plans           plan                  China), budget, signer; items shuffled and
                                                          duplicated; UTF-8 text, TCVN3 bytes, Word
                                                          with .VnTime runs
    plan-docx         plans           plan                Word plan recombined from Corpus sentences
                                                          (Benchmarks/gen_readers.py's DocxWriter:
                                                          runs, numbering, tables, header, footer)
    programme-txt     programmes      programme-brief     the EU programme brief: other figures,
    programme-1258-html programmes    programme-brief       provinces, paragraph order; the page in
                                                          Windows-1258 with combining tone marks
    page-html         pages           (news)              MoH-style article or listing page from
                                                          gen_readers.py's page_html (heavy chrome)
    decision-doc      decisions       decision            the real Word 97 file, copied as is

The builders of scripts/make-corpus-formats.py and Benchmarks/gen_readers.py are imported and
reused: this script writes each varied text where make-corpus-formats expects its source (in a
scratch copy of the Corpus layout, never in Corpus/) and calls the same function that made the
Corpus's HTML, DOCX and TCVN3 files. Provinces come from Sources/Entities/Resources/provinces.csv
(the 63 pre-2025 units), partner provinces from neighbour_provinces.csv, family names from
family_names.csv.

Every hundred consecutive documents hold the same mix of templates (a fixed shuffled plan of 100
slots), and document i depends only on the seed and i: the first N documents of a larger archive
are the archive of N documents, and every part of 500 has the same mix, so part-01 alone,
part-01..04 and part-01..08 are the 500-, 2000- and 4000-document archives.

OUT/.manifest.json (hidden, so `vndoc run OUT` does not read it) records the parameters, the
corpus digest, every file with its template, expected kind and bytes, and the totals per part.
When it shows the same parameters and the files still have their sizes, nothing is rewritten
(--force rewrites). Standard library only; the same arguments always give the same bytes (ZIP
entries carry fixed dates).

Usage: make-archive.py --out DIR [--count 2000] [--part-size 500] [--seed 20261124] [--force]
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import importlib.util
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT / "Corpus"
RESOURCES = ROOT / "Sources" / "Entities" / "Resources"
FORMAT = 1  # bump when the way documents are made changes


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# The Corpus's own format builders (a script with a dash in its name: loaded by path).
mcf = _load("make_corpus_formats", ROOT / "scripts" / "make-corpus-formats.py")
sys.path.insert(0, str(HERE))
import gen_readers as gr  # noqa: E402  (DocxWriter, write_docx, page_html, Material)

# template, folder, expected kind, extension, slots out of 100
TEMPLATES = [
    ("questionnaire-txt", "questionnaires", "questionnaire", "txt", 10),
    ("questionnaire-docx", "questionnaires", "questionnaire", "docx", 7),
    ("news-txt", "news", "news-listing", "txt", 7),
    ("news-html", "news", "news-listing", "html", 7),
    ("twg-txt", "twg", "twg-directory", "txt", 5),
    ("twg-html", "twg", "twg-directory", "html", 5),
    ("plan-txt", "plans", "plan", "txt", 12),
    ("plan-tcvn3-txt", "plans", "plan", "txt", 6),
    ("plan-vntime-docx", "plans", "plan", "docx", 5),
    ("plan-docx", "plans", "plan", "docx", 8),
    ("programme-txt", "programmes", "programme-brief", "txt", 7),
    ("programme-1258-html", "programmes", "programme-brief", "html", 5),
    ("page-html", "pages", None, "html", 12),  # news article or listing, by gen_readers' draw
    ("decision-doc", "decisions", "decision", "doc", 4),
]
assert sum(t[4] for t in TEMPLATES) == 100

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bẩy"]  # Sunday is avoided
COUNTRY_VI = {"LA": "Lào", "KH": "Campuchia", "CN": "Trung Quốc"}
MIDDLE = ["Văn", "Thị", "Minh", "Hữu", "Đức", "Thanh", "Ngọc", "Quang", "Thu", "Xuân"]
GIVEN = ["Bình", "An", "Hùng", "Lan", "Hà", "Dũng", "Hương", "Tuấn", "Mai", "Sơn", "Thảo", "Long", "Nga", "Phong"]
EXTRA_ANSWERS = [
    "Trong năm {year}, tỉnh {name} đã cử cán bộ tham dự {k} cuộc họp của Nhóm Đối tác y tế.",
    "Đề nghị Bộ Y tế tăng cường tập huấn cho cán bộ y tế tuyến tỉnh về lập kế hoạch, quản lý dự án và giám sát đánh giá.",
    "Kinh phí đối ứng của tỉnh cho các hoạt động hợp tác năm {year} là {money} đồng.",
    "Sở Y tế {name} đề nghị các ĐTPT chia sẻ tài liệu của các NKT qua thư điện tử để tỉnh kịp thời cập nhật.",
    "Tỉnh chưa nhận được điều khoản tham chiếu của các NKT nên chưa xác định được nội dung tham gia phù hợp.",
    "Đề nghị tổ chức luân phiên các cuộc họp HPG tại địa phương để các tỉnh có điều kiện tham gia.",
]
MORE_TWG_FIELDS = ["Sức khỏe tâm thần", "Y tế học đường", "Phòng chống tai nạn thương tích", "Chuyển đổi số y tế",
                   "Sức khỏe người cao tuổi", "Kháng kháng sinh (AMR)"]
NEWS_SECTIONS = ["HOẠT ĐỘNG CỦA LÃNH ĐẠO BỘ", "TIN TỔNG HỢP", "HỢP TÁC QUỐC TẾ", "TIN HOẠT ĐỘNG CỦA BỘ Y TẾ"]


# ---------------------------------------------------------------------------------------------
# Data from the project's resources


def read_csv(path: Path) -> list[dict]:
    lines = [l for l in path.read_text(encoding="utf-8").splitlines() if l and not l.startswith("#")]
    return list(csv.DictReader(lines))


PROVINCES = [(r["name"], r["type"]) for r in read_csv(RESOURCES / "provinces.csv") if r["era"] == "pre2025"]
FAMILY = [r["name"] for r in read_csv(RESOURCES / "family_names.csv") if r["strength"] == "strong"]


def _neighbour_names() -> list[tuple[str, str]]:
    out = []
    for r in read_csv(RESOURCES / "neighbour_provinces.csv"):
        # The Vietnamese spelling where there is one (Xê Kông, Hủa Phăn, Vân Nam), else the usual name.
        vi = [v for v in r["variants"].split("|") if " " in v and any(ord(c) > 0x7F for c in v)]
        out.append((vi[0] if vi else r["name"], COUNTRY_VI.get(r["country"], r["country"])))
    return out


NEIGHBOURS = _neighbour_names()


def slug(text: str) -> str:
    t = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def money(rng: random.Random, lo: int, hi: int) -> str:
    return f"{rng.randint(lo, hi) * 1000:,}".replace(",", ".")


def person(rng: random.Random) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def replace_all(text: str, subs: list[tuple[str, str]]) -> str:
    """Every `old` replaced by its `new` in one pass (a replacement is never replaced again; at
    one place the longest `old` wins)."""
    table = dict(subs)
    for old in table:
        assert old in text, f"the Corpus sample no longer has {old!r}: update the substitutions"
    pattern = re.compile("|".join(re.escape(o) for o in sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group(0)], text)


def corpus_text(relative: str) -> str:
    return (CORPUS / relative).read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Varied texts, one per Corpus sample (each keeps the layout make-corpus-formats expects)


def questionnaire_text(rng: random.Random) -> tuple[str, str]:
    name, ptype = rng.choice(PROVINCES)
    meeting = random_day(rng, dt.date(2013, 1, 1), dt.date(2024, 12, 31))
    deadline = meeting - dt.timedelta(days=rng.randint(5, 14))
    lines = corpus_text("questionnaires/cao-bang-hpg-2016-11-15.txt").split("\n")
    lines[0] = f"{ptype} {name}".upper()
    text = "\n".join(lines)
    text = text.replace("15/11/2016", meeting.strftime("%d/%m/%Y")).replace("07/11/2016", deadline.strftime("%d/%m/%Y"))
    lines = text.split("\n")
    # Answer bullets: each run of "- " lines shuffled, one sometimes repeated, extra answers added.
    out, group = [], []

    def flush():
        if group:
            rng.shuffle(group)
            if rng.random() < 0.3:
                group.insert(rng.randrange(len(group) + 1), rng.choice(group))
            for _ in range(rng.choice([0, 0, 1, 2, 3])):
                extra = rng.choice(EXTRA_ANSWERS).format(name=name, year=meeting.year, k=rng.randint(1, 4),
                                                         money=money(rng, 20_000, 900_000))
                group.insert(rng.randrange(len(group) + 1), "- " + extra)
            out.extend(group)
            group.clear()

    for line in lines:
        if line.startswith("- "):
            group.append(line)
        else:
            flush()
            out.append(line)
    flush()
    return "\n".join(out), f"{slug(name)}-hpg-{meeting.isoformat()}"


def news_text(rng: random.Random) -> tuple[str, str]:
    lines = corpus_text("news/moh-leadership-news-2024-10.txt").split("\n")
    i, items = 1, []
    while lines[i] != "Xuất bản thông tin":
        teaser = mcf.DATE_GLUED.match(lines[i + 1]).group(2)
        items.append((lines[i], teaser))
        i += 2
    article = lines[i + 1:]
    related_at = article.index("Tin liên quan")
    title, body = article[0], [l for l in article[2:related_at] if l.strip()]

    k = rng.randint(5, 30)
    picked = rng.sample(items, k) if k <= len(items) else [rng.choice(items) for _ in range(k)]
    when = dt.datetime(2018, 1, 1, 8, 0) + dt.timedelta(minutes=rng.randrange(7 * 365 * 24 * 60))
    out = [rng.choice(NEWS_SECTIONS)]
    for item_title, teaser in picked:
        when -= dt.timedelta(minutes=rng.randint(20, 30 * 60))
        if when.weekday() == 6:
            when -= dt.timedelta(days=1)
        out.append(item_title)
        out.append(f"{WEEKDAYS[when.weekday()]}, ngày {when:%d/%m/%Y %H:%M}{teaser}")
    published = when - dt.timedelta(days=rng.randint(1, 60), minutes=rng.randrange(24 * 60))
    out += ["Xuất bản thông tin", title, f"{published:%d/%m/%Y | %I:%M %p}"]
    # The article: the lead kept, other paragraphs sometimes dropped or repeated.
    kept = [body[0]]
    for p in body[1:]:
        r = rng.random()
        if r < 0.15:
            continue
        kept.append(p)
        if r > 0.9:
            kept.append(p)
    out += kept
    out.append("Tin liên quan")
    out += ["- " + t for t, _ in rng.sample(items, rng.randint(3, 7))]
    return "\n".join(out), f"tin-tuc-{slug(out[0])}-{when:%Y-%m-%d}"


def twg_rows(rng: random.Random) -> list[tuple]:
    rows = rng.sample(mcf.TWG_ROWS, rng.randint(5, len(mcf.TWG_ROWS)))
    if rng.random() < 0.5:
        rows.sort(key=lambda r: int(r[0]))
    out = []
    for n, (_, name, founded, leads, partners, tor) in enumerate(rows, 1):
        if "/" in founded and rng.random() < 0.7:
            year = int(founded[-4:]) + rng.randint(-1, 1)
            founded = random_day(rng, dt.date(year, 1, 1), dt.date(year, 12, 28)).strftime("%d/%m/%Y")
        out.append((str(n), name, founded, list(leads), list(partners), tor))
    return out


def twg_text(rng: random.Random, rows: list[tuple]) -> tuple[str, str]:
    lines = corpus_text("twg/technical-working-groups.txt").split("\n")
    table_at = next(k for k, l in enumerate(lines) if l.startswith("icon-phone") and "Danh sách" in l)
    tail_at = lines.index("Các lĩnh vực kỹ thuật tiềm năng")
    intro = lines[:table_at]
    # Paragraphs between "Mục tiêu" and "Xem thêm thông tin tại:" sometimes dropped or repeated.
    lo, hi = intro.index("Mục tiêu"), intro.index("Xem thêm thông tin tại:")
    varied = []
    for k, line in enumerate(intro):
        if lo < k < hi and line.strip() and line not in mcf.TWG_HEADINGS:
            r = rng.random()
            if r < 0.12:
                continue
            if r > 0.9:
                varied += [line, ""]
        varied.append(line)
    out = varied + [lines[table_at], ""]
    for head in ["STT", "Tên Nhóm Kỹ Thuật", "Ngày thành lập", "Vụ Cục Chủ Trì", "ĐTPT Đầu Mối", "ĐKTC"]:
        out += [f" {head}", " "]
    # The table flattened one cell per line, as the sample's page text is.
    for no, name, founded, leads, partners, tor in rows:
        out += [no, " ", f" {name}", " ", f"  {founded} ", " "]
        out += [f" {x}" for x in leads] + [" "]
        out += partners + ([" "] if partners else [])
        out += [tor, ""]
    out += lines[tail_at:]
    for field in rng.sample(MORE_TWG_FIELDS, rng.randint(0, 3)):
        out += ["", f"•  {field}"]
    return "\n".join(out).rstrip("\n") + "\n", f"nhom-ky-thuat-{len(rows)}-nkt"


def plan_text(rng: random.Random) -> tuple[str, str]:
    name, ptype = rng.choice(PROVINCES)
    partner, country = rng.choice(NEIGHBOURS)
    year = rng.randint(2016, 2025)
    issued = random_day(rng, dt.date(year, 3, 1), dt.date(year, 12, 28))
    referred = issued - dt.timedelta(days=rng.randint(14, 60))
    number = rng.randint(1, 999)
    period = 2016 if year < 2021 else 2021
    staff = rng.randint(5, 40)
    text = corpus_text("plans/bac-giang-123-kh-syt-2022.txt")
    subs = [
        ("Số: 123 /KH-SYT", f"Số: {number}{rng.choice([' ', ''])}/KH-SYT"),
        ("Bắc Giang, ngày 10 tháng 10 năm 2022", f"{name}, ngày {issued.day} tháng {issued.month} năm {issued.year}"),
        ("481/KH-UBND ngày 25/8/2022", f"{rng.randint(1, 999)}/KH-UBND ngày {referred.day}/{referred.month}/{referred.year}"),
        ("Xây Sôm Bun (Lào)", f"{partner} ({country})"), ("Xây Sốp Bùn (Lào)", f"{partner} ({country})"),
        ("Xây Sôm Bun", partner), ("Xây Sốp Bùn", partner),
        ("UBND tỉnh Bắc Giang", f"UBND {ptype} {name}"), ("tỉnh Bắc Giang", f"{ptype} {name}"), ("Bắc Giang", name),
        ("giai đoạn 2021- 2025", f"giai đoạn {period}- {period + 4}"),
        ("Thời gian thực hiện: 2023-2025", f"Thời gian thực hiện: {year + 1}-{year + 3}"),
        ("Năm 2023:", f"Năm {year + 1}:"), ("Năm 2024:", f"Năm {year + 2}:"), ("Năm 2025:", f"Năm {year + 3}:"),
        ("cho 15 nhân viên", f"cho {staff} nhân viên"),
        ("(21 bộ tiểu phẫu)", f"({rng.randint(2, 60)} bộ {rng.choice(['tiểu phẫu', 'dụng cụ cấp cứu', 'máy siêu âm'])})"),
        ("1.766.925.000 đồng", f"{money(rng, 150_000, 9_000_000)} đồng"),
        ("Nguyễn Văn Bình", person(rng)),
    ]
    text = replace_all(text, subs)
    lines = text.split("\n")

    def vary_items(start: str, end: str):
        """Numbered items of one section (from the line `start` to the line beginning with `end`)
        shuffled, sometimes one repeated, then renumbered."""
        a = lines.index(start) + 1
        b = next(k for k in range(a, len(lines)) if lines[k].startswith(end))
        items, head = [], []
        for line in lines[a:b]:
            if re.match(r"^\d+\. ", line):
                items.append([line])
            elif items:
                items[-1].append(line)
            else:
                head.append(line)
        if rng.random() < 0.6:
            rng.shuffle(items)
        for _ in range(rng.choice([0, 0, 1, 2])):
            items.insert(rng.randrange(len(items) + 1), list(rng.choice(items)))
        body = list(head)
        for n, item in enumerate(items, 1):
            body.append(re.sub(r"^\d+\.", f"{n}.", item[0]))
            body += item[1:]
            if body[-1] != "":
                body.append("")
        lines[a:b] = body

    vary_items("II. NỘI DUNG TRIỂN KHAI", "III. KINH PHÍ")
    vary_items("IV. TỔ CHỨC THỰC HIỆN", "Trên đây là")
    # Recipients in another order, "Lưu" last.
    a = lines.index("Nơi nhận:") + 2
    b = a
    while b < len(lines) and lines[b].startswith("- "):
        b += 1
    recipients = lines[a:b - 1]
    rng.shuffle(recipients)
    lines[a:b - 1] = recipients
    return "\n".join(lines), f"{slug(name)}-{number}-kh-syt-{year}"


def programme_text(rng: random.Random) -> tuple[str, str]:
    paras = [l for l in corpus_text("programmes/health-sector-policy-support-phase-2.txt").split("\n") if l.strip()]
    k = rng.randint(6, 14)
    provinces = [n for n, _ in rng.sample(PROVINCES, k)]
    start = f"tháng {rng.randint(1, 12)}-{rng.randint(2010, 2022)}"
    subs = [("hơn 100 đại biểu", f"hơn {rng.randint(40, 300)} đại biểu"),
            ("10 tỉnh", f"{k} tỉnh"),
            ("tháng 10-2014", start),
            ("(100 triệu Euro)", f"({rng.randint(20, 250)} triệu Euro)"),
            ("Lai Châu, Sơn La, Điện Biên, Kon Tum, Gia Lai, Hà Giang, Lào Cai, Cao Bằng, Yên Bái và Đác Nông",
             ", ".join(provinces[:-1]) + " và " + provinces[-1])]
    text = replace_all("\n".join(paras), subs)
    paras = text.split("\n")
    rest = paras[1:]
    if rng.random() < 0.5:
        rng.shuffle(rest)
    for _ in range(rng.choice([0, 0, 1, 2])):
        rest.insert(rng.randrange(len(rest) + 1), rng.choice(rest))
    return "\n".join([paras[0]] + rest) + "\n", f"ho-tro-chinh-sach-y-te-{k}-tinh-{slug(start)}"


# ---------------------------------------------------------------------------------------------
# Documents


class Maker:
    """Makes document i. make-corpus-formats' builders read their source text from (and write
    their Word files into) mcf.CORPUS, pointed here at a scratch copy of the Corpus layout."""

    def __init__(self, seed: int, scratch: Path):
        self.seed = seed
        self.scratch = scratch
        for sub in ("questionnaires", "news", "twg", "plans", "programmes"):
            (scratch / sub).mkdir(parents=True, exist_ok=True)
        mcf.CORPUS = scratch
        assert Path(mcf.CORPUS).resolve() != CORPUS.resolve()
        self.tcvn3 = mcf.tcvn3_table()
        self.material = gr.Material(CORPUS, random.Random(seed))
        plan = [t for t in TEMPLATES for _ in range(t[4])]
        random.Random(seed).shuffle(plan)
        self.plan = plan
        self.doc_bytes = (CORPUS / "decisions" / "binh-phuoc-991-qd-ubnd-2008.doc").read_bytes()

    def _source(self, relative: str, text: str):
        (self.scratch / relative).write_text(text, encoding="utf-8")

    def make(self, i: int, part_dir: Path) -> dict:
        template, folder, kind, ext, _ = self.plan[i % 100]
        rng = random.Random(f"{self.seed}:{i}")
        (part_dir / folder).mkdir(parents=True, exist_ok=True)

        def target(stem: str) -> Path:
            return part_dir / folder / f"{i + 1:05d}-{stem}.{ext}"

        if template.startswith("questionnaire"):
            text, stem = questionnaire_text(rng)
            if template.endswith("txt"):
                data = text.encode("utf-8")
            else:
                self._source("questionnaires/cao-bang-hpg-2016-11-15.txt", text)
                data = mcf.questionnaire_docx().read_bytes()
                stem += "-answers"
        elif template.startswith("news"):
            text, stem = news_text(rng)
            if template.endswith("txt"):
                data = text.encode("utf-8")
            else:
                self._source("news/moh-leadership-news-2024-10.txt", text)
                data = mcf.news_page()
                stem += "-page"
        elif template.startswith("twg"):
            rows = twg_rows(rng)
            text, stem = twg_text(rng, rows)
            if template.endswith("txt"):
                data = text.encode("utf-8")
            else:
                self._source("twg/technical-working-groups.txt", text)
                saved = mcf.TWG_ROWS
                mcf.TWG_ROWS = rows
                try:
                    data = mcf.twg_page()
                finally:
                    mcf.TWG_ROWS = saved
                stem += "-page"
        elif template in ("plan-txt", "plan-tcvn3-txt", "plan-vntime-docx"):
            text, stem = plan_text(rng)
            self._source("plans/bac-giang-123-kh-syt-2022.txt", text)
            if template == "plan-txt":
                data = text.encode("utf-8")
            elif template == "plan-tcvn3-txt":
                data = mcf.plan_tcvn3_text(self.tcvn3)
                stem += "-tcvn3"
            else:
                data = mcf.plan_vntime_docx(self.tcvn3).read_bytes()
                stem += "-vntime"
        elif template == "plan-docx":
            self.material.rng = rng
            size = int(min(120_000, max(4_000, 12_000 * math.exp(rng.gauss(0.0, 0.7)))))
            path = target(f"ke-hoach-{rng.randrange(10**6):06d}")
            gr.write_docx(path, self.material, rng, size)
            return {"path": str(path.relative_to(part_dir.parent)), "template": template, "kind": kind,
                    "bytes": path.stat().st_size}
        elif template.startswith("programme"):
            text, stem = programme_text(rng)
            if template.endswith("txt"):
                data = text.encode("utf-8")
            else:
                self._source("programmes/health-sector-policy-support-phase-2.txt", text)
                data = mcf.windows1258_page()
                stem += "-windows-1258"
        elif template == "page-html":
            self.material.rng = rng
            size = int(min(150_000, max(6_000, 20_000 * math.exp(rng.gauss(0.0, 0.6)))))
            data = gr.page_html(self.material, rng, size, i).encode("utf-8")
            stem = f"tin-tuc-{rng.randrange(10**6):06d}"
        elif template == "decision-doc":
            data, stem = self.doc_bytes, "binh-phuoc-991-qd-ubnd-2008"
        else:
            raise AssertionError(template)
        path = target(stem)
        path.write_bytes(data)
        return {"path": str(path.relative_to(part_dir.parent)), "template": template, "kind": kind, "bytes": len(data)}


def corpus_digest() -> str:
    h = hashlib.sha256()
    sources = sorted(p for p in CORPUS.rglob("*") if p.is_file())
    sources += [ROOT / "scripts" / "make-corpus-formats.py", HERE / "gen_readers.py", Path(__file__).resolve()]
    sources += [RESOURCES / n for n in ("provinces.csv", "neighbour_provinces.csv", "family_names.csv")]
    for p in sources:
        h.update(str(p.relative_to(ROOT)).encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, required=True, help="output folder (its part-NN folders are replaced)")
    ap.add_argument("--count", type=int, default=2000, help="number of documents (default 2000)")
    ap.add_argument("--part-size", type=int, default=500, help="documents per part-NN folder (default 500)")
    ap.add_argument("--seed", type=int, default=20261124)
    ap.add_argument("--force", action="store_true", help="regenerate even if the files look current")
    ap.add_argument("--quiet", action="store_true", help="only the totals line")
    a = ap.parse_args()
    if a.count < 1 or a.part_size < 1:
        ap.error("--count and --part-size must be at least 1")

    out: Path = a.out
    manifest_path = out / ".manifest.json"
    params = {"format": FORMAT, "seed": a.seed, "count": a.count, "part_size": a.part_size, "sources_sha256": corpus_digest()}

    def summary(m: dict) -> str:
        return f"make-archive: {m['count']} documents, {m['bytes']} bytes ({m['bytes'] / 1e6:.1f} MB) in {len(m['parts'])} parts under {out}"

    if not a.force and manifest_path.exists():
        try:
            old = json.loads(manifest_path.read_text())
            if all(old.get(k) == v for k, v in params.items()) and all(
                    (out / f["path"]).stat().st_size == f["bytes"] for f in old["files"]) and \
                    sum(1 for _ in out.glob("part-*/*/*")) == len(old["files"]):
                print(summary(old) + " (current, not rewritten)")
                return 0
        except (ValueError, KeyError, OSError):
            pass

    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*"):
        shutil.rmtree(old)
    manifest_path.unlink(missing_ok=True)
    files = []
    with tempfile.TemporaryDirectory(prefix="bench-make-archive-") as scratch:
        maker = Maker(a.seed, Path(scratch))
        for i in range(a.count):
            files.append(maker.make(i, out / f"part-{i // a.part_size + 1:02d}"))

    parts: dict[str, dict] = {}
    templates: dict[str, dict] = {}
    for f in files:
        p = parts.setdefault(f["path"].split("/")[0], {"files": 0, "bytes": 0})
        p["files"] += 1
        p["bytes"] += f["bytes"]
        t = templates.setdefault(f["template"], {"files": 0, "bytes": 0, "kind": f["kind"]})
        t["files"] += 1
        t["bytes"] += f["bytes"]
    total = sum(f["bytes"] for f in files)
    manifest = {**params, "bytes": total, "parts": parts, "templates": templates, "files": files}
    manifest_path.write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    if not a.quiet:
        print(f"{'template':22} {'kind':16} {'files':>6} {'bytes':>11} {'mean KB':>8}")
        for name, t in sorted(templates.items(), key=lambda kv: [t[0] for t in TEMPLATES].index(kv[0])):
            print(f"{name:22} {t['kind'] or '(news)':16} {t['files']:6d} {t['bytes']:11d} {t['bytes'] / t['files'] / 1e3:8.1f}")
    print(summary(manifest))
    return 0


if __name__ == "__main__":
    sys.exit(main())
