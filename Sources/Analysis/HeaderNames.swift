import DocumentModel
import Entities
import VietnameseText

/// The issuing body and its parent from the letterhead's lines in capitals, each as written
/// and in normal case.
///
/// A line that starts with the word for a kind of body ("SỞ", "BỘ", "ỦY BAN NHÂN DÂN", "UBND",
/// Entities' organization_heads.csv and organization_abbreviations.csv) starts a body; any
/// other line goes on with the one before ("ỦY BAN NHÂN DÂN / TỈNH BÌNH PHƯỚC" is one body). The
/// last body issued the document; the one before it is its parent (Decree 30/2020/NĐ-CP
/// Appendix I §II.2: the parent body's name above the issuer's).
enum HeaderNames {
    struct Abbreviation: Sendable {
        var expansion: String
        var role: String
        /// For role "name": the folded head it follows ("vu", "bo").
        var follows: String
    }

    struct Lexicon: Sendable {
        /// Head phrases, folded, as words; longest first.
        var heads: [[String]] = []
        /// By the abbreviation as written ("UBND", "TP.").
        var abbreviations: [String: Abbreviation] = [:]
        /// Full names of units known after a head (role "name", with or without an abbreviation).
        var knownNames: [Abbreviation] = []
        /// Heads written out in full by an abbreviation ("Trung tâm Y tế" for TTYT), in file order.
        var writtenHeads: [Abbreviation] = []
    }

    static let lexicon: Lexicon = {
        var lexicon = Lexicon()
        if let file = try? DataFile.load("organization_heads.csv") {
            lexicon.heads = file.records.compactMap { $0["head"] }.map { Folding.fold($0).split(separator: " ").map(String.init) }
                .filter { !$0.isEmpty }.sorted { $0.count > $1.count }
        }
        if let file = try? DataFile.load("organization_abbreviations.csv") {
            for record in file.records {
                guard let expansion = record["expansion"], !expansion.isEmpty else { continue }
                let entry = Abbreviation(expansion: expansion, role: record["role"] ?? "", follows: Folding.fold(record["follows"] ?? ""))
                if entry.role == "name" { lexicon.knownNames.append(entry) }
                if entry.role == "head" { lexicon.writtenHeads.append(entry) }
                if let abbreviation = record["abbreviation"], !abbreviation.isEmpty { lexicon.abbreviations[abbreviation] = entry }
            }
        }
        return lexicon
    }()

    /// Administrative units before a place's name (Appendix II §III.1.a: "tỉnh Nam Định",
    /// "thành phố Thái Nguyên": the unit in lowercase, the name capitalised), folded.
    static let units: [[String]] = [["thanh", "pho"], ["thi", "xa"], ["thi", "tran"], ["tinh"], ["huyen"], ["quan"], ["xa"], ["phuong"]]

    /// The issuer lines grouped into bodies, top first.
    static func bodies(_ lines: [HeaderPiece]) -> [[HeaderPiece]] {
        var bodies: [[HeaderPiece]] = []
        for line in lines {
            if bodies.isEmpty || startsBody(line.text) {
                bodies.append([line])
            } else {
                bodies[bodies.count - 1].append(line)
            }
        }
        return bodies
    }

    static func startsBody(_ text: String) -> Bool {
        let words = HeaderText.words(text)
        guard let first = words.first else { return false }
        if let abbreviation = lexicon.abbreviations[String(first)], abbreviation.role == "head" { return true }
        let folded = words.map { Folding.fold(String($0)) }
        return lexicon.heads.contains { head in head.count <= folded.count && Array(folded.prefix(head.count)) == head }
    }

    /// `{"text", "name"}`: the lines as written, joined by a space, and the name in normal case.
    static func value(_ body: [HeaderPiece], _ doc: HeaderDocument) -> JSONValue {
        let text = HeaderText.collapse(body.map(\.text).joined(separator: " "))
        return .object([.init("text", .string(text)), .init("name", .string(name(body, text: text, doc)))])
    }

    /// The name in normal case: an organization entity's value when the recogniser read the same
    /// name (here or elsewhere in the document) in normal case; else the rules of Appendix II
    /// §IV.1.a: the kind of body and the first word of its field capitalised ("Sở Y tế", "Sở Tài
    /// nguyên và Môi trường"), an administrative unit in lowercase and the place after it
    /// capitalised ("Ủy ban nhân dân tỉnh Bắc Giang"); abbreviations expanded ("UBND"), acronyms
    /// that are no Vietnamese syllable kept ("HIV/AIDS").
    static func name(_ body: [HeaderPiece], text: String, _ doc: HeaderDocument) -> String {
        var tokens = expand(text)
        let key = Folding.fold(tokens.map(\.text).joined(separator: " "))
        for entity in doc.entities where entity.type == "organization" {
            guard case .object(let members) = entity.value, let value = members.first(where: { $0.key == "name" }),
                  case .string(let name) = value.value, !HeaderPiece(name.unicodeScalars, start: 0).isAllCaps else { continue }
            if Folding.fold(name) == key || Folding.fold(entity.text) == Folding.fold(text) { return name }
        }
        guard HeaderPiece(text.unicodeScalars, start: 0).isAllCaps else { return tokens.map(\.text).joined(separator: " ") }
        recase(&tokens)
        // Places and countries the recogniser found in the lines keep their capitals.
        for piece in body {
            for type in ["province", "country"] {
                for entity in doc.entities(type, in: piece) {
                    let words = HeaderText.words(entity.text).map { Folding.fold(String($0)) }
                    guard !words.isEmpty else { continue }
                    var i = 0
                    while i + words.count <= tokens.count {
                        if tokens[i..<(i + words.count)].map({ Folding.fold($0.text) }) == words {
                            for n in i..<(i + words.count) where !tokens[n].fixed {
                                tokens[n].text = HeaderText.capitalized(tokens[n].text.lowercased())
                            }
                            i += words.count
                        } else {
                            i += 1
                        }
                    }
                }
            }
        }
        return tokens.map(\.text).joined(separator: " ")
    }

