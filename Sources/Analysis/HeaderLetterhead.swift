import DocumentModel

/// The top of an official document, as Decree 30/2020/NĐ-CP Appendix I lays it out: the issuer
/// (box 2) beside the national motto (box 1), the number and symbol (box 3), place and date
/// (box 4), the type line and its summary (box 5a) or a công văn's "V/v" summary (box 5b), and a
/// công văn's "Kính gửi" addressees (box 9a).
///
/// The lines are read in text order whatever the layout: a two-column table gives the left cell's
/// lines, then the right cell's; a table flattened into text gives both columns on one line
/// ("ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), which is why the motto is cut out of
/// a line wherever it stands and each part read on its own.
struct HeaderLetterhead {
    /// Lines (or parts of lines) in capitals before the number and the type line: the issuer and
    /// its parent body.
    var issuerLines: [HeaderPiece] = []
    /// The number and symbol without spaces ("123/KH-SYT").
    var number: String?
    var place: String?
    /// ISO 8601.
    var date: String?
    var sawMotto = false
    /// The type line ("KẾ HOẠCH") resolved.
    var typeLine: HeaderDocumentTypes.Row?
    var summary: String?
    /// Where the summary stands in `Document.text`.
    var summarySpan: Range<Int>?
    /// The summary is a công văn's "V/v …" line.
    var summaryIsSubject = false
    var addressees: [String] = []
    /// Offset in `Document.text` where the header ends (the end of its last line).
    var end = 0
    /// Index of the first line after the header.
    var endLine = 0

    /// A document has an administrative header when it has a number, a place and date, or the
    /// national motto near its top; an issuer or a type line alone is not enough (a page headed
    /// "TỈNH CAO BẰNG" or "KẾ HOẠCH" is not an official document on that evidence).
    var anchored: Bool { number != nil || date != nil || place != nil || sawMotto }

    /// Lines read at most: a letterhead is short.
    static let lineLimit = 40
    /// A longer line is running text: the header is over.
    static let longLine = 300

    static func read(_ doc: HeaderDocument, types: HeaderDocumentTypes) -> HeaderLetterhead {
        var head = HeaderLetterhead()
        let lines = doc.lines
        var issuerOpen = true
        var i = 0
        scan: while i < min(lines.count, lineLimit) {
            let line = lines[i]
            if line.isRule { i += 1; continue }
            if isBodyStart(line, doc) || line.piece.scalars.count > longLine { break }
            if line.piece.starts(with: "kinh gui") {
                let (names, next) = addressees(lines, from: i, doc)
                head.addressees = names
                head.close(lines, next - 1)
                break
            }
            var type: (row: HeaderDocumentTypes.Row, rest: HeaderPiece?)? = nil
            var next = i + 1
            var used = false
            var dated = false
            let motto = head.sawMotto
            for piece in withoutMotto(line.piece, seen: &head.sawMotto) {
                var piece = piece
                if let (number, rest) = numberPart(piece, doc) {
                    if head.number == nil { head.number = number }
                    issuerOpen = false
                    used = true
                    piece = rest
                }
                if let found = placeDate(piece, doc) {
                    if head.place == nil, let place = found.place { head.place = place }
                    if head.date == nil, let date = found.date { head.date = date }
                    used = true
                    dated = true
                    piece = found.before
                }
                guard !piece.isEmpty else { continue }
                if piece.starts(with: "ngay"), piece.scalars.count <= 40, piece.find("thang", from: 4, wordEnd: false) != nil,
                   let date = date(in: piece, at: 0, doc) {
                    // A date without a place ("NGÀY 21 THÁNG 11 NĂM 2007").
                    if head.date == nil { head.date = date }
                    used = true
                } else if piece.starts(with: "v/v") {
                    let (text, after) = continued(piece.text, lines, after: i, doc)
                    if head.summary == nil {
                        head.summary = text
                        head.summarySpan = piece.start..<max(piece.end, lines[after - 1].piece.end)
                        head.summaryIsSubject = true
                    }
                    next = max(next, after)
                    issuerOpen = false
                    used = true
                } else if type == nil, let found = typeLine(piece, types) {
                    type = found
                    issuerOpen = false
                    used = true
                } else if issuerOpen && piece.isAllCaps {
                    head.issuerLines.append(piece)
                    used = true
                }
            }
            // A line that gave nothing (a page's opening words, a stray bullet) does not extend
            // the header over the body's first lines.
            if used || head.sawMotto != motto { head.close(lines, next - 1) }
            // The issuer stands above or beside the place and date, never under them.
            if dated { issuerOpen = false }
            i = next
            if let type {
                if head.typeLine == nil { head.typeLine = type.row }
                head.readTitle(lines, from: i, rest: type.rest, doc)
                break scan
            }
        }
        return head
    }

