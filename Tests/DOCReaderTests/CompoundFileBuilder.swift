/// Writes OLE2 compound files for tests: version 3 with 512-byte sectors (or version 4 with
/// 4096-byte ones), streams shorter than 4096 bytes in the mini stream. The result says where things landed, so hostile tests can
/// corrupt exactly one structure.
struct CompoundFileImage {
    var bytes: [UInt8]
    /// File offset of each FAT sector.
    var fatOffsets: [Int]
    /// File offset of the (single) directory sector.
    var directoryOffset: Int
    /// Directory entry index of each stream (the root is 0).
    var entryIndex: [String: Int]
    /// First regular sector of each stream stored in regular sectors.
    var firstSector: [String: Int]

    /// File offset of directory entry `index`.
    func entryOffset(_ index: Int) -> Int { directoryOffset + index * 128 }

    /// File offset of sector `n` (version 3).
    static func offset(ofSector n: Int) -> Int { (n + 1) * 512 }

    mutating func put32(_ value: UInt32, at offset: Int) {
        for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(k))) }
    }

    mutating func put16(_ value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(value & 0xFF)
        bytes[offset + 1] = UInt8(value >> 8)
    }

    /// FAT entry of sector `n` (the next sector of its chain), in a version 3 image.
    mutating func setFAT(sector n: Int, to next: UInt32) {
        put32(next, at: fatOffsets[n / 128] + (n % 128) * 4)
    }
}

enum CompoundFileBuilder {
    static let endOfChain: UInt32 = 0xFFFF_FFFE
    static let free: UInt32 = 0xFFFF_FFFF
    static let fatMark: UInt32 = 0xFFFF_FFFD

    static func make(_ streams: [(name: String, bytes: [UInt8])], version4: Bool = false) -> CompoundFileImage {
        let size = version4 ? 4096 : 512
        let perFAT = size / 4
        var sectors: [[UInt8]] = []
        var fat: [UInt32] = []
        func addChain(_ data: [UInt8]) -> Int {
            let first = sectors.count
            let count = max(1, (data.count + size - 1) / size)
            for k in 0..<count {
                var sector = Array(data[min(data.count, k * size)..<min(data.count, (k + 1) * size)])
                sector += [UInt8](repeating: 0, count: size - sector.count)
                sectors.append(sector)
                fat.append(k == count - 1 ? endOfChain : UInt32(sectors.count))
            }
            return first
        }

        // Small streams go to the mini stream, 64 bytes a sector.
        var mini: [UInt8] = []
        var miniFAT: [UInt32] = []
        var start: [String: UInt32] = [:]
        var firstSector: [String: Int] = [:]
        for (name, data) in streams where data.count < 4096 {
            let first = miniFAT.count
            let count = (data.count + 63) / 64
            for k in 0..<count {
                var sector = Array(data[(k * 64)..<min(data.count, (k + 1) * 64)])
                sector += [UInt8](repeating: 0, count: 64 - sector.count)
                mini += sector
                miniFAT.append(k == count - 1 ? endOfChain : UInt32(miniFAT.count + 1))
            }
            start[name] = count == 0 ? endOfChain : UInt32(first)
        }
        for (name, data) in streams where data.count >= 4096 {
            let first = addChain(data)
            start[name] = UInt32(first)
            firstSector[name] = first
        }
        let miniStart = mini.isEmpty ? endOfChain : UInt32(addChain(mini))
        let miniFATStart = miniFAT.isEmpty ? endOfChain : UInt32(addChain(le32(miniFAT)))
        let miniFATSectors = miniFAT.isEmpty ? 0 : (miniFAT.count * 4 + size - 1) / size

        // Directory: root, then one entry per stream chained through right siblings.
        var directory: [UInt8] = []
        directory += entry("Root Entry", type: 5, child: streams.isEmpty ? free : 1, right: free, start: miniStart, size: mini.count)
        var entryIndex: [String: Int] = [:]
        for (i, stream) in streams.enumerated() {
            entryIndex[stream.name] = i + 1
            directory += entry(stream.name, type: 2, child: free, right: i + 1 < streams.count ? UInt32(i + 2) : free,
                               start: start[stream.name] ?? endOfChain, size: stream.bytes.count)
        }
        precondition(directory.count <= size, "the test builder writes one directory sector")
        let directorySector = addChain(directory)

        // FAT sectors hold 128 (1024) entries each, themselves included.
        var fatCount = 1
        while (sectors.count + fatCount) > fatCount * perFAT { fatCount += 1 }
        let firstFAT = sectors.count
        for _ in 0..<fatCount {
            sectors.append([])
            fat.append(fatMark)
        }
        fat += [UInt32](repeating: free, count: fatCount * perFAT - fat.count)
        for k in 0..<fatCount { sectors[firstFAT + k] = le32(Array(fat[(k * perFAT)..<((k + 1) * perFAT)])) }

        var header = [UInt8](repeating: 0, count: 512)
        header.replaceSubrange(0..<8, with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
        func put16(_ v: UInt16, _ o: Int) { header[o] = UInt8(v & 0xFF); header[o + 1] = UInt8(v >> 8) }
        func put32(_ v: UInt32, _ o: Int) { for k in 0..<4 { header[o + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) } }
        put16(0x3E, 0x18); put16(version4 ? 4 : 3, 0x1A); put16(0xFFFE, 0x1C); put16(version4 ? 12 : 9, 0x1E); put16(6, 0x20)
        put32(UInt32(fatCount), 0x2C); put32(UInt32(directorySector), 0x30); put32(4096, 0x38)
        put32(miniFATStart, 0x3C); put32(UInt32(miniFATSectors), 0x40); put32(endOfChain, 0x44); put32(0, 0x48)
        for slot in 0..<109 { put32(slot < fatCount ? UInt32(firstFAT + slot) : free, 0x4C + slot * 4) }

        var bytes = header + [UInt8](repeating: 0, count: size - 512)
        for sector in sectors { bytes += sector }
        return CompoundFileImage(bytes: bytes, fatOffsets: (0..<fatCount).map { (firstFAT + $0 + 1) * size },
                                 directoryOffset: (directorySector + 1) * size,
                                 entryIndex: entryIndex, firstSector: firstSector)
    }

    static func entry(_ name: String, type: UInt8, child: UInt32, right: UInt32, start: UInt32, size: Int) -> [UInt8] {
        var e = [UInt8](repeating: 0, count: 128)
        let units = Array(name.utf16.prefix(31))
        for (k, u) in units.enumerated() { e[k * 2] = UInt8(u & 0xFF); e[k * 2 + 1] = UInt8(u >> 8) }
        let nameBytes = UInt16((units.count + 1) * 2)
        e[0x40] = UInt8(nameBytes & 0xFF); e[0x41] = UInt8(nameBytes >> 8)
        e[0x42] = type
        e[0x43] = 1
        for (o, v) in [(0x44, free), (0x48, right), (0x4C, child), (0x74, start), (0x78, UInt32(size))] {
            for k in 0..<4 { e[o + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) }
        }
        return e
    }

    static func le32(_ values: [UInt32]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(values.count * 4)
        for v in values { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * UInt32(k)))) } }
        return out
    }
}
