public import DocumentModel

/// Runs recognisers over a document's text and turns their byte-offset matches into entities:
/// within one type, overlapping matches give way to the longest (then the earliest); offsets
/// become Unicode-scalar offsets in one pass over the text; `text` is the exact span.
public struct EntityRecognizer: Sendable {
    public let recognizers: [any Recognizer]
    /// Types to keep (all when nil).
    public let types: Set<EntityType>?

    public init(recognizers: [any Recognizer], types: Set<EntityType>? = nil) {
        self.recognizers = recognizers
        self.types = types
    }

    public func entities(in text: String) -> [Entity] {
        var text = text
        return text.withUTF8 { bytes in
            var matches: [Match] = []
            for r in recognizers where types.map({ !$0.isDisjoint(with: r.types) }) ?? true {
                r.recognize(bytes, into: &matches)
            }
            if let types { matches.removeAll { !types.contains($0.type) } }
            return Self.resolve(matches, in: bytes)
        }
    }

    /// Longest match wins within a type; the survivors in text order, with scalar offsets.
    static func resolve(_ matches: [Match], in bytes: UnsafeBufferPointer<UInt8>) -> [Entity] {
        // Per type, in order of start (longer first at the same start): an overlapping match
        // replaces the one kept before it only when it is longer.
        var kept: [Match] = []
        let byType = Dictionary(grouping: matches.filter { $0.start < $0.end && $0.end <= bytes.count }, by: \.type)
        for type in byType.keys.sorted() {
            let candidates = (byType[type] ?? []).sorted { ($0.start, $1.end - $1.start) < ($1.start, $0.end - $0.start) }
            var chosen: [Match] = []
            for m in candidates {
                if let last = chosen.last, m.start < last.end {
                    if m.end - m.start > last.end - last.start { chosen[chosen.count - 1] = m }
                } else {
                    chosen.append(m)
                }
            }
            kept.append(contentsOf: chosen)
        }
        kept.sort { ($0.start, $0.end, $0.type.rawValue) < ($1.start, $1.end, $1.type.rawValue) }

        // Byte offsets -> scalar offsets, walking the text once.
        var offsets = Set<Int>()
        for m in kept { offsets.insert(m.start); offsets.insert(m.end) }
        var scalarAt: [Int: Int] = [:]
        var scalar = 0
        let sorted = offsets.sorted()
        var next = 0
        for i in 0...bytes.count {
            while next < sorted.count && sorted[next] == i { scalarAt[i] = scalar; next += 1 }
            if next == sorted.count { break }
            if i < bytes.count && bytes[i] & 0xC0 != 0x80 { scalar += 1 }
        }
        return kept.compactMap { m in
            guard let s = scalarAt[m.start], let e = scalarAt[m.end] else { return nil }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[m.start..<m.end]), as: UTF8.self)
            return Entity(type: m.type.rawValue, text: text, start: s, end: e, value: m.value, rule: m.rule)
        }
    }
}

extension EntityRecognizer {
    /// Every recogniser vndoc has, built once from the package's data files (the gazetteers are
    /// shared by every document and every thread).
    public static func standard() throws -> EntityRecognizer {
        try cachedStandard.get()
    }

    private static let cachedStandard: Result<EntityRecognizer, any Error> = Result {
        EntityRecognizer(recognizers: [
            try GazetteerRecognizer.load(), DateRecognizer(), MoneyRecognizer(), DocumentRefRecognizer(), ContactRecognizer(),
            try OrganizationRecognizer.load(), try PersonRecognizer.load(),
        ])
    }
}
