import DocumentModel
import Entities
import VietnameseText

/// The end of an official document (Decree 30/2020/NĐ-CP Appendix I §II.7 and §II.9): the
/// recipients under "Nơi nhận:" and the signature block: the signer's authority ("TM.", "KT.",
/// "TL.", "TUQ.", "Q.") before the position of the one signed for, the signer's own position, and
/// the name.
enum HeaderClosing {
    // MARK: list items

    static let bullets: Set<Unicode.Scalar> = ["-", "+", "•", "–", "—", "·", "▪", "●", "*"]

    static func startsWithBullet(_ piece: HeaderPiece) -> Bool {
        guard let first = piece.scalars.first else { return false }
        return bullets.contains(first)
    }

    static func dropBullet(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars.drop(while: { bullets.contains($0) || $0.properties.isWhitespace })
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return HeaderText.string(scalars)
    }

    /// An item ends with ";" or "." (the last one with "."); without, a wrapped line follows.
    static func endsItem(_ raw: String) -> Bool {
        guard let last = raw.unicodeScalars.last(where: { !$0.properties.isWhitespace }) else { return true }
        return last == ";" || last == "."
    }

    /// An item without its closing ";", "." or ",", whitespace collapsed.
    static func item(_ raw: String) -> String {
        HeaderText.trimEnd(HeaderText.collapse(raw), ";.,")
    }

    // MARK: recipients

    /// Where "Nơi nhận" stands: the last such line (a quoted form earlier in the text does not count).
    static func recipientsLine(_ doc: HeaderDocument, from: Int) -> Int? {
        var found: Int? = nil
        for k in from..<doc.lines.count where doc.lines[k].piece.starts(with: "noi nhan") { found = k }
        return found
    }

    /// The recipients under "Nơi nhận:": each dash line without the dash and the closing ";" or
    /// "."; a line in lowercase after an item that did not close goes on with it. The filing line
    /// ("Lưu: VT, TCHC (1).": the issuer's own copy, Appendix I §II.9.d) is not a recipient. In a
    /// layout flattened into text the signature block's capitals may end a line
    /// ("- Sở Ngoại vụ; PHÓ GIÁM ĐỐC"): they are cut off.
    static func recipients(_ doc: HeaderDocument, at r: Int) -> (names: [String], end: Int) {
        var raws: [String] = []
        let lines = doc.lines
        var open = false
        func add(_ raw: String) {
            let text = withoutTrailingCaps(raw)
            open = !endsItem(text)
            raws.append(text)
        }
        let first = lines[r].piece
        if let colon = first.scalars.firstIndex(of: ":") {
            let inline = first.dropFirst(colon + 1)
            if startsWithBullet(inline) { add(dropBullet(inline.text)) }
        }
        var k = r + 1
        while k < lines.count, !lines[k].isRule {
            let piece = lines[k].piece
            if startsWithBullet(piece) {
                add(dropBullet(piece.text))
            } else if open, !raws.isEmpty, piece.startsLowercase {
                let text = withoutTrailingCaps(piece.text)
                raws[raws.count - 1] += " " + text
                open = !endsItem(text)
            } else {
                break
            }
            k += 1
        }
        return (raws.filter { !isFiling($0) }.map(item), k)
    }

    static func isFiling(_ text: String) -> Bool {
        let folded = Folding.fold(text)
        return folded.hasPrefix("luu:") || folded.hasPrefix("luu :") || folded.hasPrefix("luu vt") || folded == "luu"
    }

    /// A line less the words in capitals that end it after ";" (a signature column flattened
    /// onto the recipients' lines).
    static func withoutTrailingCaps(_ text: String) -> String {
        guard capsTail(text, after: ";") != nil, let semicolon = text.unicodeScalars.lastIndex(of: ";") else { return text }
        return String(text.unicodeScalars[...semicolon])
    }

    // MARK: signer

