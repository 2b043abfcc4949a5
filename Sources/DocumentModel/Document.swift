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
    /// Facts about the document as a whole, in the order found: a web page's `title`, a Word
    /// file's `title`, `creator`, `created`, `modified` (docProps/core.xml), ….
    public var metadata: [JSONValue.Member]
    /// What kind of document this is ("plan", "questionnaire", …) and the rule that decided it;
    /// set by the `structure` stage.
    public var kind: String?
    public var kindRule: String?
    /// Records found in the document, by name ("questionnaire", "news", "twgs"), in that order.
    public var records: [JSONValue.Member]

    public init(
        source: Source,
        text: String = "",
        blocks: [Block] = [],
        entities: [Entity] = [],
        warnings: [Warning] = [],
        metadata: [JSONValue.Member] = [],
        kind: String? = nil,
        kindRule: String? = nil,
        records: [JSONValue.Member] = []
    ) {
        self.source = source
        self.text = text
        self.blocks = blocks
        self.entities = entities
        self.warnings = warnings
        self.metadata = metadata
        self.kind = kind
        self.kindRule = kindRule
        self.records = records
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

    /// The byte offset `scalars` Unicode scalars after the scalar that starts at byte `from`
    /// (the end of the text if it has fewer), skipping eight bytes at a time while far off.
    public static func byteOffset(_ p: UnsafeBufferPointer<UInt8>, from: Int, scalars: Int) -> Int {
        guard let base = p.baseAddress else { return 0 }
        let n = p.count
        var i = max(from, 0)
        var remaining = scalars
        let high: UInt64 = 0x8080_8080_8080_8080
        // A word holds at most eight scalar starts, so while more than eight remain it is passed whole.
        while remaining > 8 && i + 8 <= n {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            remaining -= 8 - (x & high & ~(x << 1)).nonzeroBitCount
            i += 8
        }
        while i < n {
            if base[i] & 0xC0 != 0x80 {
                if remaining <= 0 { break }
                remaining -= 1
            }
            i += 1
        }
        return i
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
        // Entities checked in order of their start (the entity stage writes them so), walking the
        // text's bytes once: slicing from the start for each entity would be quadratic.
        var inOrder = true
        for i in entities.indices.dropFirst() where entities[i].start < entities[i - 1].start { inOrder = false; break }
        let order = inOrder ? Array(entities.indices) : entities.indices.sorted { entities[$0].start < entities[$1].start }
        var text = self.text
        return text.withUTF8 { bytes -> String? in
            var byte = 0
            var offset = 0
            for i in order {
                let entity = entities[i]
                if entity.start < 0 || entity.end > count || entity.start > entity.end {
                    return "entity \(i) spans \(entity.start)..<\(entity.end) outside the text (0..<\(count))"
                }
                byte = Self.byteOffset(bytes, from: byte, scalars: entity.start - offset)
                offset = entity.start
                var written = entity.text
                let same = written.withUTF8 { w in
                    byte + w.count <= bytes.count && Self.scalarCount(w) == entity.end - entity.start
                        && w.elementsEqual(UnsafeBufferPointer(rebasing: bytes[byte..<byte + w.count]))
                }
                if !same {
                    return "entity \(i) text \"\(entity.text)\" differs from the text at \(entity.start)..<\(entity.end)"
                }
            }
            return nil
        }
    }
}
