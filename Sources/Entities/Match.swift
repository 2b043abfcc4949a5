public import DocumentModel

/// Entity types vndoc recognises (the `type` field of an entity).
public enum EntityType: String, Sendable, CaseIterable, Comparable {
    case date, period, money, province, twg, partner, country, organization, person
    case documentRef = "document-ref"
    case email, phone, url

    public static func < (a: EntityType, b: EntityType) -> Bool { a.rawValue < b.rawValue }
}

/// A match found by a recogniser, in UTF-8 byte offsets of the text (half-open). The entity
/// stage turns byte offsets into Unicode-scalar offsets in one pass for all matches.
public struct Match: Sendable, Equatable {
    public var type: EntityType
    public var start: Int
    public var end: Int
    public var value: JSONValue
    public var rule: String

    public init(_ type: EntityType, _ start: Int, _ end: Int, _ value: JSONValue, rule: String) {
        self.type = type
        self.start = start
        self.end = end
        self.value = value
        self.rule = rule
    }
}

/// Finds entities of some types in normalised text (NFC, official tone placement, LF).
/// Recognisers scan UTF-8 bytes; they are values, built once and shared across documents.
public protocol Recognizer: Sendable {
    /// The types this recogniser can produce.
    var types: Set<EntityType> { get }
    /// Appends the matches found in `text` (UTF-8 bytes) to `matches`.
    func recognize(_ text: UnsafeBufferPointer<UInt8>, into matches: inout [Match])
}