    /// What follows the type line: the summary (the next line that is not a rule, with the lines
    /// that go on with it), then any number and date written under it. Older documents write a
    /// title in capitals instead: "QUYẾT ĐỊNH / CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH SỐ 1141-TC/QĐ/CĐKT /
    /// NGÀY 01 THÁNG 11 NĂM 1995 VỀ VIỆC BAN HÀNH …", or with the issuer on the type line
    /// ("QUYẾT ĐỊNH CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH"): the number and date are read from it, and the
    /// summary is what follows "về việc".
    private mutating func readTitle(_ lines: [HeaderLine], from start: Int, rest: HeaderPiece?, _ doc: HeaderDocument) {
        var j = start
        while j < lines.count && lines[j].isRule { j += 1 }
        let oldStyle = rest != nil || (j < lines.count && lines[j].piece.isAllCaps && !Self.isBodyStart(lines[j], doc)
            && (lines[j].piece.starts(with: "cua") || lines[j].piece.starts(with: "lien tich cua")))
        if oldStyle {
            var run: [String] = []
            if let rest {
                readNumberAndDate(rest, doc)
                run.append(rest.text)
            }
            // The title's lines are one paragraph; the authority line after it ("BỘ TRƯỞNG BỘ TÀI
            // CHÍNH") is another.
            var k = j
            while k < min(j + 4, lines.count), lines[k].block == lines[j].block, !lines[k].isRule, lines[k].piece.isAllCaps,
                  !Self.isBodyStart(lines[k], doc) {
                readNumberAndDate(lines[k].piece, doc)
                run.append(lines[k].piece.text)
                close(lines, k)
                k += 1
            }
            let joined = HeaderPiece(HeaderText.collapse(run.joined(separator: " ")).unicodeScalars, start: 0)
            if let about = joined.find("ve viec") ?? joined.find("v/v") {
                summary = joined.dropFirst(about).text
                summarySpan = lines[j].piece.start..<max(lines[j].piece.start, lines[k - 1].piece.end)
                summaryIsSubject = false
                return
            }
            j = k
            while j < lines.count && lines[j].isRule { j += 1 }
            guard j < lines.count, lines[j].piece.starts(with: "ve") else { return }
        }
        guard j < lines.count, Self.isSummary(lines[j], doc) else { return }
        let (text, after) = Self.continued(lines[j].piece.text, lines, after: j, doc)
        summary = text
        summarySpan = lines[j].piece.start..<lines[after - 1].piece.end
        summaryIsSubject = false
        close(lines, after - 1)
        readUnderTitle(lines, from: after, doc)
    }

    /// A number ("SỐ 1141-TC/QĐ/CĐKT") and a date ("NGÀY 01 THÁNG 11 NĂM 1995") anywhere in a
    /// line of capitals under the title.
    @discardableResult
    private mutating func readNumberAndDate(_ line: HeaderPiece, _ doc: HeaderDocument) -> Bool {
        var found = false
        for part in Self.withoutMotto(line, seen: &sawMotto) {
            var piece = part
            if number == nil, let (value, rest) = Self.numberPart(piece, doc, anywhere: true) {
                number = value
                piece = rest
                found = true
            }
            if date == nil, let k = piece.find("ngay"), let value = Self.date(in: piece, at: k, doc) {
                date = value
                found = true
            }
        }
        return found
    }

    /// Older transcriptions put the number and date under the title, in capitals ("LUẬT / DƯỢC /
    /// CỦA QUỐC HỘI KHÓA XII, KỲ HỌP THỨ 2, SỐ 03/2007/QH12 / NGÀY 21 THÁNG 11 NĂM 2007"): up to
    /// three such lines are read for them.
    private mutating func readUnderTitle(_ lines: [HeaderLine], from start: Int, _ doc: HeaderDocument) {
        var k = start
        while k < min(start + 3, lines.count), !lines[k].isRule, lines[k].piece.isAllCaps, !Self.isBodyStart(lines[k], doc) {
            if readNumberAndDate(lines[k].piece, doc) { close(lines, k) }
            k += 1
        }
    }

