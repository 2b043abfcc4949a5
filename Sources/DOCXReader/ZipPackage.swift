#if canImport(zlib)
import zlib
#elseif canImport(CZlib)
import CZlib
#endif
import DocumentModel
import Foundation

/// The parts of a DOCX (an OPC package: a ZIP of XML parts) behind the reader's safety limits.
///
/// The ZIP is read where it lies, as ZIPFoundation reads it (the end record, ZIP64 where the
/// sizes need it, the central directory, each entry's local header), and a part is inflated
/// with zlib straight from the file's bytes into one buffer of its declared size.
///
/// Nothing is inflated when the package opens: the entry count is checked, the entries are
/// indexed by part name, and each part is inflated only when the reader asks for it. Before
/// inflating, the part's declared size is checked against what is left of the uncompressed
/// budget and its declared compression ratio against the ratio limit; while inflating, the
/// bytes actually produced are checked again, so a ZIP whose headers lie gets no further.
struct ZipPackage {
    private let bytes: [UInt8]
    /// Part names (lowercased, no leading slash: OPC part names are case-insensitive) to entries.
    private let entries: [String: ZipEntry]
    private let options: DOCXReadOptions
    private let path: String
    /// Uncompressed bytes still allowed for the parts read so far.
    private var budget: Int

    /// Parts smaller than this are not checked for their ratio: a few hundred bytes of XML can
    /// compress to almost nothing, and they cannot amplify into anything dangerous.
    static let ratioFloor = 64 << 10

