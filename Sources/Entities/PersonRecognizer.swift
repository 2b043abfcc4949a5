import DocumentModel
import VietnameseText

/// People: a name with the titles written around it.
///
/// value: `{"name": "Đào Hồng Lan", "title": "Bộ trưởng Bộ Y tế"}` (`title` null when none).
///
/// Rules (`rule` of the match):
/// - `title`: titles, then the name. A chain of honorifics ("ông", "bà", "ngài", "đồng chí", "đ/c"),
///   academic titles ("GS.TS.", "TS.BSCK II", "Giáo sư") and capitalised positions
///   (person_titles.csv), each position optionally followed by the body it belongs to ("Bộ trưởng
///   Bộ Y tế") or an acronym ("Trưởng đại diện WHO"), joined by spaces, commas or "kiêm"; then the
///   name ("Bộ trưởng Bộ Y tế Đào Hồng Lan", "Tổng Bí thư, Chủ tịch nước Tô Lâm"). After the name a
///   comma or a dash and more positions join the span ("GS.TS. Trần Văn Thuấn, Thứ trưởng Bộ Y tế"
///   → title "GS.TS., Thứ trưởng Bộ Y tế"; "TS.BSCK II Nguyễn Tri Thức - Thứ trưởng Bộ Y tế"), with
///   the place of the office ("Trưởng đại diện WHO tại Việt Nam"), unless a name follows them (they
///   belong to the next person) or a listing cut them short ("Thứ trưởng...").
/// - `signature`: a line that is only a name, under a signature block (Decree 30/2020 Appendix I
///   §II.7: "KT. GIÁM ĐỐC" / "PHÓ GIÁM ĐỐC", "(Đã ký)", blank lines); the title is the block's last
///   position line as written ("PHÓ GIÁM ĐỐC"), without "KT.", "TM.", "TL.", "TUQ.", "Q.".
/// - `name`: a name with nothing around it: a strong family name and three or four syllables, not
///   after a capitalised word, a street or place word ("đường", "TP.") or inside a body's name
///   ("Trường THPT Chu Văn An").
///
/// A name is Vietnamese (family name from family_names.csv, every word a syllable: "Đào tạo" is
/// no name, its second word is lowercase) or, next to a title, foreign ("Angela Pratt"). Titles
/// alone ("Thủ tướng"), acronyms ("WHO"), bodies and places are never people.
public struct PersonRecognizer: Recognizer {
    public let types: Set<EntityType> = [.person]
    let shared: NameLexicon.Shared
    var lexicon: NameLexicon { shared.lexicon }

    /// With the package's data files (no people are found if they cannot be read; `load()` says why).
    public init() {
        shared = (try? NameLexicon.shared.get()) ?? NameLexicon.empty
    }

    init(shared: NameLexicon.Shared) {
        self.shared = shared
    }

    /// With the package's data files, or the reason they cannot be read.
    public static func load() throws -> PersonRecognizer {
        PersonRecognizer(shared: try NameLexicon.shared.get())
    }

    public func recognize(_ p: UnsafeBufferPointer<UInt8>, into matches: inout [Match]) {
        let s = NameScanner(p: p, shared: shared)
        let lexicon = shared.lexicon
        var floor = 0
        s.forEachCapitalized { w in
            guard w.start >= floor else { return nil }
            if s.isLineStart(w.start), w.isAllCaps || lexicon.signing.contains(w.hash),
               let m = s.signature(at: w) {
                matches.append(m.match)
                floor = m.resume
                return m.resume
            }
            let lowercaseStart = lexicon.titleTails.precede(p, w.start) ? s.lowercaseTitle(before: w, floor: floor) : nil
            let titled = lexicon.titles.startsWith(w.hash) || lexicon.academic.contains(w.hash)
            if let m = lowercaseStart.flatMap({ s.titledPerson(at: $0, floor: floor) }) ?? (titled ? s.titledPerson(at: w, floor: floor) : nil) {
                matches.append(m)
                floor = m.end
                return m.end
            }
            if lexicon.families.contains(w.hash), let m = s.barePerson(at: w, floor: floor) {
                matches.append(m)
                floor = m.end
                return m.end
            }
            return nil
        }
    }
}

