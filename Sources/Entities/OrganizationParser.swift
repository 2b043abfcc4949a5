import VietnameseText

/// An organisation found in the text: byte offsets, the name with abbreviations expanded.
struct OrganizationMatch: Sendable {
    var start: Int
    var end: Int
    var value: String
    var rule: String
}

/// Reads organisation names and the words around them, for both recognisers.
///
/// An organisation is a head word for a kind of body ("Bộ", "Bệnh viện", "UBND") followed by its
/// name. Decree 30/2020 (Appendix II §IV) capitalises the head and the first word of the name;
/// later words are lowercase unless they are proper names ("Cục Quản lý Môi trường y tế",
/// "Công đoàn Y tế Việt Nam"). The name goes on
///
/// - through capitalised words ("Bệnh viện Nhi Hà Nội"), unless one starts another body, a
///   position title, a document part ("Điều", "Luật") or a sentence ("Sáng", "Tại"); a body that
///   needs no name ends it as its parent ("Ủy ban Thường vụ Quốc hội");
/// - through the one lowercase syllable that completes a capitalised word ("Y | tế", "Quản | lý");
/// - past that, only through the lowercase words of unit names (a vocabulary in `NameLexicon`:
///   "y tế", "bệnh tật", "cán bộ", "dự phòng"…), so a verb ends it whatever the verb ("Bộ Y tế |
///   quy định", "Bộ Công an | quản lý");
/// - over "và", "&" or a dash only to a capitalised word that starts nothing else ("Bộ Kế hoạch
///   và Đầu tư", "Phòng Tổ chức - Hành chính"; not "Bộ Y tế - WHO", "Bộ Y tế và Bộ Tài chính");
/// - over an administrative unit ("UBND tỉnh Bắc Giang"), "nước" and a country, "vì sự …" (a
///   body's cause: "Viện Tony Blair vì sự phát triển toàn cầu");
///
/// and stops at any other punctuation, a line end, a lowercase stop word (function words and the
/// verbs that follow an agency as a subject), or an unknown acronym.
///
/// A name that a listing cut in the middle ("Trung tâm Truyền thông - Giáo dục sức…") is no
/// mention; one cut after a whole word ("Bộ trưởng Bộ Y tế…") is. Known full names (the Ministry of
/// Health's units) are matched on their folded key to find where they end (over their commas:
/// "Cục Quản lý Khám, chữa bệnh"); the value is always as written, abbreviations expanded.
/// All-capital headers ("SỞ Y TẾ", "UBND TỈNH CAO BẰNG") are read in capitals to the line end.
struct NameScanner {
    let p: UnsafeBufferPointer<UInt8>
    let shared: NameLexicon.Shared
    /// The tables, borrowed (never copied) from the shared lexicon.
    var lex: NameLexicon {
        _read { yield shared.lexicon }
    }

    struct Head {
        var start: Int
        var end: Int
        var firstHash: UInt64
        var info: NameLexicon.Head
        var caps: Bool
        var lowercase: Bool
        var expansion: String?
    }

    struct Piece {
        var start: Int
        var end: Int
        var text: String?
        var word: NameWord?
        /// A capitalised plain word joined to the previous piece by a space (a person's name could start here).
        var plainCap: Bool
    }

    @inline(__always) func word(at i: Int) -> NameWord? { NameText.word(p, at: i) }
    @inline(__always) func gap(after e: Int) -> NameGap { NameText.gap(p, after: e) }

    /// The next word when only spaces separate it from offset `e`.
    func spacedWord(after e: Int) -> NameWord? {
        let g = gap(after: e)
        guard g.kind == .space, !g.tight else { return nil }
        return word(at: g.next)
    }

    /// True when only spaces, tabs and markup (`*`, `_`, `#`, `>`) stand between the line start and `i`.
    func isLineStart(_ i: Int) -> Bool {
        var j = i
        while j > 0 {
            let b = p[j - 1]
            if b == 0x0A { return true }
            guard b == 0x20 || b == 0x09 || b == 0x2A || b == 0x5F || b == 0x23 || b == 0x3E else { return false }
            j -= 1
        }
        return true
    }

    /// The last non-space byte before `i`, if any.
    func byteBefore(_ i: Int) -> UInt8? {
        var j = i
        while j > 0 && (p[j - 1] == 0x20 || p[j - 1] == 0x09) { j -= 1 }
        return j > 0 ? p[j - 1] : nil
    }