    /// Authorities written before a position in a signature block (Appendix I §II.7.b):
    /// TM. = thay mặt (for a collective body), Q. = quyền (acting head), KT. = ký thay (a deputy
    /// for the head), TL. = thừa lệnh (by order of the head), TUQ. = thừa ủy quyền (by the
    /// head's delegation).
    static let authorities = ["TM", "Q", "KT", "TL", "TUQ"]

    struct Signer: Equatable {
        var name: String
        var title: String?
        var onBehalfOf: String?
        var authority: String?
        /// The collective body of a "TM." line when a deputy signs under it
        /// ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH").
        var collective: String?

        var json: JSONValue {
            var members: [JSONValue.Member] = [
                .init("name", .string(name)),
                .init("title", title.map(JSONValue.string) ?? .null),
                .init("on_behalf_of", onBehalfOf.map(JSONValue.string) ?? .null),
                .init("authority", authority.map(JSONValue.string) ?? .null),
            ]
            if let collective { members.append(.init("collective", .string(collective))) }
            return .object(members)
        }
    }

    /// Family names (Entities' family_names.csv), folded: a name line starts with one.
    static let familyNames: Set<String> = {
        guard let file = try? DataFile.load("family_names.csv") else { return [] }
        return Set(file.records.compactMap { $0["name"].map(Folding.fold) })
    }()

    /// The signature block: the last name line in `range` with a position or an authority in
    /// capitals within the lines above it.
    static func signer(_ doc: HeaderDocument, in range: Range<Int>) -> (Signer, start: Int)? {
        let lines = doc.lines
        var k = range.upperBound - 1
        while k >= range.lowerBound {
            defer { k -= 1 }
            guard !lines[k].isRule, let name = personName(lines[k].piece, doc) else { continue }
            let above = titleLines(lines, above: k, floor: range.lowerBound)
            guard !above.lines.isEmpty else { continue }
            return (interpret(above.lines, name: name), above.start)
        }
        return nil
    }