extension NameScanner {
    /// Calls `body` at every word that starts with a capital letter; `body` returns where to go on
    /// (the end of what it found) or nil to go on after the word. Inside a word nothing is decoded;
    /// only the first letter of each word is.
    func forEachCapitalized(_ body: (NameWord) -> Int?) {
        let n = p.count
        var i = 0
        var atStart = true  // no letter just before i
        while i < n {
            let b = p[i]
            if b &- 0x61 < 26 {  // ASCII lowercase: the common case
                atStart = false
                i += 1
                continue
            }
            if b < 0x80 {
                guard b &- 0x41 < 26, atStart else {
                    atStart = b &- 0x41 >= 26
                    i += 1
                    continue
                }
            } else if b &- 0xC3 < 7 {  // two-byte Latin letters (C3...C9)
                guard i + 1 < n else { return }
                if !atStart { i += 2; continue }
                let v = UInt32(b & 0x1F) << 6 | UInt32(p[i + 1] & 0x3F)
                if v == 0xD7 || v == 0xF7 { i += 2; continue }  // × ÷
                if !NameText.isUpper(v) { atStart = false; i += 2; continue }
            } else if b == 0xE1 {
                guard i + 2 < n else { return }
                let b1 = p[i + 1]
                guard b1 &- 0xB8 < 4 else { atStart = true; i += 3; continue }  // not Latin Extended Additional
                if !atStart { i += 3; continue }
                let v = 0x1000 | UInt32(b1 & 0x3F) << 6 | UInt32(p[i + 2] & 0x3F)
                if !NameText.isUpper(v) { atStart = false; i += 3; continue }
            } else {
                // Symbols, other scripts, stray bytes: not letters.
                atStart = true
                i += b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 1
                continue
            }
            // A capital at a word start.
            guard let w = word(at: i) else { i += 1; continue }
            if let resume = body(w), resume > i {
                i = resume
                atStart = true
            } else {
                i = w.end
                atStart = false
            }
        }
    }

    /// A lowercase honorific or written-out academic title just before `w` ("bà | Angela",
    /// "đồng chí | Đỗ", "đ/c | Nguyễn", "bác sĩ | Nguyễn").
    func lowercaseTitle(before w: NameWord, floor: Int) -> NameWord? {
        var prevs: [NameWord] = []
        var at = w.start
        while prevs.count < 2, let pw = NameText.previousWord(p, before: at, floor: floor), pw.isLower {
            prevs.append(pw)
            at = pw.start
        }
        if let last = prevs.first {
            for cw in prevs.reversed() {
                if let t = title(at: cw), t.last.end == last.end, t.title.kind == .honorific || t.title.kind == .academicWord { return cw }
            }
        }
        // "đ/c": two words and a slash.
        if let c = NameText.previousWord(p, before: w.start, floor: floor), c.hash == lex.hashC, c.start >= 2 + floor,
           p[c.start - 1] == 0x2F, let d = NameText.previousWord(p, before: c.start - 1, floor: floor), d.hash == lex.hashD, d.end == c.start - 1 {
            return d
        }
        return nil
    }

    struct TitleElement {
        var end: Int
        var afterOrganization: Bool
    }

    /// One title at `w`: an honorific, an academic title (abbreviated or written out), or a
    /// position with the body or acronym after it. Positions must be capitalised before a name
    /// (Decree 30/2020 Appendix II §V.3); after a name a lowercase one is taken too.
    func titleElement(at w: NameWord, floor: Int, afterName: Bool) -> TitleElement? {
        if w.hash == lex.hashD, !afterName {
            let g = gap(after: w.end)
            if g.kind == .slash, g.tight, let c = word(at: g.next), c.hash == lex.hashC { return TitleElement(end: c.end, afterOrganization: false) }
        }
        if w.isCapitalized, lex.academic.contains(w.hash), let end = academicRun(at: w) {
            return TitleElement(end: end, afterOrganization: false)
        }
        // "nguyên Giám đốc …" (former): the modifier belongs to the title.
        if w.hash == Self.former, let next = spacedWord(after: w.end), let t = title(at: next), t.title.kind == .position,
           let element = titleElement(at: next, floor: floor, afterName: afterName) {
            return element
        }
        guard let t = title(at: w) else { return nil }
        switch t.title.kind {
        case .honorific:
            guard !afterName else { return nil }
            return TitleElement(end: t.last.end, afterOrganization: false)
        case .academicWord:
            return TitleElement(end: t.last.end, afterOrganization: false)
        case .position:
            guard w.isCapitalized || afterName else { return nil }
            guard !w.isAllCaps else { return nil }
            var end = t.last.end
            var after = false
            if let org = titleTailOrganization(t.last, floor: floor, personContext: !afterName) {
                // "Trưởng phòng Tổ chức - Hành chính", "Chánh Văn phòng Bộ Y tế": the title ends in a head word.
                end = org.end
                after = true
            } else if let nw = spacedWord(after: end) {
                if let org = organization(at: nw, floor: floor, personContext: !afterName) {
                    end = org.end
                    after = true
                } else if nw.isCapitalized, let b = lex.titleBodies.match(p, at: nw), spacedWord(after: b.last.end)?.isCapitalized == true,
                          let org = organization(head: Head(start: nw.start, end: b.last.end, firstHash: nw.hash,
                                                            info: NameLexicon.Head(complement: .name, numbers: false, lowercase: false),
                                                            caps: false, lowercase: false, expansion: nil),
                                                 floor: floor, personContext: !afterName, depth: 1) {
                    // "Trưởng Đại diện Tổ chức Y tế Thế giới": an international body (the partner type's) names the office.
                    end = org.end
                    after = true
                } else if nw.isAllCaps, lex.abbreviation(nw.hash)?.role != .word, lex.abbreviation(nw.hash)?.role != .locality {
                    end = nw.end  // "Trưởng đại diện WHO"
                    after = true
                } else if nw.isCapitalized, let h = head(at: nw, floor: floor), spacedWord(after: h.end)?.isCapitalized != true {
                    end = h.end  // "Giám đốc Sở", "Thứ trưởng Bộ"
                }
            }
            // After a name, the place of the office joins the title: "Trưởng đại diện WHO tại Việt Nam".
            if afterName, let t = spacedWord(after: end), t.hash == Self.at, let place = spacedWord(after: t.end), place.isCapitalized {
                var words = [place]
                while words.count < 4, let last = words.last, let next = spacedWord(after: last.end), next.isTitleCase { words.append(next) }
                while !words.isEmpty && !lex.places.contains(NameLexicon.placeKey(words.map(\.hash))) { words.removeLast() }
                if let last = words.last { end = last.end }
            }
            return TitleElement(end: end, afterOrganization: after)
        default:
            return nil
        }
    }

