import DocumentModel
import Foundation
import VietnameseText

/// Provinces (with their 2025 successors), neighbour-country provinces, countries, development
/// partners and technical working groups, found with one `Gazetteer` over the folded key and then
/// checked against the text as written:
///
/// - in text written with diacritics, a hit must carry the same letters as the name up to case
///   and tone placement ("Lao" in "lao động" is not "Lào"); text written without any diacritics
///   ("Cao Bang") matches on the folded key alone;
/// - names start with a capital; acronyms ("WHO", "RHAG") must be written in capitals;
/// - "Anh" is the United Kingdom only after "Hoàng gia", "Vương quốc", "nước" or "Liên hiệp";
/// - a technical working group is named by its acronym, or by "NKT về …" / "Nhóm kỹ thuật về …"
///   followed by its topic (and an acronym in brackets, which joins the span).
public struct GazetteerRecognizer: Recognizer {
    public let types: Set<EntityType> = [.province, .country, .partner, .twg]

    enum Payload: Sendable {
        case province(JSONValue)
        case country(String)
        case partner(String)
        case twg(String)
        /// "Anh": the United Kingdom only after one of the context words.
        case contextualCountry(String)
    }

    struct TWG: Sendable {
        var id: String
        var keywords: [[String]]  // folded phrases, split into words
    }

    let gazetteer: Gazetteer
    let payloads: [Payload]
    let twgs: [TWG]
    let twgValues: [String: JSONValue]
    /// Per entry: its name as `comparable` gives it, and whether it is an acronym.
    let comparableNames: [String]
    let acronyms: [Bool]
    /// Per entry: an acronym's bytes without spaces (empty for other names).
    let acronymBytes: [[UInt8]]
    /// Per payload: the entity value, built once.
    let values: [JSONValue]

    init(gazetteer: Gazetteer, payloads: [Payload], twgs: [TWG]) {
        self.gazetteer = gazetteer
        self.payloads = payloads
        self.twgs = twgs
        twgValues = Dictionary(twgs.map { ($0.id, JSONValue.object([.init("id", .string($0.id))])) }, uniquingKeysWith: { a, _ in a })
        comparableNames = gazetteer.entries.map { Self.comparable($0.name) }
        acronyms = gazetteer.entries.map { entry in
            !entry.name.unicodeScalars.contains { $0.properties.isLowercase }
                && entry.name.unicodeScalars.filter { $0.properties.isAlphabetic }.count <= 8
        }
        acronymBytes = zip(gazetteer.entries, acronyms).map { entry, isAcronym in isAcronym ? entry.name.utf8.filter { $0 != 0x20 } : [] }
        values = payloads.map { payload in
            switch payload {
            case .province(let value): value
            case .country(let code), .contextualCountry(let code): .object([.init("code", .string(code))])
            case .partner(let id), .twg(let id): .object([.init("id", .string(id))])
            }
        }
    }

    /// Whether the bytes, spaces left out, are exactly `acronym`.
    static func sameWithoutSpaces(_ p: UnsafeBufferPointer<UInt8>, _ acronym: [UInt8]) -> Bool {
        var k = 0
        for b in p where b != 0x20 {
            guard k < acronym.count, acronym[k] == b else { return false }
            k += 1
        }
        return k == acronym.count
    }

    /// Builds the recogniser from the package's data files.
    public static func load() throws -> GazetteerRecognizer {
        var entries: [Gazetteer.Entry] = []
        var payloads: [Payload] = []
        func add(_ name: String, _ payload: Payload) {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return }
            entries.append(Gazetteer.Entry(name: trimmed.precomposedStringWithCanonicalMapping, payload: payloads.count))
            payloads.append(payload)
        }

        // Provinces of Vietnam before 1 July 2025, and what each belongs to since.
        let provinces = try DataFile.load("provinces.csv").records
        var byCode: [String: JSONValue] = [:]
        for row in provinces where row["era"] == "pre2025" {
            guard let code = row["code"], let name = row["name"] else { continue }
            let successor = row["successor_name"].flatMap { $0.isEmpty ? nil : $0 }
            let value = JSONValue.object([
                .init("name", .string(name)), .init("country", .string("VN")), .init("code", .string(code)),
                .init("successor", successor.map(JSONValue.string) ?? .null),
            ])
            byCode[code] = value
            add(name, .province(value))
        }
        for row in try DataFile.load("province_variants.csv").records {
            guard let variant = row["variant"], let code = row["code"], let value = byCode[code] else { continue }
            add(variant, .province(value))
        }
        for row in try DataFile.load("neighbour_provinces.csv").records {
            guard let country = row["country"], let name = row["name"] else { continue }
            let value = JSONValue.object([
                .init("name", .string(name)), .init("country", .string(country)), .init("code", .null), .init("successor", .null),
            ])
            add(name, .province(value))
            for v in (row["variants"] ?? "").split(separator: "|") { add(String(v), .province(value)) }
        }