    init(bytes: [UInt8], path: String, options: DOCXReadOptions) throws(DocumentError) {
        self.bytes = bytes
        self.path = path
        self.options = options
        self.budget = options.maxUncompressedBytes
        guard let directory = ZipDirectory(bytes) else {
            throw DocumentError(.malformed, path: path, stage: "read",
                                reason: "truncated or corrupt ZIP: missingEndOfCentralDirectoryRecord; a .docx is a ZIP archive, check that the file is complete")
        }
        var index: [String: ZipEntry] = [:]
        var count = 0
        var position = directory.start
        var remaining = directory.count
        // As ZIPFoundation does, the listing ends at the first entry that cannot be read.
        while remaining > 0, let (entry, next) = ZipEntry.read(bytes, at: position) {
            remaining -= 1
            position = next
            count += 1
            if count > options.maxEntries {
                throw DocumentError(.limitExceeded, path: path, stage: "read",
                                    reason: "the ZIP has more than \(options.maxEntries) entries (read.docx_max_entries); refused as a possible ZIP bomb, raise the limit if the file is trusted")
            }
            // Some Windows tools write "word\document.xml"; part names use slashes.
            var name = entry.name
            if name.utf8.contains(0x5C) { name = name.replacingOccurrences(of: "\\", with: "/") }
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
        let out: [UInt8]
        switch entry.method {
        case 0:
            // Stored: the bytes as they are (CRCs are not checked; the sizes are).
            let start = min(entry.dataOffset, bytes.count)
            out = Array(bytes[start..<(start + min(declaredSize, bytes.count - start))])
        case 8:
            do {
                out = try Self.inflated(bytes, from: entry.dataOffset, limit: declaredSize)
            } catch {
                throw DocumentError(.malformed, path: path, stage: "read",
                                    reason: "truncated or corrupt ZIP: part \(name) cannot be inflated (\(error))")
            }
        default:
            throw DocumentError(.malformed, path: path, stage: "read",
                                reason: "truncated or corrupt ZIP: part \(name) cannot be inflated (invalidCompressionMethod)")
        }
        if out.count > declaredSize {
            // Inflated past the size the header declared: the header lies, stopped at once.
            throw DocumentError(.limitExceeded, path: path, stage: "read",
                                reason: "ZIP part \(name) inflates past its declared size of \(declaredSize) bytes; refused as a possible ZIP bomb (read.docx_max_uncompressed_bytes)")
        }
        if out.count != declaredSize {
            throw DocumentError(.malformed, path: path, stage: "read",
                                reason: "truncated or corrupt ZIP: part \(name) has \(out.count) bytes, its header says \(declaredSize)")
        }
        budget -= out.count
        return out
    }

    enum InflateError: Error, CustomStringConvertible {
        case invalidStream, corruptedData
        var description: String { self == .invalidStream ? "invalidStream" : "corruptedData" }
    }

    /// Inflates raw deflate data starting at `offset` into a buffer of `limit + 1` bytes: a
    /// result longer than `limit` means the stream goes on past the declared size, and inflating
    /// stops there. The stream may run on past its declared compressed size (as ZIPFoundation
    /// lets it: it reads whole chunks), up to the end of the file.
    static func inflated(_ bytes: [UInt8], from offset: Int, limit: Int) throws(InflateError) -> [UInt8] {
        let start = min(offset, bytes.count)
        let available = bytes.count - start
        let capacity = limit < Int.max ? limit + 1 : limit
        // zlib counts in 32 bits: input and output are handed over in pieces of at most 1 GB.
        let piece = 1 << 30
        var failure: InflateError?
        let out = bytes.withUnsafeBufferPointer { input -> [UInt8] in
            [UInt8](unsafeUninitializedCapacity: capacity) { output, produced in
                produced = 0
                guard let outputBase = output.baseAddress else {
                    failure = .invalidStream
                    return
                }
                var stream = z_stream()
                guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                    failure = .invalidStream
                    return
                }
                defer { inflateEnd(&stream) }
                var consumed = 0
                while true {
                    if stream.avail_in == 0, consumed < available, let inputBase = input.baseAddress {
                        let count = min(piece, available - consumed)
                        stream.next_in = UnsafeMutablePointer(mutating: inputBase + start + consumed)
                        stream.avail_in = UInt32(count)
                        consumed += count
                    }
                    if stream.avail_out == 0 {
                        let room = capacity - produced
                        // Full: more output than the declared size, or exactly the limit + 1.
                        if room == 0 { return }
                        stream.next_out = outputBase + produced
                        stream.avail_out = UInt32(min(piece, room))
                    }
                    let outBefore = stream.avail_out
                    let status = inflate(&stream, Z_NO_FLUSH)
                    produced += Int(outBefore - stream.avail_out)
                    switch status {
                    case Z_STREAM_END:
                        return
                    case Z_OK:
                        continue
                    case Z_BUF_ERROR where stream.avail_out == 0 || (stream.avail_in == 0 && consumed < available):
                        // Needs more room or more input: the loop hands it over.
                        continue
                    default:
                        // A corrupt stream, or one cut short (no input left before its end).
                        failure = .corruptedData
                        return
                    }
                }
            }
        }
        if let failure { throw failure }
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
}

// MARK: - ZIP structures

/// Little-endian fields of the file, nil past its end.
private extension Array where Element == UInt8 {
    func u16(_ at: Int) -> UInt16? {
        guard at >= 0, at <= count - 2 else { return nil }
        return UInt16(self[at]) | UInt16(self[at + 1]) << 8
    }

    func u32(_ at: Int) -> UInt32? {
        guard at >= 0, at <= count - 4 else { return nil }
        return UInt32(self[at]) | UInt32(self[at + 1]) << 8 | UInt32(self[at + 2]) << 16 | UInt32(self[at + 3]) << 24
    }