    private mutating func close(_ lines: [HeaderLine], _ index: Int) {
        guard index >= 0 && index < lines.count else { return }
        end = max(end, lines[index].piece.end)
        endLine = max(endLine, index + 1)
    }

    /// Where the body begins: a numbered block, or the legal bases ("Căn cứ …", "- Căn cứ …"). A
    /// bullet alone does not end the header: letterheads carry stray dashes ("- 0 - Độc lập …").
    static func isBodyStart(_ line: HeaderLine, _ doc: HeaderDocument) -> Bool {
        let block = doc.block(of: line)
        if block.type == .heading || block.type == .listItem, let label = block.label,
           let kind = HeaderSections.kind(label), kind != HeaderSections.bulletRank {
            return true
        }
        return HeaderPiece(HeaderClosing.dropBullet(line.piece.text).unicodeScalars, start: 0).starts(with: "can cu")
    }

    /// A line that can be a summary: short, not the legal bases, not a numbered block, not a
    /// lead-in to a list (ending in ":").
    static func isSummary(_ line: HeaderLine, _ doc: HeaderDocument) -> Bool {
        guard !isBodyStart(line, doc), line.piece.scalars.count <= longLine, line.piece.scalars.last != ":" else { return false }
        return !line.piece.starts(with: "kinh gui")
    }

    /// A summary line with the lines after it that go on with it (they start in lowercase), and
    /// the index of the first line after them.
    static func continued(_ text: String, _ lines: [HeaderLine], after i: Int, _ doc: HeaderDocument) -> (String, Int) {
        var text = text
        var k = i + 1
        while k < lines.count, !lines[k].isRule, lines[k].piece.startsLowercase, !isBodyStart(lines[k], doc) {
            text += " " + lines[k].piece.text
            k += 1
        }
        return (HeaderText.collapse(text), k)
    }

    // MARK: the motto

    static let motto = ["conghoaxahoichunghiavietnam", "doclaptudohanhphuc"].map { Array($0.unicodeScalars) }

    /// The parts of a line around the national motto and slogan (its two lines), wherever they
    /// stand in it; the whole line when it has neither.
    static func withoutMotto(_ piece: HeaderPiece, seen: inout Bool) -> [HeaderPiece] {
        // The letters and digits of the line, folded, with where each stands.
        var skeleton: [Unicode.Scalar] = []
        var at: [Int] = []
        for (k, s) in piece.folded.enumerated() where HeaderText.isWord(s) {
            skeleton.append(s)
            at.append(k)
        }
        var cuts: [Range<Int>] = []
        for (n, phrase) in motto.enumerated() {
            var from = 0
            while from + phrase.count <= skeleton.count {
                guard let found = firstIndex(of: phrase, in: skeleton, from: from) else { break }
                let cut = at[found]..<(at[found + phrase.count - 1] + 1)
                from = found + phrase.count
                // The national name is written in capitals (Appendix I §II.1.a); in running text
                // ("nước Cộng hòa xã hội chủ nghĩa Việt Nam") it is no motto.
                if n == 0 && !HeaderText.isAllCaps(piece.scalars[cut]) { continue }
                cuts.append(cut)
            }
        }
        guard !cuts.isEmpty else { return [piece] }
        seen = true
        cuts.sort { $0.lowerBound < $1.lowerBound }
        var parts: [HeaderPiece] = []
        var from = 0
        for cut in cuts {
            parts.append(piece.sub(from, cut.lowerBound))
            from = max(from, cut.upperBound)
        }
        parts.append(piece.sub(from, piece.scalars.count))
        return parts.filter { $0.scalars.contains(where: HeaderText.isWord) }
    }