    // MARK: Titles, stops, abbreviations

    func title(at w: NameWord) -> (title: NameLexicon.Title, last: NameWord)? {
        guard lex.titles.startsWith(w.hash), let m = lex.titles.match(p, at: w) else { return nil }
        return (m.payload, m.last)
    }

    /// A position or academic title starts at `w` (where an organisation's name must end).
    func startsTitle(_ w: NameWord) -> Bool {
        guard let t = title(at: w) else { return false }
        return t.title.kind == .position || t.title.kind == .academicWord
    }

    /// A position title ends just before `w` (spaces between): "Bộ trưởng | Bộ Y tế".
    func positionTitleEnds(before w: NameWord, floor: Int) -> Bool {
        guard lex.positionTails.precede(p, w.start) else { return false }
        var prevs: [NameWord] = []
        var at = w.start
        while prevs.count < 4, let pw = NameText.previousWord(p, before: at, floor: floor), !pw.isNumber {
            prevs.append(pw)
            at = pw.start
        }
        guard let last = prevs.first else { return false }
        for cw in prevs {
            if let t = title(at: cw), t.title.kind == .position, t.last.end == last.end { return true }
        }
        return false
    }

    /// A lowercase stop word or phrase starts at `w` (`prev` is the word before it).
    func isStop(_ w: NameWord, prev: NameWord?) -> Bool {
        guard lex.stops.startsWith(w.hash), let m = lex.stops.match(p, at: w), m.payload else { return false }
        if let prev, lex.keepPairs.contains(NameLexicon.pairKey(prev.hash, w.hash)) { return false }
        return true
    }

    /// A stop phrase at the first word of a name that never opens one ("Cục Chủ Trì", "Bộ Sáng").
    func isFirstWordStop(_ w: NameWord) -> Bool {
        guard lex.stops.startsWith(w.hash), let m = lex.stops.match(p, at: w), m.payload else { return false }
        var h = NameText.basis
        var j = w.start
        while j < m.last.end, let x = word(at: j) {
            h = NameText.continueHash(h, p, x)
            j = gap(after: x.end).next
        }
        return !lex.nameStarts.contains(h)
    }

    /// Capitalised tokens joined by "-", "&", "/" (or " & ") that spell a known abbreviation
    /// ("UBND", "KH-TC", "NN & PTNT", "HIV/AIDS"); the longest one.
    func abbreviation(at w: NameWord) -> (abbr: NameLexicon.Abbreviation, end: Int)? {
        var h = NameText.continueHash(NameText.basis, p, w)
        var best: (NameLexicon.Abbreviation, Int)? = lex.abbreviation(h).map { ($0, w.end) }
        var last = w
        for _ in 0..<3 {
            let g = gap(after: last.end)
            guard (g.tight && (g.kind == .dash || g.kind == .amp || g.kind == .slash || g.kind == .period)) || (g.kind == .amp),
                  let nw = word(at: g.next), nw.isAllCaps || (nw.letters == 1 && nw.firstUpper) else { break }
            h = NameText.continueHash(h, p, nw)
            last = nw
            if let a = lex.abbreviation(h) { best = (a, nw.end) }
        }
        return best
    }

    // MARK: Heads

    /// A head word at `w`: a phrase of organization_heads.csv (capitalised, or lowercase where the
    /// table allows it) that does not close a compound with the word before ("cơ sở", "xã hội"),
    /// or an abbreviation that stands for a kind of body ("UBND", "SYT").
    func head(at w: NameWord, floor: Int) -> Head? {
        var found: Head? = nil
        forEachHead(at: w, floor: floor) { h in
            found = h
            return true
        }
        return found
    }