    func u64(_ at: Int) -> UInt64? {
        guard let low = u32(at), let high = u32(at + 4) else { return nil }
        return UInt64(low) | UInt64(high) << 32
    }
}

/// Where the central directory is and how many entries it lists: the end of central directory
/// record (the last one in the file), and the ZIP64 record when a locator precedes it.
private struct ZipDirectory {
    let start: Int
    let count: UInt64

    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 22 else { return nil }
        var end = bytes.count - 22
        while end >= 0 {
            if bytes[end] == 0x50, bytes[end + 1] == 0x4B, bytes[end + 2] == 0x05, bytes[end + 3] == 0x06 { break }
            end -= 1
        }
        // The record and its comment must be whole (an end record with a cut comment is refused).
        guard end >= 0, let entries = bytes.u16(end + 10), let offset = bytes.u32(end + 16),
              let commentLength = bytes.u16(end + 20), end + 22 + Int(commentLength) <= bytes.count else { return nil }
        var start = UInt64(offset)
        var count = UInt64(entries)
        // ZIP64: a locator right before the record, and the ZIP64 record right before that.
        let locator = end - 20
        let record = locator - 56
        if locator > 0, record > 0, bytes.u32(locator) == 0x0706_4B50, bytes.u32(record) == 0x0606_4B50,
           let entries64 = bytes.u64(record + 32), let offset64 = bytes.u64(record + 48) {
            start = offset64
            count = entries64
        }
        guard let position = Int(exactly: start) else { return nil }
        self.start = position
        self.count = count
    }
}

/// One central directory entry, with what its local header says about where the data starts.
private struct ZipEntry {
    enum EntryType { case file, directory, symlink }

    let name: String
    let type: EntryType
    /// The compression method of the local header (as ZIPFoundation extracts by it).
    let method: UInt16
    let dataOffset: Int
    let compressedSize: UInt64
    let uncompressedSize: UInt64

    /// The entry whose central directory record starts at `at`, and where the next one starts;
    /// nil when either record cannot be read.
    static func read(_ bytes: [UInt8], at position: Int) -> (ZipEntry, Int)? {
        guard position >= 0, position <= bytes.count, bytes.u32(position) == 0x0201_4B50,
              let madeBy = bytes.u16(position + 4), let needed = bytes.u16(position + 6),
              let flags = bytes.u16(position + 8), let compressed32 = bytes.u32(position + 20),
              let uncompressed32 = bytes.u32(position + 24), let nameLength = bytes.u16(position + 28),
              let extraLength = bytes.u16(position + 30), let commentLength = bytes.u16(position + 32),
              let diskStart = bytes.u16(position + 34), let external = bytes.u32(position + 38),
              let offset32 = bytes.u32(position + 42) else { return nil }
        let nameStart = position + 46
        let extraStart = nameStart + Int(nameLength)
        let next = extraStart + Int(extraLength) + Int(commentLength)
        guard next <= bytes.count else { return nil }

        // ZIP64 extended information: the 64-bit values of the fields whose 32-bit ones are full.
        var compressed = UInt64(compressed32)
        var uncompressed = UInt64(uncompressed32)
        var offset = UInt64(offset32)
        let zip64 = Self.zip64Fields(bytes, extraStart..<(extraStart + Int(extraLength)),
                                     uncompressed: uncompressed32 == .max, compressed: compressed32 == .max,
                                     offset: offset32 == .max, disk: diskStart == .max)
        if UInt8(truncatingIfNeeded: needed) >= 45 || zip64 != nil, let zip64 {
            if zip64.uncompressed > 0 { uncompressed = zip64.uncompressed }
            if zip64.compressed > 0 { compressed = zip64.compressed }
            if zip64.offset > 0 { offset = zip64.offset }
        }

        guard let local = Int(exactly: offset), local <= bytes.count, bytes.u32(local) == 0x0403_4B50,
              let method = bytes.u16(local + 8), let localName = bytes.u16(local + 26),
              let localExtra = bytes.u16(local + 28) else { return nil }
        let dataOffset = local + 30 + Int(localName) + Int(localExtra)
        guard dataOffset <= bytes.count else { return nil }

        let nameBytes = bytes[nameStart..<extraStart]
        let name: String
        if flags & (1 << 11) != 0 {
            name = String(bytes: nameBytes, encoding: .utf8) ?? ""
        } else {
            name = Self.codePage437(nameBytes)
        }
        let entry = ZipEntry(name: name, type: Self.type(name: name, madeBy: madeBy, external: external), method: method,
                             dataOffset: dataOffset, compressedSize: compressed, uncompressedSize: uncompressed)
        return (entry, next)
    }

