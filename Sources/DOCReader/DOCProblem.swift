import DocumentModel

/// A problem found while reading a Word file; `DOCReader.read` turns it into a `DocumentError`
/// that names the file.
struct DOCProblem: Error {
    var code: DocumentError.Code
    var reason: String

    static func malformed(_ reason: String) -> DOCProblem { DOCProblem(code: .malformed, reason: reason) }
    static func limit(_ reason: String) -> DOCProblem { DOCProblem(code: .limitExceeded, reason: reason) }
    static func unsupported(_ reason: String) -> DOCProblem { DOCProblem(code: .unsupportedFormat, reason: reason) }
}