        // Countries: CLDR's Vietnamese and English names, and other spellings.
        for row in try DataFile.load("countries.csv").records {
            guard let code = row["code"] else { continue }
            if let vi = row["name_vi"] { add(vi, .country(code)) }
            if let en = row["name_en"] { add(en, .country(code)) }
        }
        for row in try DataFile.load("country_variants.csv").records {
            guard let variant = row["variant"], let code = row["code"] else { continue }
            add(variant, .country(code))
        }
        add("Anh", .contextualCountry("GB"))

        // Development partners: acronyms, English and Vietnamese names, aliases.
        for row in try DataFile.load("partners.csv").records {
            guard let id = row["id"] else { continue }
            add(id, .partner(id))
            for key in ["name_en", "name_vi"] { if let name = row[key] { add(name, .partner(id)) } }
            for alias in (row["aliases"] ?? "").split(separator: "|") { add(String(alias), .partner(id)) }
        }

        // Technical working groups: acronyms here; topics after "NKT về" by rule.
        var twgs: [TWG] = []
        for row in try DataFile.load("twgs.csv").records {
            guard let id = row["id"] else { continue }
            add(id, .twg(id))
            var keywords = (row["keywords"] ?? "").split(separator: "|").map { Self.foldedPhrase(String($0)) }
            if let name = row["name_vi"] { keywords.append(Self.foldedPhrase(name)) }
            let sorted = keywords.filter { !$0.isEmpty }.sorted { $0.count > $1.count }
            twgs.append(TWG(id: id, keywords: sorted.map { $0.split(separator: " ").map(String.init) }))
        }
        return GazetteerRecognizer(gazetteer: Gazetteer(entries), payloads: payloads, twgs: twgs)
    }

    /// "Sức khỏe sinh sản" -> "suc khoe sinh san".
    static func foldedPhrase(_ s: String) -> String {
        Folding.fold(s).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
    }

    /// Lowercase letters and digits with official tone placement: what "the same name as
    /// written" means when diacritics are present.
    static func comparable(_ s: String) -> String {
        let toned = TonePlacement.apply(s.precomposedStringWithCanonicalMapping, style: .official)
        return String(String.UnicodeScalarView(toned.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) }))
    }

    static let ukContext = ["hoang gia", "vuong quoc", "nuoc", "lien hiep", "tieng"]

    public func recognize(_ p: UnsafeBufferPointer<UInt8>, into matches: inout [Match]) {
        // Text written with diacritics anywhere must match names with their diacritics.
        var nonASCII = 0
        for b in p where b >= 0xC3 { nonASCII += 1 }
        let withDiacritics = nonASCII * 100 > p.count

        var comparableCache: [String: String] = [:]
        for hit in gazetteer.hits(in: p) {
            let written = String(decoding: UnsafeBufferPointer(rebasing: p[hit.start..<hit.end]), as: UTF8.self)
            guard let first = written.unicodeScalars.first, first.properties.isUppercase || first.properties.numericType != nil else { continue }
            let hasMarks = written.utf8.contains { $0 >= 0xC3 }
            let writtenComparable: String
            if let cached = comparableCache[written] {
                writtenComparable = cached
            } else {
                writtenComparable = Self.comparable(written)
                comparableCache[written] = writtenComparable
            }
            var seen: [(EntityType, Int)] = []
            for e in hit.entries {
                let entry = gazetteer.entries[e]
                if acronyms[e] {
                    guard Self.sameWithoutSpaces(UnsafeBufferPointer(rebasing: p[hit.start..<hit.end]), acronymBytes[e]) else { continue }
                } else if withDiacritics || hasMarks {
                    guard writtenComparable == comparableNames[e] else { continue }
                }
                let match: Match
                let value = values[entry.payload]
                switch payloads[entry.payload] {
                case .province:
                    let start = afterLocalityWord(p, hit.start, hit.end)
                    match = Match(.province, start, hit.end, value, rule: "gazetteer")
                case .country:
                    let start = afterStateForm(p, hit.start, hit.end)
                    if start == hit.start && isOneWord(written) && !standsAlone(p, hit.start, hit.end) { continue }
                    match = Match(.country, start, hit.end, value, rule: start == hit.start ? "gazetteer" : "state-form")
                case .partner:
                    match = Match(.partner, hit.start, hit.end, value, rule: "gazetteer")
                case .twg:
                    match = Match(.twg, hit.start, hit.end, value, rule: "acronym")
                case .contextualCountry:
                    guard precededBy(Self.ukContext, p, hit.start) else { continue }
                    match = Match(.country, hit.start, hit.end, value, rule: "context")
                }
                // One match per type and value: the same value may come from several payloads
                // (a province and its variants), so compare values where the payloads differ.
                if !seen.contains(where: { $0.0 == match.type && ($0.1 == entry.payload || values[$0.1] == value) }) {
                    seen.append((match.type, entry.payload))
                    matches.append(match)
                }
            }
        }
        recognizeTWGPhrases(p, into: &matches)
        joinBracketedAcronyms(p, &matches)
    }

    /// "Tổ chức Y tế thế giới (WHO)" is one partner: a name followed by the same partner's
    /// acronym in brackets becomes one match covering both.
    func joinBracketedAcronyms(_ p: UnsafeBufferPointer<UInt8>, _ matches: inout [Match]) {
        let partners = matches.indices.filter { matches[$0].type == .partner }
        var byStart: [Int: Int] = [:]
        for k in partners { byStart[matches[k].start] = k }
        var drop = Set<Int>()
        for k in partners {
            let m = matches[k]
            let open = UTF8Text.skipSpaces(p, from: m.end)
            guard open < p.count, p[open] == UInt8(ascii: "("), let inner = byStart[open + 1], inner != k,
                  matches[inner].value == m.value, matches[inner].end < p.count, p[matches[inner].end] == UInt8(ascii: ")") else { continue }
            matches[k].end = matches[inner].end + 1
            matches[k].rule = "name-acronym"
            drop.insert(inner)
        }
        if !drop.isEmpty {
            matches = matches.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
        }
    }

    /// Words naming the kind of unit ("TP. ", "Thành phố ", "Tỉnh ") stay outside a province's
    /// span; an abbreviation written as one token ("TP.HCM") keeps them.
    static let localityWords: [[String]] = [["thanh", "pho"], ["tinh"], ["tp"]]

    func afterLocalityWord(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard p[start] | 0x20 == UInt8(ascii: "t") else { return start }  // all start with t
        for word in Self.localityWords {
            guard var e = UTF8Text.matchFolded(p, at: start, words: word) else { continue }
            if e < end && p[e] == UInt8(ascii: ".") { e += 1 }
            let next = UTF8Text.skipSpaces(p, from: e)
            if next > e && next < end { return next }
        }
        return start
    }

    /// Words that name a state's form rather than the country; a country's span leaves them out
    /// ("Cộng hòa Séc" -> "Séc", "Vương quốc Anh" -> "Anh"). Folded, longest first.
    static let stateForms: [[String]] = [
        "cong hoa xa hoi chu nghia", "cong hoa dan chu nhan dan", "cong hoa nhan dan", "cong hoa lien bang",
        "cong hoa hoi giao", "cong hoa dan chu", "cong hoa", "vuong quoc", "lien bang", "hop chung quoc", "dai cong quoc", "cong quoc",
    ].map { $0.split(separator: " ").map(String.init) }
    static let stateFormFirstWords = Set(stateForms.compactMap(\.first))

    /// Where the country's own name starts once a leading state form is left out.
    func afterStateForm(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        // Every state form starts with C, V, L, H or Đ (0xC4 0x90): skip the rest at once.
        switch p[start] | 0x20 {
        case UInt8(ascii: "c"), UInt8(ascii: "v"), UInt8(ascii: "l"), UInt8(ascii: "h"): break
        default: if p[start] != 0xC4 { return start }
        }
        guard let first = UTF8Text.foldedWord(p, at: start), Self.stateFormFirstWords.contains(first.key) else { return start }
        for form in Self.stateForms {
            if let e = UTF8Text.matchFolded(p, at: start, words: form) {
                let next = UTF8Text.skipSpaces(p, from: e)
                if next > e && next < end { return next }
            }
        }
        return start
    }

    /// A name of one syllable ("Đức", "Pháp", "Mỹ", "Lào"): such names are also parts of other
    /// names (Việt Đức, Đức Giang, Phú Mỹ, Lào Cai) and of words (Pháp lệnh).
    func isOneWord(_ written: String) -> Bool {
        !written.contains(" ") && !written.contains("-") && written.unicodeScalars.count <= 5
    }

    /// Compounds in which a one-word country name is a word, not the country (folded).
    static let compounds: [String: Set<String>] = [
        "phap": ["lenh", "luat", "ly", "che", "nhan", "dinh", "quy", "y", "su"],
        "my": ["pham", "thuat", "man", "vi"],
        "duc": ["tin", "tinh", "hanh", "do"],
        "nga": ["ba", "nghieng"],
        "an": ["do"],
    ]

    /// Whether a one-word name stands alone: no capitalised word directly before or after it
    /// (that would make it part of a longer name), and not the head of a known compound.
    func standsAlone(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        // The word after.
        let after = UTF8Text.skipSpaces(p, from: end)
        if after > end, let (v, _) = UTF8Text.scalar(p, at: after), UTF8Text.isLetter(v) {
            if let s = Unicode.Scalar(v), s.properties.isUppercase { return false }
            let name = Self.foldedPhrase(String(decoding: UnsafeBufferPointer(rebasing: p[start..<end]), as: UTF8.self))
            if let next = UTF8Text.foldedWord(p, at: after), Self.compounds[name]?.contains(next.key) == true { return false }
        }
        // The word before: find its first letter.
        var j = start
        while j > 0, p[j - 1] == 0x20 { j -= 1 }
        guard j < start, j > 0 else { return true }
        var k = j
        while let prev = UTF8Text.previousStart(p, before: k), let (v, _) = UTF8Text.scalar(p, at: prev), UTF8Text.isLetter(v) { k = prev }
        guard k < j, let (v, _) = UTF8Text.scalar(p, at: k), let s = Unicode.Scalar(v) else { return true }
        // A capitalised word before joins the name, unless it starts a sentence-like context such
        // as "Cộng hòa", "Vương quốc", "Hoàng gia", "Chính phủ", "Đại sứ", "Tổng thống".
        if s.properties.isUppercase {
            let word = Self.foldedPhrase(String(decoding: UnsafeBufferPointer(rebasing: p[k..<j]), as: UTF8.self))
            return Self.capitalisedContext.contains(word)
        }
        return true
    }

    static let capitalisedContext: Set<String> = ["nuoc", "tai", "voi", "va", "cua", "sang", "den", "tu", "o", "giua", "phia"]

    /// Whether one of the folded phrases ends just before `start` (a space between).
    func precededBy(_ phrases: [String], _ p: UnsafeBufferPointer<UInt8>, _ start: Int) -> Bool {
        let from = max(0, start - 48)
        var lead = from
        while lead < start && p[lead] & 0xC0 == 0x80 { lead += 1 }
        let before = Self.foldedPhrase(String(decoding: UnsafeBufferPointer(rebasing: p[lead..<start]), as: UTF8.self))
        return phrases.contains { before == $0 || before.hasSuffix(" " + $0) }
    }

    /// "NKT về Sức khỏe sinh sản (RHAG)", "Nhóm kỹ thuật về Dinh dưỡng".
    func recognizeTWGPhrases(_ p: UnsafeBufferPointer<UInt8>, into matches: inout [Match]) {
        let n = p.count
        var i = 0
        while i < n {
            let b = p[i]
            guard b | 0x20 == UInt8(ascii: "n"), i + 3 < n, p[i + 1] == UInt8(ascii: "K") || p[i + 1] | 0x20 == UInt8(ascii: "h"),
                  UTF8Text.boundaryBefore(p, i) else { i += 1; continue }
            var afterHead: Int? = nil
            if p[i + 1] == UInt8(ascii: "K"), p[i + 2] == UInt8(ascii: "T"), UTF8Text.boundaryAfter(p, i + 3) {
                afterHead = i + 3
            } else if p[i + 1] | 0x20 == UInt8(ascii: "h"), let end = UTF8Text.matchFolded(p, at: i, "nhom ky thuat") {
                afterHead = end
            }
            guard let head = afterHead else { i += 1; continue }
            var j = UTF8Text.skipSpaces(p, from: head)
            guard let afterVe = UTF8Text.matchFolded(p, at: j, "ve") else { i = head; continue }
            j = UTF8Text.skipSpaces(p, from: afterVe)
            var found: (id: String, end: Int)? = nil
            for twg in twgs {
                for keyword in twg.keywords {
                    if let end = UTF8Text.matchFolded(p, at: j, words: keyword), UTF8Text.boundaryAfter(p, end) {
                        if found == nil || end > found?.end ?? 0 { found = (twg.id, end) }
                    }
                }
            }
            guard let (id, topicEnd) = found else { i = head; continue }
            var end = topicEnd
            // The group's acronym in brackets joins the span: "(RHAG)". Other bracketed notes
            // ("(bao gồm Bảo hiểm y tế)") do not.
            let k = UTF8Text.skipSpaces(p, from: end)
            let acronym = Array(id.utf8)
            if k + acronym.count + 1 < n, p[k] == UInt8(ascii: "("),
               Array(p[(k + 1)..<(k + 1 + acronym.count)]) == acronym, p[k + 1 + acronym.count] == UInt8(ascii: ")") {
                end = k + acronym.count + 2
            }
            matches.append(Match(.twg, i, end, twgValues[id] ?? .object([.init("id", .string(id))]), rule: "nkt-topic"))
            i = end
        }
    }
}
