public import DocumentModel
import Foundation
import VietnameseText

/// One input: its path as the user gave it and its bytes.
public struct InputFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// Reads a file, refusing what is not a readable regular file or is larger than `maxBytes`.
    public static func load(path: String, maxBytes: Int) throws(DocumentError) -> InputFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DocumentError(.notFound, path: path, stage: "read", reason: "no such file")
        }
        if isDirectory.boolValue {
            throw DocumentError(.isDirectory, path: path, stage: "read", reason: "is a directory, not a file (give it to `vndoc run` to process what is inside)")
        }
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw DocumentError(.unreadable, path: path, stage: "read", reason: "cannot read its attributes: \(error.localizedDescription)")
        }
        if size > maxBytes {
            throw DocumentError(.tooLarge, path: path, stage: "read", reason: "\(size) bytes is more than the limit of \(maxBytes) (raise read.max_bytes in the pipeline)")
        }
        // Read straight into the byte array (no Data copy), at most one byte past the limit in
        // case the file grew since it was measured.
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw DocumentError(.unreadable, path: path, stage: "read", reason: "cannot be opened for reading: \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: min(size, maxBytes) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > maxBytes { break }
                bytes.append(contentsOf: [UInt8](repeating: 0, count: min(bytes.count, maxBytes + 1 - count)))
            }
            let n = bytes.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress.map { $0 + count }, raw.count - count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw DocumentError(.unreadable, path: path, stage: "read", reason: "read failed: \(String(cString: strerror(errno)))")
            }
            if n == 0 { break }
            count += n
        }
        if count > maxBytes {
            throw DocumentError(.tooLarge, path: path, stage: "read", reason: "more than the limit of \(maxBytes) bytes (raise read.max_bytes in the pipeline)")
        }
        bytes.removeLast(bytes.count - count)
        return InputFile(path: path, bytes: bytes)
    }
}

/// The plain-text reader: fills `source` and `text` (decoded, LF line ends, not yet normalised).
public enum TextReader {
    public static func read(_ input: InputFile, encoding: TextEncoding = .auto) throws(DocumentError) -> Document {
        let bytes = input.bytes
        var source = Source(path: input.path, format: .text, encoding: nil, bytes: bytes.count, sha256: SHA256.hex(bytes))
        if bytes.isEmpty {
            throw DocumentError(.empty, path: input.path, stage: "read", reason: "empty file (0 bytes)")
        }
        switch Sniffer.sniff(bytes) {
        case .unsupported(let name):
            throw DocumentError(.unsupportedFormat, path: input.path, stage: "read", reason: "unsupported format: \(name)")
        case .doc, .rtf, .docx:
            // The read stage sends these to their own readers; as text they would be garbage.
            let sniffed = Sniffer.sniff(bytes)
            let name = sniffed == .doc ? "OLE2 compound file (Word 97-2003 .doc)" : sniffed == .rtf ? "RTF" : "DOCX"
            throw DocumentError(.unsupportedFormat, path: input.path, stage: "read", reason: "unsupported format: \(name) as plain text (the read stage reads it with its own reader)")
        case .text, .html:
            break
        }
        let decoded: DecodedText
        do {
            decoded = try TextDecoding.decode(bytes, encoding: encoding)
        } catch {
            throw DocumentError(error.code, path: input.path, stage: "read", reason: error.reason)
        }
        source.encoding = decoded.encoding
        var document = Document(source: source, text: String(decoding: decoded.utf8, as: UTF8.self), warnings: decoded.warnings)
        if !decoded.utf8.contains(where: { $0 > 0x20 }) {
            document.warnings.append(Warning(stage: "read", code: "whitespace-only", message: "the file holds only whitespace: the document has no text"))
        }
        return document
    }
}
