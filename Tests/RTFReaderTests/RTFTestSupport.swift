import DocumentModel
import Ingest
import RTFReader
import Testing

/// Reading helpers shared by the RTF reader tests.
enum RTF {
    static func read(_ rtf: String, _ options: RTFReadOptions = RTFReadOptions()) throws(DocumentError) -> Document {
        try read(Array(rtf.utf8), options)
    }

    static func read(_ bytes: [UInt8], _ options: RTFReadOptions = RTFReadOptions()) throws(DocumentError) -> Document {
        try RTFReader.read(InputFile(path: "test.rtf", bytes: bytes), options: options)
    }

    /// The text of each block, in order.
    static func blockTexts(_ document: Document) -> [String] {
        document.blocks.map { String(document.slice($0.start, $0.end)) }
    }

    /// A document with the usual preamble: Times New Roman (f0, ANSI), .VnTime (f1, ANSI),
    /// VNI-Times (f2, ANSI), Times New Roman in the Vietnamese charset (f3, 163).
    static func document(_ body: String, extra: String = "") -> String {
        """
        {\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fswiss\\fcharset0{\\*\\panose 020b7200000000000000} .VnTime;}\
        {\\f2\\fcharset0 VNI-Times{\\*\\falt VNI Times};}{\\f3\\fcharset163 Times New Roman (Vietnamese);}}\
        {\\colortbl;\\red0\\green0\\blue0;}{\\stylesheet{\\s0 Normal;}}\(extra)
        \(body)}
        """
    }

    static func failure(_ bytes: [UInt8], _ options: RTFReadOptions = RTFReadOptions()) -> DocumentError? {
        do {
            _ = try read(bytes, options)
            return nil
        } catch {
            return error
        }
    }

    static func expectFailure(_ bytes: [UInt8], _ options: RTFReadOptions = RTFReadOptions(), code: DocumentError.Code,
                              mentions: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let error = failure(bytes, options)
        #expect(error?.code == code, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.reason.contains(mentions) == true, "\(String(describing: error))", sourceLocation: sourceLocation)
        #expect(error?.stage == "read" && error?.path == "test.rtf", sourceLocation: sourceLocation)
    }
}
