/// A byte decoder built from one table file: a scalar for every single byte and, for encodings
/// that write a letter with two bytes (VNI), rows of second-byte scalars keyed by the first byte,
/// so decoding is a table lookup per byte with the two-byte form tried first.
struct CodeTable: Sendable {
    /// The source line of the table file.
    let source: String
    /// Scalar for each byte (table entry, else the fallback rule).
    let single: [UInt32]
    /// The same, upper-cased (for all-capital fonts).
    let singleUpper: [UInt32]
    /// Whether the table itself (not the fallback) defines each byte.
    let defined: [Bool]
    /// For each first byte, 1 + the index of its row in `pairs`, or 0 when it starts no pair.
    let pairRow: [UInt16]
    /// Rows of 256 scalars (0 = no two-byte letter).
    let pairs: [UInt32]
    let pairsUpper: [UInt32]
    /// Unicode scalar -> bytes, for encoding (table entries first, fallback bytes after).
    let encodeMap: [UInt32: [UInt8]]
    /// Whether the output holds combining marks that need composing (Windows-1258).
    let needsComposition: Bool

    init(file: TableFile, fallbackTable: [UInt32]?) {
        var single = [UInt32](repeating: 0xFFFD, count: 256)
        for b in 0..<0x80 { single[b] = UInt32(b) }
        for b in 0x80..<0x100 {
            switch file.fallback {
            case .windows1252: single[b] = fallbackTable?[b] ?? UInt32(b)
            case .latin1: single[b] = UInt32(b)
            case .replacement: single[b] = 0xFFFD
            }
        }
        var defined = [Bool](repeating: false, count: 256)
        var pairRow = [UInt16](repeating: 0, count: 256)
        var pairs: [UInt32] = []
        var encodeMap: [UInt32: [UInt8]] = [:]
        var composes = false
        for entry in file.entries where entry.scalars.count == 1 {
            let scalar = entry.scalars[0]
            if (0x0300...0x036F).contains(scalar) { composes = true }
            switch entry.bytes.count {
            case 1:
                single[Int(entry.bytes[0])] = scalar
                defined[Int(entry.bytes[0])] = true
            case 2:
                let first = Int(entry.bytes[0])
                if pairRow[first] == 0 {
                    pairs.append(contentsOf: repeatElement(0, count: 256))
                    pairRow[first] = UInt16(pairs.count / 256)
                }
                pairs[(Int(pairRow[first]) - 1) * 256 + Int(entry.bytes[1])] = scalar
            default:
                continue
            }
            if encodeMap[scalar] == nil { encodeMap[scalar] = entry.bytes }
        }
        // A mark byte in the other case still marks the letter (VNI typed with Caps Lock): the
        // letter keeps the case of its base byte.
        for first in 0..<256 where pairRow[first] != 0 {
            let row = (Int(pairRow[first]) - 1) * 256
            for second in 0xC0..<0x100 where pairs[row + second] == 0 {
                let other = pairs[row + (second ^ 0x20)]
                guard other != 0 else { continue }
                let isUpperBase = first < 0x80 ? (first >= 0x41 && first <= 0x5A) : UTF8Writer.upper(single[first]) == single[first]
                pairs[row + second] = isUpperBase ? UTF8Writer.upper(other) : UTF8Writer.lower(other)
            }
        }
        for b in 0..<256 where encodeMap[single[b]] == nil && single[b] != 0xFFFD {
            encodeMap[single[b]] = [UInt8(b)]
        }
        self.source = file.source
        self.single = single
        self.singleUpper = single.map(UTF8Writer.upper)
        self.defined = defined
        self.pairRow = pairRow
        self.pairs = pairs
        self.pairsUpper = pairs.map(UTF8Writer.upper)
        self.encodeMap = encodeMap
        self.needsComposition = composes
    }

    /// Appends the UTF-8 decoding of `input` to `out` (combining marks left as they are).
    func decode(_ input: UnsafeBufferPointer<UInt8>, uppercase: Bool, into out: inout [UInt8]) {
        let singles = uppercase ? singleUpper : single
        let pairTable = uppercase ? pairsUpper : pairs
        let n = input.count
        out.reserveCapacity(out.count + n + n / 2)
        singles.withUnsafeBufferPointer { singles in
            pairTable.withUnsafeBufferPointer { pairTable in
                pairRow.withUnsafeBufferPointer { rows in
                    var i = 0
                    while i < n {
                        let b = Int(input[i])
                        let row = Int(rows[b])
                        if row != 0, i + 1 < n {
                            let scalar = pairTable[(row - 1) * 256 + Int(input[i + 1])]
                            if scalar != 0 {
                                UTF8Writer.append(scalar, to: &out)
                                i += 2
                                continue
                            }
                        }
                        UTF8Writer.append(singles[b], to: &out)
                        i += 1
                    }
                }
            }
        }
    }
}

/// The tables of the module, each loaded once from its resource file on first use.
enum CodeTables {
    static let windows1252 = CodeTable(file: TableFile.load("windows-1252"), fallbackTable: nil)
    static let tcvn3 = CodeTable(file: TableFile.load("tcvn3"), fallbackTable: windows1252.single)
    static let vni = CodeTable(file: TableFile.load("vni"), fallbackTable: windows1252.single)
    static let viscii = CodeTable(file: TableFile.load("viscii"), fallbackTable: windows1252.single)
    static let vps = CodeTable(file: TableFile.load("vps"), fallbackTable: windows1252.single)
    static let windows1258 = CodeTable(file: TableFile.load("windows-1258"), fallbackTable: windows1252.single)

    /// The byte table of an encoding; nil for VIQR, which is not a byte table.
    static func table(for encoding: LegacyEncoding) -> CodeTable? {
        switch encoding {
        case .tcvn3: tcvn3
        case .vni: vni
        case .viscii: viscii
        case .vps: vps
        case .windows1258: windows1258
        case .viqr: nil
        }
    }
}
