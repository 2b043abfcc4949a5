import DocumentModel
import Foundation
import ZIPFoundation

/// The parts of a DOCX (an OPC package: a ZIP of XML parts) behind the reader's safety limits.
///
/// Nothing is inflated when the package opens: the entry count is checked, the entries are
/// indexed by part name, and each part is inflated only when the reader asks for it. Before
/// inflating, the part's declared size is checked against what is left of the uncompressed
/// budget and its declared compression ratio against the ratio limit; while inflating, the
/// bytes actually produced are checked again, so a ZIP whose headers lie gets no further.
struct ZipPackage {
    private let archive: Archive
    /// Part names (lowercased, no leading slash: OPC part names are case-insensitive) to entries.
    private let entries: [String: Entry]
    private let options: DOCXReadOptions
    private let path: String
    /// Uncompressed bytes still allowed for the parts read so far.
    private var budget: Int

    /// Parts smaller than this are not checked for their ratio: a few hundred bytes of XML can
    /// compress to almost nothing, and they cannot amplify into anything dangerous.
    static let ratioFloor = 64 << 10

    init(bytes: [UInt8], path: String, options: DOCXReadOptions) throws(DocumentError) {
        self.path = path
        self.options = options
        self.budget = options.maxUncompressedBytes
        let opened: Archive
        do {
            opened = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw DocumentError(.malformed, path: path, stage: "read",
                                reason: "truncated or corrupt ZIP: \(Self.describe(error)); a .docx is a ZIP archive, check that the file is complete")
        }
        archive = opened
        var index: [String: Entry] = [:]
        var count = 0
        for entry in opened {
            count += 1
            if count > options.maxEntries {
                throw DocumentError(.limitExceeded, path: path, stage: "read",
                                    reason: "the ZIP has more than \(options.maxEntries) entries (read.docx_max_entries); refused as a possible ZIP bomb, raise the limit if the file is trusted")
            }
            // Some Windows tools write "word\document.xml"; part names use slashes.
            var name = entry.path.replacingOccurrences(of: "\\", with: "/")
            while name.hasPrefix("/") { name.removeFirst() }
            name = name.lowercased()
            if index[name] == nil { index[name] = entry }
        }
        entries = index
    }

    /// Whether the package holds a part of that name.
    func contains(_ name: String) -> Bool { entries[name.lowercased()] != nil }

    /// The bytes of a part, or nil if the package has no such part.
    mutating func read(_ name: String) throws(DocumentError) -> [UInt8]? {
        guard let entry = entries[name.lowercased()], entry.type == .file else { return nil }
        let declared = entry.uncompressedSize
        let compressed = entry.compressedSize
        guard declared <= UInt64(budget) else {
            throw budgetError(name, declared: declared)
        }
        let declaredSize = Int(declared)
        if declaredSize >= Self.ratioFloor {
            let ratio = compressed == 0 ? UInt64.max : declared / compressed
            if ratio > UInt64(options.maxCompressionRatio) {
                throw ratioError(name, declared: declared, compressed: compressed)
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(declaredSize)
        var overrun: DocumentError?
        let limit = declaredSize
        let filePath = path
        do {
            // The CRC is not checked (ZIPFoundation computes it in Swift, a tenth of the read
            // time): sizes are enforced here and zlib rejects a corrupt deflate stream.
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                if out.count + chunk.count > limit {
                    // Inflated past the size the header declared: the header lies, stop at once.
                    overrun = DocumentError(.limitExceeded, path: filePath, stage: "read",
                                            reason: "ZIP part \(name) inflates past its declared size of \(limit) bytes; refused as a possible ZIP bomb (read.docx_max_uncompressed_bytes)")
                    throw ArchiveStop.stop
                }
                out.append(contentsOf: chunk)
            }
        } catch {
            if let overrun { throw overrun }
            throw DocumentError(.malformed, path: path, stage: "read",
                                reason: "truncated or corrupt ZIP: part \(name) cannot be inflated (\(Self.describe(error)))")
        }
        if out.count != declaredSize {
            throw DocumentError(.malformed, path: path, stage: "read",
                                reason: "truncated or corrupt ZIP: part \(name) has \(out.count) bytes, its header says \(declaredSize)")
        }
        budget -= out.count
        return out
    }

    private func budgetError(_ name: String, declared: UInt64) -> DocumentError {
        let limit = options.maxUncompressedBytes
        return DocumentError(.limitExceeded, path: path, stage: "read",
                             reason: "ZIP part \(name) would inflate to \(declared) bytes, past the \(limit)-byte limit on uncompressed parts (read.docx_max_uncompressed_bytes); refused as a possible ZIP bomb, raise the limit if the file is trusted")
    }

    private func ratioError(_ name: String, declared: UInt64, compressed: UInt64) -> DocumentError {
        DocumentError(.limitExceeded, path: path, stage: "read",
                      reason: "ZIP part \(name) is compressed more than \(options.maxCompressionRatio):1 (\(declared) bytes from \(compressed)) (read.docx_max_compression_ratio); refused as a possible ZIP bomb, raise the limit if the file is trusted")
    }

    private static func describe(_ error: any Error) -> String {
        if let archiveError = error as? Archive.ArchiveError { return "\(archiveError)" }
        return "\(error)"
    }

    /// Thrown from the extraction consumer to stop inflating.
    private enum ArchiveStop: Error { case stop }
}