    /// A line that holds only a person's name once the signing notes are gone ("(Đã ký)",
    /// "Đã ký: Vương Đình Huệ"): the person entity's name where the recogniser found one, else
    /// two to six capitalised words starting with a family name (a name in capitals is written
    /// in normal case).
    static func personName(_ piece: HeaderPiece, _ doc: HeaderDocument) -> String? {
        let text = withoutSigningNotes(piece.text)
        let words = HeaderText.words(text)
        guard (2...6).contains(words.count), words.allSatisfy({ word in
            word.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "-" } && word.unicodeScalars.first?.properties.isUppercase == true
        }) else { return nil }
        if let person = doc.entities("person", in: piece).last, case .object(let members) = person.value,
           let name = members.first(where: { $0.key == "name" }), case .string(let value) = name.value,
           Folding.fold(value) == Folding.fold(text) {
            return value
        }
        guard let first = words.first, familyNames.isEmpty || familyNames.contains(Folding.fold(String(first))) else { return nil }
        let caps = words.allSatisfy { !$0.unicodeScalars.contains(where: { $0.properties.isLowercase }) }
        if caps { return words.map { HeaderText.capitalized($0.lowercased()) }.joined(separator: " ") }
        return words.joined(separator: " ")
    }

    /// A line less what a signature block adds around the name: brackets, parenthesised notes
    /// ("(Đã ký)", "(Ký, đóng dấu)") and a leading "Đã ký:".
    static func withoutSigningNotes(_ text: String) -> String {
        var out = ""
        var depth = 0
        for s in text.unicodeScalars {
            if s == "(" { depth += 1; continue }
            if s == ")" { depth = max(depth - 1, 0); continue }
            if depth > 0 || s == "[" || s == "]" { continue }
            out.unicodeScalars.append(s)
        }
        out = HeaderText.collapse(out)
        let folded = Folding.fold(out)
        for lead in ["da ky:", "da ky", "ky:"] where folded.hasPrefix(lead) {
            out = HeaderText.collapse(String(out.unicodeScalars.dropFirst(lead.unicodeScalars.count)))
            break
        }
        return out
    }

    /// The lines in capitals above the name (notes skipped), top first, at most four. In a
    /// layout flattened into text the signature column shares its lines with the recipients
    /// ("Nơi nhận: KT. GIÁM ĐỐC", "- Như trên; PHÓ GIÁM ĐỐC"): their part in capitals after ";"
    /// (or from the authority on the "Nơi nhận" line) is taken, the recipients passed over, and
    /// the "Nơi nhận" line ends the search.
    static func titleLines(_ lines: [HeaderLine], above k: Int, floor: Int) -> (lines: [String], start: Int) {
        var found: [String] = []
        var start = k
        var j = k - 1
        while j >= max(floor, k - 12) && found.count < 4 {
            defer { j -= 1 }
            if lines[j].isRule { continue }
            let text = withoutSigningNotes(lines[j].piece.text)
            if text.isEmpty { continue }
            let piece = HeaderPiece(text.unicodeScalars, start: 0)
            if piece.starts(with: "noi nhan") {
                if let tail = authorityTail(text) ?? capsTail(text, after: ":") { found.append(tail); start = j }
                break
            }
            if startsWithBullet(piece) || isFiling(text) {
                if let tail = capsTail(text, after: ";") { found.append(tail); start = j }
                continue
            }
            if piece.isAllCaps {
                found.append(text)
                start = j
                continue
            }
            break
        }
        return (found.reversed(), start)
    }

    /// The part of a line from an authority written after other words ("Nơi nhận: KT. GIÁM ĐỐC").
    static func authorityTail(_ text: String) -> String? {
        let words = HeaderText.words(text)
        for (n, word) in words.enumerated() where n > 0 && word.hasSuffix(".") && authority(of: String(word)) != nil {
            return words[n...].joined(separator: " ")
        }
        return nil
    }

    /// Two or more words in capitals ending a line after its last `mark`.
    static func capsTail(_ text: String, after mark: Unicode.Scalar) -> String? {
        guard let at = text.unicodeScalars.lastIndex(of: mark) else { return nil }
        let after = HeaderText.collapse(String(text.unicodeScalars[text.unicodeScalars.index(after: at)...]))
        guard HeaderText.words(after).count >= 2, HeaderPiece(after.unicodeScalars, start: 0).isAllCaps,
              HeaderText.words(after).contains(where: { HeaderText.isCapsWord($0) }) else { return nil }
        return after
    }

    /// "KT." → KT (the dot may be missing: "KT GIÁM ĐỐC").
    static func authority(of word: String) -> String? {
        let bare = HeaderText.trimEnd(word, ".")
        return authorities.first { $0 == bare.uppercased() && bare == bare.uppercased() }
    }

    static let localityWords = ["tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong", "thi tran"]

    /// The lines of a signature block read as authority, position and the one signed for.
    static func interpret(_ lines: [String], name: String) -> Signer {
        var chain: [(authority: String, of: String)] = []
        var rest: [String] = []
        for line in lines {
            let words = HeaderText.words(line)
            if let first = words.first, let code = authority(of: String(first)), words.count >= 2 {
                chain.append((code, words.dropFirst().joined(separator: " ")))
                rest = []
            } else if let last = chain.last, rest.isEmpty, last.authority == "TM",
                      localityWords.contains(where: { Folding.fold(line).hasPrefix($0 + " ") }) {
                // "TM. ỦY BAN NHÂN DÂN / TỈNH BÌNH PHƯỚC": the body's name wraps.
                chain[chain.count - 1].of += " " + line
            } else {
                rest.append(line)
            }
        }
        if chain.isEmpty { rest = Array(rest.suffix(2)) }
        var signer = Signer(name: name)
        signer.title = rest.isEmpty ? nil : rest.joined(separator: " ")
        if let last = chain.last {
            signer.authority = last.authority
            signer.onBehalfOf = last.of
        }
        if chain.count >= 2, let first = chain.first, first.authority == "TM" { signer.collective = first.of }
        return signer
    }
}