    struct Token {
        var text: String
        /// From an expansion: already in normal case.
        var fixed: Bool
    }

    /// Words, with known abbreviations written out ("UBND" → Ủy ban nhân dân, "NN&PTNT" after
    /// "BỘ" → Nông nghiệp và Phát triển nông thôn).
    static func expand(_ text: String) -> [Token] {
        var tokens: [Token] = []
        for word in HeaderText.words(text) {
            let bare = String(word)
            if let abbreviation = lexicon.abbreviations[bare],
               abbreviation.role != "name" || tokens.last.map({ Folding.fold($0.text) == abbreviation.follows }) == true {
                for part in HeaderText.words(abbreviation.expansion) { tokens.append(Token(text: String(part), fixed: true)) }
            } else {
                tokens.append(Token(text: bare, fixed: false))
            }
        }
        return tokens
    }

    /// Capitals made normal case by the rules above; a name the lexicon knows in full after its
    /// head ("CỤC QUẢN LÝ KHÁM, CHỮA BỆNH" → Cục Quản lý Khám, chữa bệnh) as the lexicon writes it.
    static func recase(_ tokens: inout [Token]) {
        var folded = tokens.map { Folding.fold($0.text) }
        if let head = lexicon.heads.first(where: { $0.count <= folded.count && Array(folded.prefix($0.count)) == $0 }) {
            let headKey = head.joined(separator: " ")
            // A head the abbreviations write out in full keeps that casing ("TRUNG TÂM Y TẾ" →
            // Trung tâm Y tế, "ỦY BAN NHÂN DÂN" → Ủy ban nhân dân).
            if let written = lexicon.writtenHeads.first(where: { Folding.fold($0.expansion) == headKey }) {
                let words = HeaderText.words(written.expansion).map { Token(text: String($0), fixed: true) }
                if words.count == head.count {
                    tokens.replaceSubrange(0..<head.count, with: words)
                }
            }
            let rest = folded[head.count...].joined(separator: " ")
            if let known = lexicon.knownNames.first(where: { $0.follows == headKey && Folding.fold($0.expansion) == rest }) {
                tokens = Array(tokens[..<head.count]) + HeaderText.words(known.expansion).map { Token(text: String($0), fixed: true) }
            }
            folded = tokens.map { Folding.fold($0.text) }
        }
        func lower(_ i: Int) {
            guard !tokens[i].fixed, !isAcronym(tokens[i].text) else { return }
            tokens[i].text = tokens[i].text.lowercased()
        }
        func capital(_ i: Int) {
            guard !tokens[i].fixed, !isAcronym(tokens[i].text) else { return }
            tokens[i].text = HeaderText.capitalized(tokens[i].text.lowercased())
        }
        for i in tokens.indices { lower(i) }
        guard !tokens.isEmpty else { return }
        capital(0)
        let head = lexicon.heads.first { $0.count <= folded.count && Array(folded.prefix($0.count)) == $0 }?.count
        var i = head ?? 1
        // After the word for the kind of body, its field ("Sở Y tế"); without one, nothing more.
        var capitalNext = head != nil
        var afterJoin = false
        var place = false
        while i < tokens.count {
            if place { capital(i); i += 1; continue }
            // A unit starts a place, except where a field goes on after "và", "," or "-"
            // ("Lao động - Thương binh và Xã hội"); "xã hội" is no commune.
            if !afterJoin, !(folded[i] == "xa" && i + 1 < folded.count && folded[i + 1] == "hoi"),
               let unit = units.first(where: { i + $0.count <= folded.count && Array(folded[i..<(i + $0.count)]) == $0 }) {
                i += unit.count
                place = true
                continue
            }
            if capitalNext { capital(i) }
            let word = tokens[i].text
            capitalNext = word.hasSuffix(",") || ["va", "-", "–", "&"].contains(folded[i])
            afterJoin = capitalNext
            i += 1
        }
    }

    /// Capitals that are no Vietnamese syllable ("HIV/AIDS", "CDC"): an acronym, kept.
    static func isAcronym(_ word: String) -> Bool {
        guard HeaderText.isCapsWord(word) else { return false }
        return VietnameseScore.measure(word).syllables == 0
    }
}