    /// Calls `body` with every head at `w`, longest first ("Trung tâm y tế", then "Trung tâm"),
    /// until it returns true.
    func forEachHead(at w: NameWord, floor: Int, _ body: (Head) -> Bool) {
        guard !w.isNumber else { return }
        if w.isAllCaps, let (abbr, end) = abbreviation(at: w), abbr.role == .head {
            // Inside a document symbol ("123/KH-SYT", "UBND-VX") it names the issuer, not a mention.
            if w.start > 0, p[w.start - 1] == 0x2D || p[w.start - 1] == 0x2F { return }
            if end < p.count, p[end] == 0x2D || p[end] == 0x2F { return }
            // Capitals after it ("UBND TỈNH CAO BẰNG") make a header line.
            var caps = false
            if let nw = spacedWord(after: end), nw.isAllCaps, abbreviation(at: nw) == nil {
                caps = lex.localities.match(p, at: nw) != nil || head(at: nw, floor: floor) != nil
            }
            let info = NameLexicon.Head(complement: abbr.complement, numbers: false, lowercase: false, expansion: abbr.expansion)
            _ = body(Head(start: w.start, end: end, firstHash: abbr.firstHash, info: info, caps: caps, lowercase: false, expansion: abbr.expansion))
            return
        }
        guard lex.heads.startsWith(w.hash) else { return }
        if lex.excluded.startsWith(w.hash), lex.excluded.match(p, at: w) != nil { return }
        var caps = false
        if w.isAllCaps {
            // A header in capitals: the head opens its line (or follows punctuation), and issues documents.
            let before = byteBefore(w.start) ?? 0x0A
            guard isLineStart(w.start) || before == 0x3A || before == 0x2D || before == 0x2C || before == 0x28 else { return }
            caps = true
        } else if w.letters >= 2 && !w.isTitleCase && !w.isLower {
            return  // "BỘ" caps only; odd mixes are not heads
        }
        let pw = NameText.previousWord(p, before: w.start, floor: floor)
        if let before = lex.compounds[w.hash], let pw, before.contains(pw.hash) {
            return
        }
        // A single head word inside a run of capitalised words is a given name or part of another
        // name ("Nguyễn Trường Sơn", "Hồ Chí Minh"), not a body.
        let afterCapital = !caps && pw.map { $0.isTitleCase && !$0.isNumber && w.isTitleCase && !lex.heads.startsWith($0.hash) } == true
        lex.heads.forEachMatch(p, at: w) { info, last in
            if w.isLower && !info.lowercase { return false }
            if caps && !info.header { return false }
            if afterCapital && last.end == w.end { return false }
            return body(Head(start: w.start, end: last.end, firstHash: w.hash, info: info, caps: caps, lowercase: w.isLower, expansion: nil))
        }
    }

    /// A lowercase head word just before `w` ("phòng | Tổ chức", "vụ | HTQT", "bệnh viện | Bạch Mai").
    func lowercaseHead(before w: NameWord, floor: Int) -> NameWord? {
        var at = w.start
        var prevs: [NameWord] = []
        while prevs.count < 2, let pw = NameText.previousWord(p, before: at, floor: floor), pw.isLower {
            prevs.append(pw)
            at = pw.start
        }
        guard let last = prevs.first else { return nil }
        for cw in prevs.reversed() {
            if lex.heads.startsWith(cw.hash), let m = lex.heads.match(p, at: cw), m.payload.lowercase, m.last.end == last.end { return cw }
        }
        return nil
    }

    // MARK: Organisations

    func organization(at w: NameWord, floor: Int, personContext: Bool, depth: Int = 0) -> OrganizationMatch? {
        var found: OrganizationMatch? = nil
        var longest: Int? = nil
        forEachHead(at: w, floor: floor) { h in
            found = organization(head: h, floor: floor, personContext: personContext, depth: depth, longerHeadEnd: longest)
            longest = longest ?? h.end
            return found != nil
        }
        return found
    }

    /// The organisation at a head: a known unit's full name, or the name read by the rules,
    /// whichever is longer (the known name when they tie).
    ///
    /// `longerHeadEnd`: where a longer head at the same word ended when it found nothing; a shorter
    /// head must then reach past it ("Trung tâm | Y tế dự phòng tỉnh" yes, "Ủy ban | NHÂN DÂN" no).
    func organization(head h: Head, floor: Int, personContext: Bool, depth: Int, longerHeadEnd: Int? = nil) -> OrganizationMatch? {
        var generic = genericOrganization(head: h, floor: floor, personContext: personContext, depth: depth)
        if let longerHeadEnd, let g = generic, g.end <= longerHeadEnd { generic = nil }
        if let known = knownName(from: h), known.end >= generic?.end ?? 0 {
            // The known name gives the span ("Cục Quản lý Khám, chữa bệnh" goes on over its comma);
            // the value is as written.
            return OrganizationMatch(start: h.start, end: known.end, value: written(head: h, to: known.end), rule: "known")
        }
        return generic
    }