    /// The body named by a title that ends in a head word: "Trưởng phòng | Tổ chức - Hành chính",
    /// "Trưởng ban | Tuyên giáo", "Chánh Văn phòng | Bộ Y tế".
    func titleTailOrganization(_ last: NameWord, floor: Int, personContext: Bool) -> OrganizationMatch? {
        guard let next = spacedWord(after: last.end), next.isCapitalized else { return nil }
        var candidates = [last]
        if let before = NameText.previousWord(p, before: last.start, floor: floor) { candidates.append(before) }
        for w in candidates.reversed() {
            guard lex.heads.startsWith(w.hash), let m = lex.heads.match(p, at: w), m.last.end == last.end else { continue }
            let h = Head(start: w.start, end: m.last.end, firstHash: w.hash, info: m.payload, caps: false, lowercase: w.isLower, expansion: nil)
            if let org = organization(head: h, floor: floor, personContext: personContext, depth: 0), org.end > next.start { return org }
        }
        return nil
    }

    /// "GS.TS.", "PGS. TS.", "TS.BSCK II", "BSCKII", "ThS. BS." — its end (after the last dot).
    func academicRun(at w: NameWord) -> Int? {
        var end = w.end
        var tokens = 1
        while tokens < 6 {
            let g = gap(after: end)
            if g.kind == .period {
                end = dotEnd(after: end)
                if let nw = word(at: g.next), nw.isCapitalized, lex.academic.contains(nw.hash), nw.start == end || !g.tight {
                    // "GS.TS", "PGS. TS."
                    end = nw.end
                    tokens += 1
                    continue
                }
                break
            }
            if g.kind == .space, !g.tight, let nw = word(at: g.next) {
                if lex.romanNumerals.contains(nw.hash), nw.firstUpper, nw.uppers == nw.letters {
                    end = nw.end
                    tokens += 1
                    continue
                }
                if nw.isCapitalized, lex.academic.contains(nw.hash) {
                    end = nw.end
                    tokens += 1
                    continue
                }
            }
            break
        }
        // An abbreviation must end in a dot or be followed by a capitalised word ("GS.TS Trần…").
        if p[end - 1] == 0x2E { return end }
        if let next = spacedWord(after: end), next.isCapitalized { return end }
        return nil
    }

