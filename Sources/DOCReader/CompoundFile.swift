import DocumentModel

/// An OLE2 compound file ([MS-CFB]): a little FAT file system inside one file, which is how
/// Word 97–2003, Excel and PowerPoint store their streams.
///
/// ```
/// header (512 bytes) ─ DIFAT ─▶ FAT sectors ─▶ FAT: next-sector table of the whole file
///                     └ first directory sector ─▶ directory (128-byte entries, a red-black tree by name)
///                     └ first mini-FAT sector ─▶ mini FAT: next-sector table of the mini stream
/// root entry ─▶ mini stream (64-byte sectors holding every stream shorter than 4096 bytes)
/// ```
///
/// Every number read from the file is checked before it is used: sector numbers against the
/// FAT and the file's length, chains against loops (a set of visited sectors), sizes against
/// the limits. A broken file throws `DOCProblem`; nothing traps, hangs or allocates more than
/// the limits allow.
struct CompoundFile {
    struct Limits {
        /// Largest stream read into memory, in bytes.
        var maxStreamBytes: Int
        /// Largest number of sectors the file may have (FAT entries are bounded by this too).
        var maxSectors: Int
        /// Largest number of directory entries.
        var maxDirectoryEntries: Int
    }

    struct Entry {
        var name: String
        /// 1 storage, 2 stream, 5 root storage (0 unused).
        var type: UInt8
        var left: UInt32
        var right: UInt32
        var child: UInt32
        var start: UInt32
        var size: UInt64
    }

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let freeSector: UInt32 = 0xFFFF_FFFF
    static let noStream: UInt32 = 0xFFFF_FFFF
    /// Sector numbers above this are markers (DIFAT, FAT, end of chain, free), not sectors.
    static let maxRegularSector: UInt32 = 0xFFFF_FFFA

    let bytes: [UInt8]
    let limits: Limits
    let sectorShift: Int
    let sectorSize: Int
    /// Sectors present in the file (a partial last sector counts; reading past its end fails).
    let sectorsInFile: Int
    let miniSectorSize: Int
    let miniCutoff: UInt64
    private(set) var fat: [UInt32] = []
    private(set) var miniFAT: [UInt32] = []
    private(set) var miniStream: [UInt8] = []
    private(set) var entries: [Entry] = []

    init(bytes: [UInt8], limits: Limits) throws(DOCProblem) {
        self.bytes = bytes
        self.limits = limits
        guard bytes.count >= 512 else {
            throw .malformed("too short for an OLE2 compound file: \(bytes.count) bytes, and the header alone is 512")
        }
        guard bytes.starts(with: Self.signature) else { throw .malformed("not an OLE2 compound file (no D0 CF 11 E0 signature)") }
        guard bytes.u16(0x1C) == 0xFFFE else { throw .malformed("OLE2 header has a bad byte-order mark") }
        let shift = Int(bytes.u16(0x1E) ?? 0)
        guard shift == 9 || shift == 12 else { throw .malformed("OLE2 header declares sectors of 2^\(shift) bytes (only 512 and 4096 exist)") }
        let miniShift = Int(bytes.u16(0x20) ?? 0)
        guard miniShift == 6 else { throw .malformed("OLE2 header declares mini sectors of 2^\(miniShift) bytes (must be 64)") }
        sectorShift = shift
        sectorSize = 1 << shift
        miniSectorSize = 1 << miniShift
        let cutoff = UInt64(bytes.u32(0x38) ?? 4096)
        miniCutoff = cutoff == 0 ? 4096 : cutoff
        // Sector n starts at (n + 1) * sectorSize: the header fills sector "-1".
        sectorsInFile = max(0, (bytes.count + sectorSize - 1) / sectorSize - 1)
        guard sectorsInFile <= limits.maxSectors else {
            throw .limit("the compound file has \(sectorsInFile) sectors, more than \(limits.maxSectors) (read.doc_max_sectors)")
        }

        fat = try readFAT()
        entries = try readDirectory(first: bytes.u32(0x30) ?? Self.endOfChain)
        guard let root = entries.first, root.type == 5 else { throw .malformed("the OLE2 directory has no root entry") }
        if root.size > 0 {
            miniStream = try readRegular(start: root.start, size: root.size, what: "the mini stream")
            let miniFATSectors = Int(bytes.u32(0x40) ?? 0)
            guard miniFATSectors <= sectorsInFile else {
                throw .malformed("the OLE2 header declares \(miniFATSectors) mini-FAT sectors, more than the file holds (\(sectorsInFile))")
            }
            let raw = try readRegular(start: bytes.u32(0x3C) ?? Self.endOfChain, size: UInt64(miniFATSectors) << UInt64(shift),
                                      what: "the mini FAT")
            miniFAT = Self.words(raw)
        }
    }

    // MARK: Streams

