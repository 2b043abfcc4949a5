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
        guard !document.blocks.isEmpty else {
            document.text = VietnameseNormalizer.normalize(document.text, options: normalization)
            return
        }
        // A reader of a structured format made blocks: each is normalised on its own so their
        // boundaries survive; preformatted text keeps its spacing. A block left empty goes.
        var text = document.text
        let blocks = document.blocks
        var rebuilt = BlockText()
        text.withUTF8 { bytes in
            var byte = 0
            var scalar = 0
            for block in blocks {
                let start = Document.byteOffset(bytes, from: byte, scalars: block.start - scalar)
                let end = Document.byteOffset(bytes, from: start, scalars: block.end - block.start)
                byte = start
                scalar = block.start
                let piece = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                var options = normalization
                if block.type == .preformatted { options.whitespace = false }
                let normalized = VietnameseNormalizer.normalize(piece, options: options)
                rebuilt.add(Self.trimmed(normalized, keepIndent: block.type == .preformatted), like: block)
            }
        }
        document.text = rebuilt.text
        document.blocks = rebuilt.blocks
    }

    /// A block's text without the blank lines and spaces at its edges (a preformatted block keeps
    /// the indentation of its first line).
    static func trimmed(_ s: String, keepIndent: Bool) -> String {
        var scalars = Substring(s).unicodeScalars[...]
        while let last = scalars.last, last.properties.isWhitespace { scalars.removeLast() }
        if keepIndent {
            while let first = scalars.first, first == "\n" || first == "\r" { scalars.removeFirst() }
        } else {
            while let first = scalars.first, first.properties.isWhitespace { scalars.removeFirst() }
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
