public import DocumentModel
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written whole or not at all: bytes go to a temporary file in the same directory,
/// which is renamed over the target when complete. Readers never see half a file.
public final class AtomicFile {
    public let path: String
    private let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private static let flushSize = 1 << 20

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var path: String
        public var reason: String
        public var description: String { "\(path): \(reason)" }
    }

    public init(path: String) throws(Failure) {
        self.path = path
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            } catch {
                throw Failure(path: path, reason: "cannot create its directory: \(error.localizedDescription)")
            }
        }
        let name = (path as NSString).lastPathComponent
        temporaryPath = (dir.isEmpty ? "" : dir + "/") + ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { throw Failure(path: path, reason: "cannot create a temporary file: \(String(cString: strerror(errno)))") }
    }

    public func write(_ bytes: [UInt8]) throws(Failure) {
        bytes.withUnsafeBufferPointer { buffer.append(contentsOf: $0) }
        if buffer.count >= Self.flushSize { try flush() }
    }

    public func write(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= Self.flushSize { try flush() }
    }

    /// Streams a document's JSON into the file (bounded memory whatever the document's size).
    public func write(_ document: Document, pretty: Bool, trailingNewline: Bool = false) throws(Failure) {
        var failure: Failure?
        DocumentJSON.write(document, pretty: pretty, trailingNewline: trailingNewline) { chunk in
            guard failure == nil else { return }
            do throws(Failure) { try self.write(chunk) } catch { failure = error }
        }
        if let failure { throw failure }
    }

    private func flush() throws(Failure) {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { raw in
                Foundation.write(fd, raw.baseAddress.map { $0 + offset }, raw.count - offset)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(path: path, reason: "write failed: \(String(cString: strerror(errno)))")
            }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes, closes and renames the temporary file over the target.
    public func commit() throws(Failure) {
        try flush()
        if close(fd) != 0 { fd = -1; throw Failure(path: path, reason: "close failed: \(String(cString: strerror(errno)))") }
        fd = -1
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw Failure(path: path, reason: "rename failed: \(reason)")
        }
    }

    /// Gives up: the temporary file goes, the target is untouched.
    public func discard() {
        if fd >= 0 { close(fd); fd = -1 }
        unlink(temporaryPath)
    }

    deinit {
        if fd >= 0 { discard() }
    }

    /// Writes a document's JSON file atomically.
    public static func write(_ document: Document, pretty: Bool, to path: String) throws(Failure) {
        let file = try AtomicFile(path: path)
        do {
            try file.write(document, pretty: pretty)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Writes a whole file atomically.
    public static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let file = try AtomicFile(path: path)
        do {
            try file.write(bytes)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}