    /// A person introduced by titles, from the first title at `s`.
    func titledPerson(at s: NameWord, floor: Int) -> Match? {
        var current = s
        var preEnd: Int? = nil
        var afterOrganization = false
        var steps = 0
        while steps < 8, let element = titleElement(at: current, floor: floor, afterName: false) {
            steps += 1
            preEnd = element.end
            afterOrganization = element.afterOrganization
            let g = gap(after: element.end)
            guard let nw = word(at: g.next) else { return nil }
            switch g.kind {
            case .space where !g.tight:
                if nw.isLower, nw.hash == Self.kiem, let next = spacedWord(after: nw.end), titleElement(at: next, floor: floor, afterName: false) != nil {
                    current = next
                    continue
                }
                current = nw
            case .comma:
                guard titleElement(at: nw, floor: floor, afterName: false) != nil else { return nil }
                current = nw
                continue
            default:
                return nil
            }
            if titleElement(at: current, floor: floor, afterName: false) == nil { break }
        }
        guard let preEnd, current.start > s.start else { return nil }
        guard let name = personName(at: current, afterOrganization ? .afterOrganization : .titled, floor: floor),
              let first = name.first, let last = name.last else { return nil }
        var end = last.end
        var titles: [String] = []
        let pre = trimmedTitle(s.start, preEnd)
        if !pre.isEmpty { titles.append(pre) }
        end = postTitles(after: end, floor: floor, into: &titles)
        let nameText = NameText.text(p, first.start, last.end)
        let value = JSONValue.object([
            .init("name", .string(nameText)),
            .init("title", titles.isEmpty ? .null : .string(titles.joined(separator: ", "))),
        ])
        return Match(.person, s.start, end, value, rule: "title")
    }

    /// Titles attached after a name by a comma or a dash (", Thứ trưởng Bộ Y tế", " - Thứ trưởng
    /// Bộ Y tế"), one after another; a title that a name follows belongs to the next person, and
    /// one that a listing cut ("Thứ trưởng...") is left out. Returns where the span ends.
    func postTitles(after nameEnd: Int, floor: Int, into titles: inout [String]) -> Int {
        var end = nameEnd
        while true {
            let g = gap(after: end)
            guard g.kind == .comma || (g.kind == .dash && !g.tight), let nw = word(at: g.next),
                  let element = titleElement(at: nw, floor: floor, afterName: true) else { break }
            if let after = spacedWord(after: element.end), personName(at: after, element.afterOrganization ? .afterOrganization : .titled, floor: floor) != nil { break }
            if gap(after: element.end).kind == .ellipsis { break }
            titles.append(trimmedTitle(nw.start, element.end))
            end = element.end
        }
        return end
    }

    static let kiem = NameText.wordHashes("kiêm").first ?? 0
    static let at = NameText.wordHashes("tại").first ?? 0
    static let former = NameText.wordHashes("nguyên").first ?? 0

    /// The text of a title, without trailing commas and spaces.
    func trimmedTitle(_ start: Int, _ end: Int) -> String {
        var e = end
        while e > start && (p[e - 1] == 0x20 || p[e - 1] == 0x2C) { e -= 1 }
        return NameText.text(p, start, e)
    }

    /// A name standing alone (rule `name`).
    func barePerson(at w: NameWord, floor: Int) -> Match? {
        guard w.isTitleCase, lex.isFamily(w.hash, strongOnly: true) else { return nil }
        if let pw = NameText.previousWord(p, before: w.start, floor: floor) {
            if pw.isCapitalized || pw.isNumber { return nil }
            if endsPlaceWord(pw, floor: floor) { return nil }
        } else if byteBefore(w.start) == 0x2E, let d = NameText.previousWord(p, before: dotStart(before: w.start), floor: floor), d.isCapitalized, d.letters <= 3 {
            return nil  // "TP. Hồ Chí Minh", "Q. Ba Đình"
        }
        guard let name = personName(at: w, .bare, floor: floor), let last = name.last else { return nil }
        if insideOrganization(w.start, floor: floor) { return nil }
        var titles: [String] = []
        let end = postTitles(after: last.end, floor: floor, into: &titles)
        let value = JSONValue.object([
            .init("name", .string(NameText.text(p, w.start, last.end))),
            .init("title", titles.isEmpty ? .null : .string(titles.joined(separator: ", "))),
        ])
        return Match(.person, w.start, end, value, rule: "name")
    }

    func dotStart(before i: Int) -> Int {
        var j = i
        while j > 0 && (p[j - 1] == 0x20 || p[j - 1] == 0x09) { j -= 1 }
        return j > 0 ? j - 1 : 0
    }

    /// `pw` ends a place or institution word ("đường", "thành phố", "nhà hát").
    func endsPlaceWord(_ pw: NameWord, floor: Int) -> Bool {
        if let m = lex.placeClassifiers.match(p, at: pw), m.last.end == pw.end { return true }
        if let pp = NameText.previousWord(p, before: pw.start, floor: floor), let m = lex.placeClassifiers.match(p, at: pp), m.last.end == pw.end {
            return true
        }
        return false
    }