    /// The type as ZIPFoundation decides it: Unix modes when the entry was made on Unix or macOS,
    /// the DOS directory attribute, else a trailing slash.
    private static func type(name: String, madeBy: UInt16, external: UInt32) -> EntryType {
        var isDirectory = name.hasSuffix("/")
        switch madeBy >> 8 {
        case 3, 19:
            switch UInt16(truncatingIfNeeded: external >> 16) & 0o170000 {
            case 0o100000: return .file
            case 0o040000: return .directory
            case 0o120000: return .symlink
            default: return isDirectory ? .directory : .file
            }
        case 0:
            isDirectory = isDirectory || (external >> 4) == 0x01
            return isDirectory ? .directory : .file
        default:
            return isDirectory ? .directory : .file
        }
    }

    private struct ZIP64Fields {
        var uncompressed: UInt64 = 0
        var compressed: UInt64 = 0
        var offset: UInt64 = 0
    }

    /// The ZIP64 extended information field (0x0001) of an extra field, read as ZIPFoundation
    /// reads it: present only if its length is exactly that of the fields it must hold.
    private static func zip64Fields(_ bytes: [UInt8], _ extra: Range<Int>, uncompressed: Bool, compressed: Bool,
                                    offset: Bool, disk: Bool) -> ZIP64Fields? {
        var at = extra.lowerBound
        while at < extra.upperBound - 4 {
            guard let id = bytes.u16(at), let size = bytes.u16(at + 2) else { return nil }
            let next = at + 4 + Int(size)
            guard next <= extra.upperBound else { return nil }
            if id == 0x0001 {
                let expected = (uncompressed ? 8 : 0) + (compressed ? 8 : 0) + (offset ? 8 : 0) + (disk ? 4 : 0)
                guard Int(size) == expected else { return nil }
                var fields = ZIP64Fields()
                var field = at + 4
                if uncompressed, let value = bytes.u64(field) { fields.uncompressed = value; field += 8 }
                if compressed, let value = bytes.u64(field) { fields.compressed = value; field += 8 }
                if offset, let value = bytes.u64(field) { fields.offset = value }
                return fields
            }
            at = next
        }
        return nil
    }

    /// A name without the UTF-8 flag, in IBM code page 437 (the ZIP format's default).
    private static func codePage437(_ bytes: ArraySlice<UInt8>) -> String {
        if bytes.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return String(decoding: bytes, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = byte >= 0x20 && byte < 0x7F ? UInt32(byte) : codePage437High[Int(byte < 0x20 ? byte : byte - 0x5F)]
            scalars.append(Unicode.Scalar(value) ?? "\u{FFFD}")
        }
        return String(scalars)
    }

    /// Code page 437 outside printable ASCII: 0x00–0x1F, then 0x7F–0xFF.
    private static let codePage437High: [UInt32] = [
        0x0000, 0x263A, 0x263B, 0x2665, 0x2666, 0x2663, 0x2660, 0x2022, 0x25D8, 0x25CB, 0x25D9, 0x2642, 0x2640, 0x266A, 0x266B, 0x263C,
        0x25BA, 0x25C4, 0x2195, 0x203C, 0x00B6, 0x00A7, 0x25AC, 0x21A8, 0x2191, 0x2193, 0x2192, 0x2190, 0x221F, 0x2194, 0x25B2, 0x25BC,
        0x2302,
        0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7, 0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,
        0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9, 0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192,
        0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA, 0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
        0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556, 0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
        0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F, 0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
        0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B, 0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
        0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4, 0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
        0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248, 0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
    ]
}