    func genericOrganization(head h: Head, floor: Int, personContext: Bool, depth: Int) -> OrganizationMatch? {
        let caps = h.caps
        var headText: String? = nil
        if let e = h.expansion {
            headText = caps ? e.uppercased() : e
        } else if h.lowercase {
            let written = NameText.text(p, h.start, h.end)
            headText = written.prefix(1).uppercased() + written.dropFirst()
        }
        var pieces: [Piece] = []
        pieces.reserveCapacity(12)
        pieces.append(Piece(start: h.start, end: h.end, text: headText, word: nil, plainCap: false))
        var named = false
        var locality = false
        var lowerRun = 0
        var capRun = 0  // capitalised words in a row at the end of the name
        var country = false  // just after "nước": a country's name follows, whatever its words
        var lastWord: NameWord? = nil
        var nestedEnd = false
        var closed = false  // a known unit by its abbreviation: only a place may follow

        scan: while pieces.count < 32, let lastPiece = pieces.last {
            let g = gap(after: lastPiece.end)
            let first = !named && !locality
            switch g.kind {
            case .space where !g.tight: break
            case .dash where named, .amp where named: break
            case .ellipsis:
                // "Trung tâm Truyền thông - Giáo dục sức…": a listing cut the name after the first
                // syllable of a two-syllable word. Words mostly have two syllables and the
                // capitalised one opens one, so an odd count of syllables from the last capitalised
                // word leaves a half word ("Bộ Y tế…" is whole).
                var syllables = 0
                for piece in pieces.reversed() {
                    guard let w = piece.word else { syllables = 0; break }
                    syllables += 1
                    if w.isCapitalized { break }
                }
                // A cut name is no mention (Tests/Gold/README.md rule 3).
                if syllables >= 3, syllables % 2 == 1, let w = lastPiece.word, w.isLower { return nil }
                break scan
            default: break scan
            }
            guard let nw = word(at: g.next) else { break }
            let joined = g.kind == .space

            // Numbers: "Bệnh viện 108", "Quân y 103".
            if nw.isNumber {
                guard h.info.numbers, joined || g.kind == .dash, !caps || first else { break }
                pieces.append(Piece(start: nw.start, end: nw.end, text: nil, word: nw, plainCap: false))
                named = true
                continue
            }

            // Abbreviations inside the name.
            if nw.isAllCaps, let (abbr, end) = abbreviation(at: nw) {
                switch abbr.role {
                case .name:
                    guard first, joined, abbr.follows.contains(h.firstHash) else { break scan }
                case .word:
                    guard joined else { break scan }
                case .locality:
                    // "TP." = thành phố, when a capitalised place follows the dot.
                    let g2 = gap(after: end)
                    guard g2.kind == .period, let place = word(at: g2.next), place.isCapitalized, !place.isAllCaps else {
                        if caps { break } else { break scan }
                    }
                    let dot = dotEnd(after: end)
                    pieces.append(Piece(start: nw.start, end: dot, text: caps ? abbr.expansion.uppercased() : abbr.expansion, word: nil, plainCap: false))
                    locality = true
                    lowerRun = 0
                    continue
                case .head:
                    // "Văn phòng UBND tỉnh", "Thanh tra SYT": a body inside the name.
                    guard first, joined, depth < 2, let nested = organization(at: nw, floor: floor, personContext: personContext, depth: depth + 1) else { break scan }
                    pieces.append(Piece(start: nested.start, end: nested.end, text: nested.value, word: nil, plainCap: false))
                    named = true
                    nestedEnd = true
                    break scan
                }
                if abbr.role == .name || abbr.role == .word {
                    pieces.append(Piece(start: nw.start, end: end, text: caps ? abbr.expansion.uppercased() : abbr.expansion, word: nil, plainCap: false))
                    named = true
                    if abbr.role == .name { closed = true }
                    lowerRun = 0
                    lastWord = nil
                    continue
                }
            }

            if caps {
                // A header in capitals: capitals to the end of the line.
                guard nw.isAllCaps || (nw.letters == 1 && nw.firstUpper), joined || g.kind == .dash else { break }
                if let loc = lex.localities.match(p, at: nw) {
                    pieces.append(Piece(start: nw.start, end: loc.last.end, text: nil, word: nil, plainCap: false))
                    locality = true
                    continue
                }
                // After "TỈNH" the place's name follows whatever its words ("CAO BẰNG").
                if !locality && (isStop(nw, prev: lastWord) || startsTitle(nw) || lex.nameStops.contains(nw.hash)) { break }
                if lex.boundaries.match(p, at: nw) != nil { break }
                if !first, head(at: nw, floor: floor) != nil { break }
                pieces.append(Piece(start: nw.start, end: nw.end, text: nil, word: nw, plainCap: false))
                named = true
                lastWord = nw
                continue
            }

            if nw.isAllCaps {
                // An acronym nobody knows: the name itself right after the head ("Bệnh viện ĐHYD"), else the end.
                guard first, joined, !h.lowercase else { break }
                pieces.append(Piece(start: nw.start, end: nw.end, text: nil, word: nw, plainCap: false))
                named = true
                continue
            }

            if nw.isCapitalized {
                if first {
                    guard joined else { break }
                    // A head right after a head: a body inside the name ("Bệnh viện Đại học Y Dược",
                    // "Văn phòng Bộ Y tế"), or the body it belongs to ("Văn phòng Bộ").
                    if let inner = head(at: nw, floor: floor) {
                        if depth < 2, let nested = organization(head: inner, floor: floor, personContext: personContext, depth: depth + 1) {
                            pieces.append(Piece(start: nested.start, end: nested.end, text: nested.value, word: nil, plainCap: false))
                            named = true
                            nestedEnd = true
                            break scan
                        }
                        if let after = spacedWord(after: nw.end), after.isLower, inner.end == nw.end {
                            // The head word opens a compound: "Trung tâm Hội nghị Quốc gia".
                        } else {
                            guard h.info.complement == .parent else { return nil }
                            pieces.append(Piece(start: inner.start, end: inner.end, text: nil, word: nil, plainCap: false))
                            named = true
                            break scan
                        }
                    }
                    if isFirstWordStop(nw) { break }
                    // One letter: "Bệnh viện K" is a hospital, "Y tế" a word, "nhóm A" a category.
                    if nw.letters == 1 && !h.info.numbers && lex.nameWords.match(p, at: nw) == nil { break }
                    pieces.append(Piece(start: nw.start, end: nw.end, text: nil, word: nw, plainCap: true))
                    named = true
                    lowerRun = 0
                    capRun = 1
                    lastWord = nw
                    continue
                }
                if let inner = head(at: nw, floor: floor) {
                    // "Ủy ban Thường vụ Quốc hội", "Ban Cơ yếu Chính phủ": a body that needs no name ends
                    // the name as the body it belongs to; any other head starts a new body.
                    guard joined, inner.info.complement == .none, inner.expansion == nil else { break }
                    pieces.append(Piece(start: inner.start, end: inner.end, text: nil, word: nil, plainCap: false))
                    break scan
                }
                if startsTitle(nw) || (!country && lex.boundaries.match(p, at: nw) != nil) || lex.nameStops.contains(nw.hash) {
                    break
                }
                country = false
                if !joined {
                    // After a dash or "&" only a plain capitalised word goes on ("Sản - Nhi").
                    guard named else { break }
                }
                pieces.append(Piece(start: nw.start, end: nw.end, text: nil, word: nw, plainCap: joined))
                lowerRun = 0
                capRun = joined ? capRun + 1 : 1
                lastWord = nw
                continue
            }

            // Lowercase words.
            guard joined else { break }
            if let loc = lex.localities.match(p, at: nw) {
                pieces.append(Piece(start: nw.start, end: loc.last.end, text: nil, word: nil, plainCap: false))
                locality = true
                lowerRun = 0
                capRun = 0
                lastWord = loc.last
                continue
            }
            guard named, !closed else { break }
            if nw.hash == lex.hashNuoc, let next = spacedWord(after: nw.end), next.isCapitalized, !next.isAllCaps {
                // "Bộ Y tế nước Cộng hòa xã hội chủ nghĩa Việt Nam": the country the body belongs to.
                pieces.append(Piece(start: nw.start, end: nw.end, text: nil, word: nil, plainCap: false))
                lowerRun = 0
                capRun = 0
                lastWord = nw
                country = true
                continue
            }
            if nw.hash == lex.hashVi, let su = spacedWord(after: nw.end), su.hash == lex.hashSu {
                // "Viện Tony Blair vì sự phát triển toàn cầu": the cause a body is for is part of its name.
                var last = su
                var count = 0
                while count < 4, let x = spacedWord(after: last.end), x.isLower, !isStop(x, prev: last) {
                    last = x
                    count += 1
                }
                guard count >= 1 else { break }
                pieces.append(Piece(start: nw.start, end: last.end, text: nil, word: nil, plainCap: false))
                lowerRun = 0
                capRun = 0
                lastWord = last
                continue
            }
            if nw.hash == lex.hashVa {
                // "Bộ Kế hoạch và Đầu tư": "và" joins a capitalised word that starts nothing else.
                guard let next = spacedWord(after: nw.end), next.isCapitalized, !next.isAllCaps,
                      !startsTitle(next), head(at: next, floor: floor) == nil, lex.boundaries.match(p, at: next) == nil,
                      !lex.nameStops.contains(next.hash) else { break }
                pieces.append(Piece(start: nw.start, end: nw.end, text: nil, word: nil, plainCap: false))
                pieces.append(Piece(start: next.start, end: next.end, text: nil, word: next, plainCap: false))
                lowerRun = 0
                capRun = 1
                lastWord = next
                continue
            }
            if isStop(nw, prev: lastWord) { break }
            if lowerRun == 0, capRun == 1, lastWord?.isCapitalized == true {
                // The syllable that completes a capitalised word ("Y | tế", "Quản | lý"); not after a
                // run of capitalised words, which is complete ("Bộ Công Thương | quy định").
                lowerRun = 1
                capRun = 0
                pieces.append(Piece(start: nw.start, end: nw.end, text: nil, word: nw, plainCap: false))
                lastWord = nw
                continue
            }
            // Past it, only the words of unit names ("y tế", "bệnh tật", "thiết | bị").
            if let m = lex.nameWords.match(p, at: nw) {
                var k = nw
                var words = 1
                while k.end < m.last.end, let next = spacedWord(after: k.end) { k = next; words += 1 }
                lowerRun += words
                if lowerRun > 6 { break }
                pieces.append(Piece(start: nw.start, end: m.last.end, text: nil, word: m.last.start == nw.start ? nw : nil, plainCap: false))
                capRun = 0
                lastWord = m.last
                continue
            }
            guard let prev = lastWord, lex.namePairs.contains(NameLexicon.pairKey(prev.hash, nw.hash)) else { break }
            lowerRun += 1
            if lowerRun > 6 { break }
            pieces.append(Piece(start: nw.start, end: nw.end, text: nil, word: nw, plainCap: false))
            capRun = 0
            lastWord = nw
        }

        switch h.info.complement {
        case .name, .parent: guard named else { return nil }
        case .any: guard named || locality else { return nil }
        case .none: break
        }
        if h.lowercase && !named { return nil }

        // A person's name glued to the body after a title ("Bộ trưởng Bộ Y tế Đào Hồng Lan").
        if personContext && !nestedEnd {
            var run = 0
            while run < pieces.count - 1, pieces[pieces.count - 1 - run].plainCap, pieces[pieces.count - 1 - run].word?.isTitleCase == true { run += 1 }
            let keepAtLeast = h.info.complement == .none ? 1 : 2
            if run >= 2 {
                for length in [3, 4, 2] where length <= run && pieces.count - length >= keepAtLeast {
                    let candidate = pieces.suffix(length).compactMap(\.word)
                    if validPersonName(candidate, .afterOrganization) {
                        pieces.removeLast(length)
                        break
                    }
                }
            }
        }

        guard let last = pieces.last else { return nil }
        return OrganizationMatch(start: h.start, end: last.end, value: build(pieces), rule: h.expansion != nil ? "abbreviation" : "head")
    }

