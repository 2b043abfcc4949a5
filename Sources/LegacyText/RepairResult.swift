public import DocumentModel

/// What `LegacyRepair.repair` did to a text.
public struct RepairResult: Sendable, Equatable {
    /// The text with its legacy paragraphs decoded (the input itself when nothing was repaired).
    public var text: String
    /// "windows-1252→tcvn3 repaired" (or →vni, →viscii, →vps, →windows-1258) when the repaired
    /// paragraphs all came from one encoding, "mixed" when they came from several, nil when
    /// nothing was repaired.
    public var encoding: String?
    /// The encodings repaired paragraphs were decoded from, the most used first.
    public var encodings: [LegacyEncoding]
    /// Paragraphs (lines) decoded.
    public var repairedParagraphs: Int
    /// Paragraphs (lines) in the text.
    public var paragraphs: Int
    /// Share of the words in the repaired paragraphs that are Vietnamese syllables after the
    /// repair (0 when nothing was repaired).
    public var confidence: Double
    /// True when the repair rests on little or weak evidence and a person should check it:
    /// fewer than `RepairResult.minimumWords` words, or a confidence below
    /// `RepairResult.minimumConfidence`.
    public var lowConfidence: Bool

    /// Below this many words in the repaired paragraphs a repair is flagged low-confidence.
    public static let minimumWords = 8
    /// Below this syllable share a repair is flagged low-confidence.
    public static let minimumConfidence = 0.8

    /// Whether anything was repaired.
    public var changed: Bool { repairedParagraphs > 0 }

    public init(text: String, encoding: String? = nil, encodings: [LegacyEncoding] = [], repairedParagraphs: Int = 0,
                paragraphs: Int = 0, confidence: Double = 0, lowConfidence: Bool = false) {
        self.text = text
        self.encoding = encoding
        self.encodings = encodings
        self.repairedParagraphs = repairedParagraphs
        self.paragraphs = paragraphs
        self.confidence = confidence
        self.lowConfidence = lowConfidence
    }

    /// The label of a repair from one encoding, e.g. "windows-1252→tcvn3 repaired".
    public static func label(_ encoding: LegacyEncoding) -> String { "windows-1252→\(encoding.rawValue) repaired" }

    /// A warning for the document when something was repaired (code "legacy-text-repaired", or
    /// "legacy-text-repaired-low-confidence"), nil otherwise.
    public func warning(stage: String) -> Warning? {
        guard changed else { return nil }
        let names = encodings.map(\.rawValue).joined(separator: ", ")
        let percent = Int((confidence * 100).rounded())
        var message = "Decoded \(repairedParagraphs) of \(paragraphs) paragraphs from legacy Vietnamese (\(names)) read as Windows-1252; "
            + "\(percent)% of their words are Vietnamese syllables after the repair."
        if lowConfidence { message += " Little evidence: check the text against the original." }
        return Warning(stage: stage, code: lowConfidence ? "legacy-text-repaired-low-confidence" : "legacy-text-repaired", message: message)
    }
}