    /// The stream of that name directly under the root storage (names compare case-insensitively,
    /// as in the file system), or nil when there is none.
    func stream(named name: String) throws(DOCProblem) -> [UInt8]? {
        guard let entry = topLevel(named: name) else { return nil }
        guard entry.size <= UInt64(limits.maxStreamBytes) else {
            throw .limit("stream \(name) declares \(entry.size) bytes, more than \(limits.maxStreamBytes) (read.doc_max_stream_bytes)")
        }
        if entry.size < miniCutoff {
            return try readMini(start: entry.start, size: Int(entry.size), what: "stream \(name)")
        }
        return try readRegular(start: entry.start, size: entry.size, what: "stream \(name)")
    }

    /// Names of the streams and storages directly under the root, for messages.
    var topLevelNames: [String] {
        var names: [String] = []
        walkRoot { names.append($0.name); return false }
        return names
    }

    /// The entry of that name directly under the root.
    func topLevel(named name: String) -> Entry? {
        let wanted = name.uppercased()
        var found: Entry?
        walkRoot { entry in
            if entry.type == 2 && entry.name.uppercased() == wanted { found = entry; return true }
            return false
        }
        return found
    }

    /// Visits the root's children through the red-black tree (left, right, no recursion),
    /// each entry at most once, until `visit` returns true.
    private func walkRoot(_ visit: (Entry) -> Bool) {
        guard let root = entries.first else { return }
        var seen = [Bool](repeating: false, count: entries.count)
        var stack: [UInt32] = [root.child]
        while let id = stack.popLast() {
            guard id != Self.noStream, Int(id) < entries.count, !seen[Int(id)] else { continue }
            seen[Int(id)] = true
            let entry = entries[Int(id)]
            if entry.type != 0 && visit(entry) { return }
            stack.append(entry.right)
            stack.append(entry.left)
        }
    }

    // MARK: Sector tables

    /// The FAT: the header's 109 DIFAT slots, then the DIFAT sector chain, name the FAT sectors.
    private func readFAT() throws(DOCProblem) -> [UInt32] {
        let declared = Int(bytes.u32(0x2C) ?? 0)
        guard declared >= 1 else { throw .malformed("the OLE2 header declares no FAT sectors") }
        guard declared <= sectorsInFile else {
            throw .malformed("the OLE2 header declares \(declared) FAT sectors, more than the file holds (\(sectorsInFile)); the file is truncated or corrupt")
        }
        var fatSectors: [UInt32] = []
        fatSectors.reserveCapacity(declared)
        for slot in 0..<109 where fatSectors.count < declared {
            fatSectors.append(bytes.u32(0x4C + slot * 4) ?? Self.freeSector)
        }
        var next = bytes.u32(0x44) ?? Self.endOfChain
        var visited = Set<UInt32>()
        let perDIFAT = sectorSize / 4 - 1
        while fatSectors.count < declared {
            guard next <= Self.maxRegularSector, Int(next) < sectorsInFile else {
                throw .malformed("the DIFAT ends after \(fatSectors.count) of \(declared) FAT sectors (next DIFAT sector \(next) is not in the file)")
            }
            guard visited.insert(next).inserted else { throw .malformed("the DIFAT sector chain loops at sector \(next)") }
            let sector = try sectorBytes(Int(next), what: "a DIFAT sector")
            for k in 0..<perDIFAT where fatSectors.count < declared {
                fatSectors.append(sector.u32(k * 4) ?? Self.freeSector)
            }
            next = sector.u32(perDIFAT * 4) ?? Self.endOfChain
        }
        var fat: [UInt32] = []
        fat.reserveCapacity(declared * (sectorSize / 4))
        for (i, s) in fatSectors.enumerated() {
            guard s <= Self.maxRegularSector, Int(s) < sectorsInFile else {
                throw .malformed("FAT sector \(i) is sector \(s), outside the file (\(sectorsInFile) sectors); the file is truncated or corrupt")
            }
            fat.append(contentsOf: Self.words(try sectorBytes(Int(s), what: "a FAT sector")))
        }
        return fat
    }

    /// The directory: a chain of sectors holding 128-byte entries.
    private func readDirectory(first: UInt32) throws(DOCProblem) -> [Entry] {
        let perSector = sectorSize / 128
        let maxSectors = limits.maxDirectoryEntries / perSector + 1
        let tooMany = DOCProblem.limit("the OLE2 directory has more than \(limits.maxDirectoryEntries) entries (read.doc_max_directory_entries)")
        let sectors = try chain(start: first, table: fat, needed: nil, maxLength: maxSectors, what: "the directory", tooLong: tooMany)
        guard !sectors.isEmpty else { throw .malformed("the OLE2 directory is empty") }
        var entries: [Entry] = []
        entries.reserveCapacity(sectors.count * perSector)
        for s in sectors {
            let sector = try sectorBytes(s, what: "a directory sector")
            for k in 0..<perSector {
                entries.append(Self.entry(sector, at: k * 128, version4: sectorShift == 12))
            }
        }
        return entries
    }