    /// The offset just past the "." that follows `e`.
    func dotEnd(after e: Int) -> Int {
        var j = e
        while j < p.count && (p[j] == 0x20 || p[j] == 0x09) { j += 1 }
        return j < p.count && p[j] == 0x2E ? j + 1 : e
    }

    /// A committee named without the body it belongs to ("Ban Cán sự Đảng"): part of a title, no
    /// organisation of its own.
    func isBareCommittee(_ org: OrganizationMatch) -> Bool {
        guard let w = word(at: org.start), lex.needsParent.startsWith(w.hash), let m = lex.needsParent.match(p, at: w) else { return false }
        return m.last.end == org.end
    }

    /// The value of a name: the pieces (expanded where they are abbreviations) with the text
    /// between them as written, except that a dash is set between single spaces ("Phong-Da liễu",
    /// "Phong- Da liễu" -> "Phong - Da liễu") and "&" reads "và" (Tests/Gold/README.md).
    func build(_ pieces: [Piece]) -> String {
        guard let first = pieces.first, let last = pieces.last else { return "" }
        var plain = !pieces.contains(where: { $0.text != nil })
        if plain {
            for k in first.start..<last.end where p[k] == 0x2D || p[k] == 0x26 || p[k] == 0xE2 { plain = false; break }
            if plain { return NameText.text(p, first.start, last.end) }
        }
        var out: [UInt8] = []
        out.reserveCapacity(last.end - first.start + 32)
        var at: Int? = nil
        for piece in pieces {
            if let at { appendGap(at, piece.start, into: &out) }
            if let text = piece.text { out.append(contentsOf: text.utf8) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: p[piece.start..<piece.end])) }
            at = piece.end
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text between two pieces, with dashes spaced and "&" read as "và".
    private func appendGap(_ from: Int, _ to: Int, into out: inout [UInt8]) {
        var k = from
        var sawDash: [UInt8]? = nil
        var sawAmp = false
        var other = false
        while k < to, let (v, n) = UTF8Text.scalar(p, at: k) {
            switch v {
            case 0x20, 0x09: break
            case 0x2D, 0x2013, 0x2014: sawDash = Array(UnsafeBufferPointer(rebasing: p[k..<(k + n)]))
            case 0x26: sawAmp = true
            default: other = true
            }
            k += n
        }
        if other || (sawDash == nil && !sawAmp) {
            out.append(contentsOf: UnsafeBufferPointer(rebasing: p[from..<to]))
        } else if let dash = sawDash {
            out.append(0x20)
            out.append(contentsOf: dash)
            out.append(0x20)
        } else {
            out.append(contentsOf: " và ".utf8)
        }
    }

