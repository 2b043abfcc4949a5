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
        // Per type, in order of start (longer first at the same start; the recognisers' order
        // breaks ties): an overlapping match replaces the one kept before it only when longer.
        let order = matches.indices.filter { matches[$0].start < matches[$0].end && matches[$0].end <= bytes.count }
            .sorted { a, b in
                let x = matches[a], y = matches[b]
                if x.type != y.type { return x.type < y.type }
                if x.start != y.start { return x.start < y.start }
                if x.end - x.start != y.end - y.start { return x.end - x.start > y.end - y.start }
                return a < b
            }
        var kept: [Match] = []
        kept.reserveCapacity(order.count)
        for k in order {
            let m = matches[k]
            if let last = kept.last, last.type == m.type, m.start < last.end {
                if m.end - m.start > last.end - last.start { kept[kept.count - 1] = m }
                continue
            }
            kept.append(m)
        }
        kept.sort { ($0.start, $0.end, $0.type.rawValue) < ($1.start, $1.end, $1.type.rawValue) }

        // Byte offsets -> scalar offsets: every start and end, sorted, counted in one walk.
        var points: [(byte: Int, slot: Int)] = []
        points.reserveCapacity(kept.count * 2)
        for (k, m) in kept.enumerated() {
            points.append((m.start, 2 * k))
            points.append((m.end, 2 * k + 1))
        }
        points.sort { $0.byte < $1.byte }
        var scalarOffsets = [Int](repeating: 0, count: kept.count * 2)
        var byte = 0, scalar = 0
        for point in points {
            if point.byte > byte {
                scalar += Document.scalarCount(UnsafeBufferPointer(rebasing: bytes[byte..<point.byte]))
                byte = point.byte
            }
            scalarOffsets[point.slot] = scalar
        }
        return kept.enumerated().map { k, m in
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[m.start..<m.end]), as: UTF8.self)
            return Entity(type: m.type.rawValue, text: text, start: scalarOffsets[2 * k], end: scalarOffsets[2 * k + 1], value: m.value, rule: m.rule)
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
