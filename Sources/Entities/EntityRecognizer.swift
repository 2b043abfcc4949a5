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
        // Sorting packed integer keys keeps the matches themselves (and their references) still.
        var order: [SortKey] = []
        order.reserveCapacity(matches.count)
        for (k, m) in matches.enumerated() where m.start >= 0 && m.start < m.end && m.end <= bytes.count {
            let shorter = UInt64(UInt32.max - UInt32(clamping: m.end - m.start))
            order.append(SortKey(UInt64(m.type.order) << 56 | UInt64(m.start), shorter, k))
        }
        order.sort()
        var kept: [Int] = []
        kept.reserveCapacity(order.count)
        for key in order {
            let k = key.index
            let m = matches[k]
            if let lastIndex = kept.last {
                let last = matches[lastIndex]
                if last.type == m.type, m.start < last.end {
                    if m.end - m.start > last.end - last.start { kept[kept.count - 1] = k }
                    continue
                }
            }
            kept.append(k)
        }
        // Text order: start, then end, then type name.
        var textOrder: [SortKey] = []
        textOrder.reserveCapacity(kept.count)
        for k in kept {
            let m = matches[k]
            textOrder.append(SortKey(UInt64(m.start), UInt64(m.end) << 8 | UInt64(m.type.order), k))
        }
        textOrder.sort()

        // Byte offsets -> scalar offsets: starts counted in one walk, ends from their start.
        var entities: [Entity] = []
        entities.reserveCapacity(kept.count)
        var byte = 0, scalar = 0
        for key in textOrder {
            let m = matches[key.index]
            scalar += Document.scalarCount(UnsafeBufferPointer(rebasing: bytes[byte..<m.start]))
            byte = m.start
            let span = UnsafeBufferPointer(rebasing: bytes[m.start..<m.end])
            let text = String(decoding: span, as: UTF8.self)
            let end = scalar + Document.scalarCount(span)
            entities.append(Entity(type: m.type.rawValue, text: text, start: scalar, end: end, value: m.value, rule: m.rule))
        }
        return entities
    }
}

/// The sort key of a match: two words, then the match's index, compared in that order.
struct SortKey: Comparable {
    var high: UInt64
    var low: UInt64
    var index: Int
    init(_ high: UInt64, _ low: UInt64, _ index: Int) { self.high = high; self.low = low; self.index = index }
    @inline(__always) static func < (a: SortKey, b: SortKey) -> Bool {
        a.high != b.high ? a.high < b.high : a.low != b.low ? a.low < b.low : a.index < b.index
    }
}

extension EntityType {
    /// The rank of the type's name in alphabetical order (the tie-break in text order; a test
    /// checks it against the names).
    var order: UInt8 {
        switch self {
        case .country: 0
        case .date: 1
        case .documentRef: 2
        case .email: 3
        case .money: 4
        case .organization: 5
        case .partner: 6
        case .period: 7
        case .person: 8
        case .phone: 9
        case .province: 10
        case .twg: 11
        case .url: 12
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