    /// An organisation that starts earlier on the line runs over offset `i` ("Trường THPT Chu Văn An").
    func insideOrganization(_ i: Int, floor: Int) -> Bool {
        var from = max(floor, i - 160)
        while from < i && p[from] & 0xC0 == 0x80 { from += 1 }
        var j = i
        while j > from && p[j - 1] != 0x0A { j -= 1 }
        from = j
        var found = false
        var k = from
        var inWord = false
        while k < i {
            guard let (v, len) = UTF8Text.scalar(p, at: k) else { k += 1; continue }
            let letter = UTF8Text.isLetter(v)
            if letter && !inWord, let w = word(at: k) {
                if let h = head(at: w, floor: from), let org = organization(head: h, floor: from, personContext: false, depth: 0), org.end > i {
                    found = true
                    break
                }
                k = w.end
                inWord = true
                continue
            }
            inWord = letter
            k += len
        }
        return found
    }

    /// A person under a signature block that starts with the capitalised word `w` at a line start.
    func signature(at w: NameWord) -> (match: Match, resume: Int)? {
        var lineStart = w.start
        var title: String? = nil
        var sawBlock = false
        for _ in 0..<10 {
            let (cs, ce, next) = lineContent(from: lineStart)
            defer { lineStart = next }
            if cs == ce {
                guard sawBlock else { return nil }
                if next >= p.count { return nil }
                continue
            }
            if let t = signatureTitle(cs, ce) {
                sawBlock = true
                if let t { title = t }
                if next >= p.count { return nil }
                continue
            }
            guard sawBlock else { return nil }
            if p[cs] == 0x28 && p[ce - 1] == 0x29 { continue }  // "(Đã ký)", "(ký, ghi rõ họ tên)"
            guard let first = word(at: cs) else { return nil }
            if first.isLower { return nil }
            var nameStart = cs
            var prefix: String? = nil
            var at = first
            if lex.academic.contains(first.hash), let end = academicRun(at: first), let nw = spacedWord(after: end) {
                prefix = trimmedTitle(cs, end)
                at = nw
                nameStart = nw.start
            }
            let run = nameRun(at: at, floor: cs)
            guard let last = run.last, last.end == ce, validPersonName(run, .signature) else {
                // "Đã ký" and such: a line of lowercase or no name; give up on anything else.
                return nil
            }
            let titles = [prefix, title].compactMap { $0 }
            let value = JSONValue.object([
                .init("name", .string(NameText.text(p, nameStart, ce))),
                .init("title", titles.isEmpty ? .null : .string(titles.joined(separator: ", "))),
            ])
            return (Match(.person, cs, ce, value, rule: "signature"), ce)
        }
        return nil
    }

    /// The content of the line that starts at `i` without markup (`*`, `_`, `#`, spaces) at either
    /// end, and where the next line starts.
    func lineContent(from i: Int) -> (start: Int, end: Int, next: Int) {
        var lineEnd = i
        while lineEnd < p.count && p[lineEnd] != 0x0A { lineEnd += 1 }
        func markup(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x2A || b == 0x5F || b == 0x23 || b == 0x0D || b == 0x3E }
        var s = i
        var e = lineEnd
        while s < e && markup(p[s]) { s += 1 }
        while e > s && markup(p[e - 1]) { e -= 1 }
        return (s, e, min(p.count, lineEnd + 1))
    }

    /// A line of a signature block: "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "TM. ỦY BAN NHÂN DÂN".
    /// Returns the position line as written (without the authority abbreviation) or nil inside when the
    /// line has none; nil when it is no such line.
    func signatureTitle(_ cs: Int, _ ce: Int) -> String?? {
        guard var w = word(at: cs) else { return nil }
        var signed = false
        if lex.signing.contains(w.hash), w.firstUpper, w.uppers == w.letters {
            let g = gap(after: w.end)
            guard g.kind == .period, let nw = word(at: g.next) else { return nil }
            signed = true
            w = nw
        }
        // Every word to the line end in capitals.
        var k = w.start
        while k < ce {
            guard let x = word(at: k), x.isAllCaps || (x.letters == 1 && x.firstUpper) else { return nil }
            let g = gap(after: x.end)
            if x.end >= ce { break }
            guard g.kind == .space || g.kind == .dash || g.kind == .comma else { return nil }
            k = g.next
        }
        if let t = title(at: w), t.title.kind == .position {
            // As written, without the authority abbreviation: "PHÓ GIÁM ĐỐC", "CHỦ TỊCH QUỐC HỘI".
            return .some(NameText.text(p, w.start, ce))
        }
        return signed ? .some(nil) : nil
    }
}
