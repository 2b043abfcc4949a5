public import DocumentModel
public import Structure

/// `segment`: lines and paragraphs into blocks (headings, list items with levels, paragraphs).
public struct SegmentStage: Stage {
    public static let name = "segment"
    public static let summary = "split the text into headings, list items (with levels and labels) and paragraphs; refine the blocks an HTML or DOCX reader made"
    public static let options = [
        OptionSpec("join_wrapped_lines", "auto (default: join when the text is hard-wrapped), always or never"),
    ]
    public static let requires: Set<Capability> = [.text]
    public static let provides: Set<Capability> = [.blocks]

    public let segmentation: SegmentOptions

    public init(options: StageOptions) throws(PipelineError) {
        segmentation = SegmentOptions(joinWrappedLines: try options.choice("join_wrapped_lines", default: SegmentOptions.Join.auto))
    }

    public func process(_ document: inout Document, context: StageContext) throws(DocumentError) {
        if document.blocks.isEmpty {
            document.blocks = Segmenter.segment(document.text, options: segmentation)
        } else {
            // A reader of a structured format (HTML, DOCX) already made blocks.
            document.blocks = Segmenter.refine(document.blocks, text: document.text)
        }
    }
}
