import DOCReader
import DocumentModel
import Ingest
import Testing

/// Reading helpers shared by the DOC reader tests.
enum DOC {
    static func read(_ bytes: [UInt8], _ options: DOCReadOptions = DOCReadOptions()) throws(DocumentError) -> Document {
        try DOCReader.read(InputFile(path: "test.doc", bytes: bytes), options: options)
    }

    static func read(_ builder: WordDocumentBuilder, _ options: DOCReadOptions = DOCReadOptions()) throws(DocumentError) -> Document {
        try read(builder.make().bytes, options)
    }

    /// The text of each block, in order.
    static func blockTexts(_ document: Document) -> [String] {
        document.blocks.map { String(document.slice($0.start, $0.end)) }
    }

    /// The error a read throws, or nil when it succeeds.
    static func failure(_ bytes: [UInt8], _ options: DOCReadOptions = DOCReadOptions()) -> DocumentError? {
        do {
            _ = try read(bytes, options)
            return nil
        } catch {
            return error
        }
    }

    static func expectFailure(_ bytes: [UInt8], _ options: DOCReadOptions = DOCReadOptions(), code: DocumentError.Code,
                              mentions: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = failure(bytes, options)
        #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.reason.contains(mentions) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.stage == "read" && error?.path == "test.doc", sourceLocation: sourceLocation)
    }
}
