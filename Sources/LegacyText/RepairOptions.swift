/// Choices for `LegacyRepair.repair`.
public struct RepairOptions: Sendable, Equatable {
    /// The encodings tried, in order of preference on a tie.
    public var candidates: [LegacyEncoding]
    /// Whether TCVN3 headings typed under an all-capital font are upper-cased: a word whose
    /// ASCII letters are all capitals (at least two) is upper-cased whole, so `QUYÕT` becomes
    /// `QUYẾT` rather than `QUYếT` (TCVN3 has no codes for toned capitals).
    public var inferCapitals: Bool

    public init(candidates: [LegacyEncoding] = LegacyEncoding.byteEncodings, inferCapitals: Bool = true) {
        self.candidates = candidates.filter { $0 != .viqr }
        self.inferCapitals = inferCapitals
    }
}