    /// The value of the text from a head to `end`, word by word as written (see `build`).
    func written(head h: Head, to end: Int) -> String {
        var pieces: [Piece] = []
        var headText: String? = h.expansion
        if headText == nil && h.lowercase {
            let text = NameText.text(p, h.start, h.end)
            headText = text.prefix(1).uppercased() + text.dropFirst()
        }
        pieces.append(Piece(start: h.start, end: h.end, text: headText, word: nil, plainCap: false))
        var k = h.end
        while k < end {
            let g = gap(after: k)
            guard g.next < end, let w = word(at: g.next) else { break }
            pieces.append(Piece(start: w.start, end: w.end, text: nil, word: w, plainCap: false))
            k = w.end
        }
        return build(pieces)
    }

    /// The longest known full name (organization_abbreviations.csv, role name) starting at the head.
    func knownName(from h: Head) -> (end: Int, name: String)? {
        guard h.expansion == nil, !lex.knownNames.isEmpty else { return nil }
        var key = NameText.basis
        var j = h.start
        while j < h.end, let w = word(at: j) {
            key = NameText.foldMix(key, p, w)
            let g = gap(after: w.end)
            j = g.next
        }
        guard lex.knownPrefixes.contains(key) else { return nil }
        var best: (Int, String)? = nil
        var end = h.end
        for _ in 0..<12 {
            let g = gap(after: end)
            switch g.kind {
            case .space, .dash, .comma, .amp, .slash: break
            default: return best
            }
            guard let w = word(at: g.next) else { return best }
            key = NameText.foldMix(key, p, w)
            guard lex.knownPrefixes.contains(key) else { return best }
            end = w.end
            if let name = lex.knownNames[key] { best = (end, name) }
        }
        return best
    }
}

extension NameText {
    /// Continues a letters hash (as `NameWord.hash`) with the letters of `w`.
    static func continueHash(_ h: UInt64, _ p: UnsafeBufferPointer<UInt8>, _ w: NameWord) -> UInt64 {
        if h == basis { return w.hash }
        var h = h
        var j = w.start
        while j < w.end, let (v, n) = UTF8Text.scalar(p, at: j) {
            h = mix(h, lower(v))
            j += n
        }
        return h
    }
}