    private static func entry(_ b: [UInt8], at o: Int, version4: Bool) -> Entry {
        let nameBytes = Int(b.u16(o + 0x40) ?? 0)
        let units = max(0, min(32, nameBytes / 2) - 1)
        var name: [UInt16] = []
        for k in 0..<units { name.append(b.u16(o + k * 2) ?? 0) }
        let low = UInt64(b.u32(o + 0x78) ?? 0)
        let high = UInt64(b.u32(o + 0x7C) ?? 0)
        return Entry(name: String(decoding: name, as: UTF16.self), type: b.u8(o + 0x42) ?? 0,
                     left: b.u32(o + 0x44) ?? noStream, right: b.u32(o + 0x48) ?? noStream,
                     child: b.u32(o + 0x4C) ?? noStream, start: b.u32(o + 0x74) ?? endOfChain,
                     // Version 3 files may carry junk in the high half of the size: only the low half counts.
                     size: version4 ? low | high << 32 : low)
    }

    // MARK: Reading chains

    /// Follows a chain of sector numbers through `table` from `start`. Stops at the end-of-chain
    /// marker or once `needed` sectors are found; a loop, a sector outside the table, or a chain
    /// shorter than `needed` throws; a chain longer than `maxLength` throws `tooLong`.
    private func chain(start: UInt32, table: [UInt32], needed: Int?, maxLength: Int, what: String,
                       tooLong: DOCProblem? = nil) throws(DOCProblem) -> [Int] {
        var result: [Int] = []
        if let needed { result.reserveCapacity(min(needed, table.count)) }
        // Visited sectors: a set the size of the chain, not a bitmap the size of the whole FAT.
        var visited = Set<Int>(minimumCapacity: min(needed ?? maxLength, table.count, 1 << 16))
        var current = start
        while current != Self.endOfChain {
            if let needed, result.count >= needed { break }
            guard current <= Self.maxRegularSector, Int(current) < table.count else {
                throw .malformed("\(what) runs into sector \(current), outside the \(table.count)-entry sector table; the file is truncated or corrupt")
            }
            let index = Int(current)
            guard visited.insert(index).inserted else { throw .malformed("the sector chain of \(what) loops back to sector \(index)") }
            result.append(index)
            if result.count > maxLength { throw tooLong ?? .malformed("\(what) has more than \(maxLength) sectors") }
            current = table[index]
        }
        if let needed, result.count < needed {
            throw .malformed("\(what) is truncated: its sector chain ends after \(result.count) of the \(needed) sectors its size needs")
        }
        return result
    }

    /// A stream stored in regular sectors.
    private func readRegular(start: UInt32, size: UInt64, what: String) throws(DOCProblem) -> [UInt8] {
        guard size <= UInt64(limits.maxStreamBytes) else {
            throw .limit("\(what) declares \(size) bytes, more than \(limits.maxStreamBytes) (read.doc_max_stream_bytes)")
        }
        guard size <= UInt64(bytes.count) else {
            throw .malformed("\(what) declares \(size) bytes, more than the whole file (\(bytes.count)); the file is truncated or corrupt")
        }
        let total = Int(size)
        let needed = (total + sectorSize - 1) >> sectorShift
        let sectors = try chain(start: start, table: fat, needed: needed, maxLength: needed, what: what)
        var out: [UInt8] = []
        out.reserveCapacity(total)
        for s in sectors {
            let offset = (s + 1) << sectorShift
            let length = min(sectorSize, total - out.count)
            guard bytes.contains(offset: offset, length: length) else {
                throw .malformed("\(what) is truncated: sector \(s) lies past the end of the file (\(bytes.count) bytes)")
            }
            out.append(contentsOf: bytes[offset..<(offset + length)])
        }
        return out
    }

    /// A stream stored in the mini stream (64-byte sectors chained through the mini FAT).
    private func readMini(start: UInt32, size: Int, what: String) throws(DOCProblem) -> [UInt8] {
        guard size > 0 else { return [] }
        let needed = (size + miniSectorSize - 1) / miniSectorSize
        let sectors = try chain(start: start, table: miniFAT, needed: needed, maxLength: needed, what: what)
        var out: [UInt8] = []
        out.reserveCapacity(size)
        for s in sectors {
            let offset = s * miniSectorSize
            let length = min(miniSectorSize, size - out.count)
            guard miniStream.contains(offset: offset, length: length) else {
                throw .malformed("\(what) is truncated: mini sector \(s) lies past the end of the mini stream (\(miniStream.count) bytes)")
            }
            out.append(contentsOf: miniStream[offset..<(offset + length)])
        }
        return out
    }

    /// One whole sector, which must lie inside the file.
    private func sectorBytes(_ s: Int, what: String) throws(DOCProblem) -> [UInt8] {
        let offset = (s + 1) << sectorShift
        guard bytes.contains(offset: offset, length: sectorSize) else {
            throw .malformed("\(what) (sector \(s)) lies past the end of the file (\(bytes.count) bytes); the file is truncated")
        }
        return Array(bytes[offset..<(offset + sectorSize)])
    }

    private static func words(_ b: [UInt8]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(b.count / 4)
        var i = 0
        while i + 4 <= b.count {
            out.append(UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24)
            i += 4
        }
        return out
    }
}