    private static func firstIndex(of needle: [Unicode.Scalar], in hay: [Unicode.Scalar], from: Int) -> Int? {
        var i = from
        while i + needle.count <= hay.count {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    // MARK: number and symbol

    /// "Số: 123 /KH-SYT", "Luật số: 15/2023/QH15", "Số 05/BC-SYT": the number and symbol without
    /// spaces (the document-ref entity's value where there is one) and the rest of the piece.
    /// With `anywhere`, "SỐ" may stand anywhere in a line in capitals ("CỦA QUỐC HỘI KHÓA XII, SỐ
    /// 03/2007/QH12").
    static func numberPart(_ piece: HeaderPiece, _ doc: HeaderDocument, anywhere: Bool = false) -> (String, HeaderPiece)? {
        guard let k = piece.find("so") else { return nil }
        if anywhere {
            guard piece.isAllCaps else { return nil }
        } else {
            // At most two words before "số" ("Luật số", "Nghị quyết số").
            let before = piece.scalars[0..<k]
            guard k <= 24, before.allSatisfy({ $0.properties.isAlphabetic || $0 == " " }),
                  HeaderText.words(HeaderText.string(before)).count <= 2 else { return nil }
        }
        let s = piece.scalars
        var t = k + 2
        while t < s.count && s[t].properties.isWhitespace { t += 1 }
        if t < s.count && s[t] == ":" {
            t += 1
            while t < s.count && s[t].properties.isWhitespace { t += 1 }
        }
        guard t < s.count, ("0"..."9").contains(s[t]) else { return nil }
        // The token: up to a space, but across spaces around "/" ("123 /KH-SYT").
        var e = t
        while e < s.count {
            if s[e].properties.isWhitespace {
                var f = e
                while f < s.count && s[f].properties.isWhitespace { f += 1 }
                if f < s.count && (s[f] == "/" || s[e - 1] == "/") { e = f; continue }
                break
            }
            e += 1
        }
        var token = s[t..<e].filter { !$0.properties.isWhitespace }
        while let last = token.last, ".,;:".unicodeScalars.contains(last) { token.removeLast() }
        guard token.contains("/") else { return nil }
        var number = HeaderText.string(token)
        if let ref = doc.entities("document-ref", in: piece).first(where: { $0.start >= piece.start + t - 1 && $0.start <= piece.start + t + 1 }),
           case .string(let value) = ref.value {
            number = value
        }
        return (number, piece.dropFirst(e))
    }

    /// The type code of a symbol: the first "-" part of a "/" part after the number that the
    /// table knows ("123/KH-SYT" → KH, "30/2020/NĐ-CP" → NĐ, the older "144/2002/QĐ/BTC" → QĐ); a
    /// công văn's symbol starts with the issuer ("123/SYT-KHTC") and has none.
    static func typeCode(_ number: String, _ types: HeaderDocumentTypes) -> HeaderDocumentTypes.Row? {
        for part in number.split(separator: "/").dropFirst() {
            guard let first = part.split(separator: "-").first, !first.allSatisfy(\.isNumber) else { continue }
            return types.type(code: first)
        }
        return nil
    }

    // MARK: place and date

    /// "Bắc Giang, ngày 10 tháng 10 năm 2022": the place, the date, and what stands before the
    /// place on the line (a flattened issuer column: "SỞ Y TẾ Bắc Giang, ngày …").
    static func placeDate(_ piece: HeaderPiece, _ doc: HeaderDocument) -> (before: HeaderPiece, place: String?, date: String?)? {
        var from = 0
        while let k = piece.find("ngay", from: from) {
            from = k + 1
            // The date of a letterhead is written out: "ngày 10 tháng 10 năm 2022" (a web page's
            // "Thứ Năm, ngày 10/10/2024 09:09" is not a place and date).
            guard piece.find("thang", from: k + 4, wordEnd: false).map({ $0 - k <= 16 }) == true else { continue }
            var c = k - 1
            while c >= 0 && piece.scalars[c].properties.isWhitespace { c -= 1 }
            guard c >= 0, piece.scalars[c] == "," else { continue }
            // The place: the text before the comma, less a leading run of words in capitals.
            let prefix = piece.sub(0, c)
            let words = HeaderText.words(prefix.text)
            var run = 0
            while run < words.count, !words[run].unicodeScalars.contains(where: { $0.properties.isLowercase }) { run += 1 }
            var before = piece.sub(0, 0)
            var placeText = prefix.text
            if run >= 2 && run < words.count {
                // Where the run ends in the piece.
                var seen = 0
                var cut = 0
                var inWord = false
                for (n, s) in prefix.scalars.enumerated() {
                    if s.properties.isWhitespace {
                        if inWord { seen += 1; inWord = false; if seen == run { cut = n; break } }
                    } else {
                        inWord = true
                    }
                }
                before = prefix.sub(0, cut)
                placeText = prefix.dropFirst(cut).text
            }
            let place = placeText.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) ? HeaderText.trimEnd(placeText, ",") : nil
            return (before, place, date(in: piece, at: k, doc))
        }
        return nil
    }

    /// The date that starts with "ngày" at `k`: the date entity when it has the day, else read
    /// here ("ngày 14 tháng5 năm 2008", which the recogniser takes for the year only).
    static func date(in piece: HeaderPiece, at k: Int, _ doc: HeaderDocument) -> String? {
        let start = piece.start + k
        if let entity = doc.entities("date", in: piece).first(where: { $0.start >= start && $0.start <= start + 6 }),
           case .string(let value) = entity.value, value.count >= 10 {
            return String(value.prefix(10))
        }
        let f = piece.folded
        var i = k + 4
        func number() -> Int? {
            while i < f.count && f[i].properties.isWhitespace { i += 1 }
            var value = 0
            var digits = 0
            while i < f.count, let d = f[i].properties.numericType != nil ? Int(String(f[i])) : nil {
                value = value * 10 + d
                digits += 1
                i += 1
            }
            return digits > 0 && digits <= 4 ? value : nil
        }
        func word(_ w: String) -> Bool {
            while i < f.count && f[i].properties.isWhitespace { i += 1 }
            let needle = Array(w.unicodeScalars)
            guard i + needle.count <= f.count, f[i..<(i + needle.count)].elementsEqual(needle) else { return false }
            i += needle.count
            return true
        }
        guard let day = number(), word("thang"), let month = number(), word("nam"), let year = number(),
              (1...31).contains(day), (1...12).contains(month), (1900...2100).contains(year) else { return nil }
        let pad = { (n: Int) in n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    // MARK: type line

    /// A line that is only a type name ("KẾ HOẠCH", "QUYẾT ĐỊNH"), not a lead-in ("QUYẾT ĐỊNH:").
    /// With the rest of the line when an older document names its issuer on it ("QUYẾT ĐỊNH CỦA
    /// BỘ TRƯỞNG BỘ TÀI CHÍNH" → Quyết định, "CỦA BỘ TRƯỞNG BỘ TÀI CHÍNH").
    static func typeLine(_ piece: HeaderPiece, _ types: HeaderDocumentTypes) -> (row: HeaderDocumentTypes.Row, rest: HeaderPiece?)? {
        guard piece.scalars.last != ":" else { return nil }
        if piece.scalars.count <= 40, let row = types.type(name: HeaderText.collapse(HeaderText.trimEnd(piece.text, "."))) {
            return (row, nil)
        }
        guard piece.isAllCaps, piece.scalars.count <= longLine, let of = piece.find("cua"), of > 0,
              let row = types.type(name: HeaderText.collapse(piece.sub(0, of).text)) else { return nil }
        return (row, piece.dropFirst(of))
    }

    // MARK: addressees

    /// The "Kính gửi" line and the addressees after it: its own text after the colon, then the
    /// lines that start with a dash (a wrapped line going on in lowercase joins its item).
    static func addressees(_ lines: [HeaderLine], from i: Int, _ doc: HeaderDocument) -> ([String], Int) {
        var names: [String] = []
        let first = lines[i].piece
        if let colon = first.scalars.firstIndex(of: ":") {
            let inline = first.dropFirst(colon + 1)
            if !inline.isEmpty { names.append(inline.text) }
        }
        var k = i + 1
        var open = true
        while k < lines.count, !lines[k].isRule {
            let piece = lines[k].piece
            if HeaderClosing.startsWithBullet(piece) {
                names.append(HeaderClosing.dropBullet(piece.text))
            } else if open, !names.isEmpty, piece.startsLowercase {
                names[names.count - 1] += " " + piece.text
            } else {
                break
            }
            open = !HeaderClosing.endsItem(names[names.count - 1])
            k += 1
        }
        return (names.map(HeaderClosing.item), k)
    }
}
