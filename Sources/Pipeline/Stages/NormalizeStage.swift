public import DocumentModel
public import VietnameseText

/// `normalize`: NFC through ICU, consistent tone-mark placement, uniform whitespace.
public struct NormalizeStage: Stage {
    public static let name = "normalize"
    public static let summary = "NFC (ICU), tone marks placed consistently, whitespace made uniform"
    public static let options = [
        OptionSpec("tones", "official (hòa, khỏe, thủy; default), main-vowel (hoà, khoẻ, thuỷ) or keep"),
        OptionSpec("whitespace", "make spaces and line ends uniform (default true)"),
    ]
    public static let requires: Set<Capability> = [.text]
    public static let provides: Set<Capability> = [.normalizedText]

    /// `keep` leaves tone marks where they are written.
    public enum Tones: String, Sendable, CaseIterable {
        case official
        case mainVowel = "main-vowel"
        case keep

        /// The placement to apply, nil to leave tone marks as written.
        public var style: ToneStyle? {
            switch self {
            case .official: .official
            case .mainVowel: .mainVowel
            case .keep: nil
            }
        }
    }

    public let normalization: NormalizationOptions

    public init(options: StageOptions) throws(PipelineError) {
        let tones = try options.choice("tones", default: Tones.official)
        normalization = NormalizationOptions(tones: tones.style, whitespace: try options.bool("whitespace", default: true))
    }

    public func process(_ document: inout Document, context: StageContext) throws(DocumentError) {
        document.text = VietnameseNormalizer.normalize(document.text, options: normalization)
    }
}
