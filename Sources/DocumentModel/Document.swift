/// The one value that flows through every vndoc stage.
///
/// A reader fills `source` and `text`, the normaliser rewrites `text`, the segmenter adds
/// `blocks`, later stages add `entities`; any stage may append `warnings`. All offsets
/// (`Block.start`, `Entity.end`, …) count Unicode scalars of `text` and are half-open, so that
/// in Python `doc["text"][start:end]` is the span.
public struct Document: Sendable, Equatable {
    public var source: Source
    public var text: String
    public var blocks: [Block]
    public var entities: [Entity]
    public var warnings: [Warning]

    public init(
        source: Source,
        text: String = "",
        blocks: [Block] = [],
        entities: [Entity] = [],
        warnings: [Warning] = []
    ) {
        self.source = source
        self.text = text
        self.blocks = blocks
        self.entities = entities
        self.warnings = warnings
    }

    /// Number of Unicode scalars in `text`: the exclusive upper bound for every offset.
    public var scalarCount: Int {
        var copy = text
        return copy.withUTF8 { Self.scalarCount($0) }
    }

    /// Unicode scalars in well-formed UTF-8: the bytes minus the continuation bytes (10xxxxxx),
    /// counted eight bytes at a time.
    public static func scalarCount(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = p.baseAddress else { return 0 }
        let n = p.count
        var continuation = 0
        var i = 0
        let high: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            // Bit 7 set and bit 6 clear in a byte marks a continuation byte.
            continuation += (x & high & ~(x << 1)).nonzeroBitCount
            i += 8
        }
        while i < n {
            if p[i] & 0xC0 == 0x80 { continuation += 1 }
            i += 1
        }
        return n - continuation
    }

    /// The text of a half-open scalar range, e.g. a block's or an entity's span.
    public func slice(_ start: Int, _ end: Int) -> Substring {
        let scalars = text.unicodeScalars
        let lower = scalars.index(scalars.startIndex, offsetBy: start)
        let upper = scalars.index(lower, offsetBy: end - start)
        return Substring(scalars[lower..<upper])
    }

    /// Checks the invariants every stage must keep: spans inside the text, blocks in order and
    /// not overlapping, entities covering exactly their `text`. Returns the first violation.
    public func contractViolation() -> String? {
        // Nothing points into the text yet (after a reader or the normaliser): nothing to check.
        guard !blocks.isEmpty || !entities.isEmpty else { return nil }
        let count = scalarCount
        var previousEnd = 0
        for (i, block) in blocks.enumerated() {
            if block.start < 0 || block.end > count || block.start > block.end {
                return "block \(i) spans \(block.start)..<\(block.end) outside the text (0..<\(count))"
            }
            if block.start < previousEnd {
                return "block \(i) starts at \(block.start), before the previous block ends (\(previousEnd))"
            }
            previousEnd = block.end
        }
        // Entities checked in order of their start, walking the text once (slicing from the
        // start for each entity would be quadratic on long texts).
        let order = entities.indices.sorted { entities[$0].start < entities[$1].start }
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var offset = 0
        for i in order {
            let entity = entities[i]
            if entity.start < 0 || entity.end > count || entity.start > entity.end {
                return "entity \(i) spans \(entity.start)..<\(entity.end) outside the text (0..<\(count))"
            }
            index = scalars.index(index, offsetBy: entity.start - offset)
            offset = entity.start
            let end = scalars.index(index, offsetBy: entity.end - entity.start)
            if !scalars[index..<end].elementsEqual(entity.text.unicodeScalars) {
                return "entity \(i) text \"\(entity.text)\" differs from the text at \(entity.start)..<\(entity.end)"
            }
        }
        return nil
    }
}
