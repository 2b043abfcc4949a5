/// A fatal problem with one input: that document fails, the rest of a batch goes on.
///
/// The description is one line that names the file, the stage and the reason:
/// `Corpus/x.txt: read: not valid UTF-8 and not Vietnamese in Windows-1258 (byte 0x81 at offset 12)`.
public struct DocumentError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable, Equatable, CaseIterable {
        case notFound = "not-found"
        case isDirectory = "is-directory"
        case unreadable
        case empty
        case tooLarge = "too-large"
        case binary
        case undecodable
        case unsupportedFormat = "unsupported-format"
        /// A file of a known format that is broken: a truncated ZIP, a missing part, XML that does not parse.
        case malformed
        /// A file refused by a safety limit: uncompressed size, compression ratio, ZIP entries,
        /// XML depth, a DTD in an OOXML part.
        case limitExceeded = "limit-exceeded"
        case contract
        case stageFailed = "stage-failed"
    }

    public var code: Code
    public var path: String
    public var stage: String
    public var reason: String

    public init(_ code: Code, path: String, stage: String, reason: String) {
        self.code = code
        self.path = path
        self.stage = stage
        self.reason = reason
    }

    public var description: String { "\(path): \(stage): \(reason)" }
}
