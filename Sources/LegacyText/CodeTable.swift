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
    /// The same tables with each scalar already in UTF-8, for `decode(_:into:)`.
    let packed: PackedTable

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
        self.packed = PackedTable(single: single, pairRow: pairRow, pairs: pairs)
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

/// A code table as raw memory, each scalar stored as its UTF-8 bytes and their count, so
/// decoding writes a byte's letter with one store (see `decode`). The memory lives as long as
/// the process (the tables are built once); hot loops copy the value into a local.
struct PackedTable: @unchecked Sendable {  // read-only memory, written once before publication
    /// For each byte: its scalar's UTF-8 (up to 4 bytes, first byte lowest) | length << 32.
    let single: UnsafePointer<UInt64>
    /// For each first byte, 1 + its row in `pairs`, or 0.
    let pairRow: UnsafePointer<UInt16>
    /// Rows of 256 packed scalars; 0 = no two-byte letter.
    let pairs: UnsafePointer<UInt64>
    let hasPairs: Bool
    /// For each byte, its scalar's capital (`UTF8Writer.upper`), packed as `single`.
    let singleUpper: UnsafePointer<UInt64>
    /// For each byte, what `CapitalInference` asks of its scalar (the `Capitals` bits).
    let capitals: UnsafePointer<UInt8>
    /// Whether `decodeInferringCapitals` gives what decoding then `CapitalInference.apply`
    /// give: one scalar per byte (no pairs), capitals as long as their letters.
    let infersCapitalsInline: Bool

    /// For each byte, whether it ends a two-byte letter.
    let endsPair: UnsafePointer<Bool>
    /// Whether every scalar the table writes is one that NFC leaves as it is and never joins
    /// with its neighbours (ASCII, U+0080...U+02FF, U+1E00...U+1EFF, U+2010...U+20BF, ™, U+FFFD),
    /// or a combining mark no ASCII character takes (U+0300...U+036F but U+0338): then an ASCII
    /// separator cuts the decoded text into pieces that compose, and score, on their own.
    let piecewise: Bool

    /// Bits of `capitals`.
    enum Capitals {
        /// `CapitalInference.isLetter`.
        static let letter: UInt8 = 1
        /// An ASCII capital, or one of the capitals TCVN3 has codes for.
        static let typedCapital: UInt8 = 2
        /// A small ASCII letter.
        static let asciiSmall: UInt8 = 4
        /// A small letter beyond ASCII (it has a capital).
        static let otherSmall: UInt8 = 8
    }

    /// Bytes `decode` may write past the end of what it decodes (it stores 4 bytes at a time).
    static let slack = 4

    init(single: [UInt32], pairRow: [UInt16], pairs: [UInt32]) {
        func pack(_ value: UInt32) -> UInt64 {
            var bytes: [UInt8] = []
            UTF8Writer.append(value, to: &bytes)
            var packed = UInt64(bytes.count) << 32
            for (k, byte) in bytes.enumerated() { packed |= UInt64(byte) << (8 * UInt64(k)) }
            return packed
        }
        func permanent<T>(_ values: [T]) -> UnsafePointer<T> {
            let p = UnsafeMutablePointer<T>.allocate(capacity: max(values.count, 1))
            p.initialize(from: values, count: values.count)
            return UnsafePointer(p)
        }
        self.single = permanent(single.map(pack))
        self.pairRow = permanent(pairRow)
        self.pairs = permanent(pairs.map { $0 == 0 ? 0 : pack($0) })
        self.hasPairs = !pairs.isEmpty
        self.singleUpper = permanent(single.map { pack(UTF8Writer.upper($0)) })
        let flags = LetterFlags.shared
        self.capitals = permanent(single.map { v -> UInt8 in
            guard CapitalInference.isLetter(v) else { return 0 }
            if v < 0x80 { return Capitals.letter | (v <= 0x5A ? Capitals.typedCapital : Capitals.asciiSmall) }
            let f = flags.of(v)
            if f & LetterFlags.small != 0 { return Capitals.letter | Capitals.otherSmall }
            if f & LetterFlags.untonedCapital != 0 { return Capitals.letter | Capitals.typedCapital }
            return Capitals.letter
        })
        self.infersCapitalsInline = pairs.isEmpty && single.allSatisfy { v in
            pack(UTF8Writer.upper(v)) >> 32 == pack(v) >> 32
        }
        var endsPair = [Bool](repeating: false, count: 256)
        for (k, scalar) in pairs.enumerated() where scalar != 0 { endsPair[k % 256] = true }
        self.endsPair = permanent(endsPair)
        func isPiecewise(_ v: UInt32) -> Bool {
            v < 0x0300 || (v >= 0x0300 && v <= 0x036F && v != 0x0338) || (v >= 0x1E00 && v <= 0x1EFF)
                || (v >= 0x2010 && v <= 0x20BF) || v == 0x2122 || v == 0xFFFD
        }
        self.piecewise = single.allSatisfy(isPiecewise) && pairs.allSatisfy { $0 == 0 || isPiecewise($0) }
    }

    /// Whether `byte` decodes as the scalar of the same number, on its own: it starts and ends
    /// no two-byte letter.
    func decodesAsItself(_ byte: UInt8) -> Bool {
        single[Int(byte)] == 1 << 32 | UInt64(byte) && pairRow[Int(byte)] == 0 && !endsPair[Int(byte)]
    }

    /// `decode`, then `CapitalInference.apply` on what it wrote, in one pass: only when
    /// `infersCapitalsInline`. A word (a run of bytes whose scalars are letters) that qualifies
    /// is written again from `singleUpper` over its own bytes.
    @inline(never)
    func decodeInferringCapitals(_ input: UnsafePointer<UInt8>, count n: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let raw = UnsafeMutableRawPointer(out)
        var o = 0
        var i = 0
        var wordStart = 0, wordOut = 0
        var typed = 0, asciiSmall = 0, otherSmall = 0
        while i < n {
            let b = Int(input[i])
            let kind = Int(capitals[b])
            let packed = single[b]
            let length = Int(truncatingIfNeeded: packed >> 32)
            raw.storeBytes(of: UInt32(truncatingIfNeeded: packed).littleEndian, toByteOffset: o, as: UInt32.self)
            if kind == 0 {
                if typed >= 2 * Int(Capitals.typedCapital) && asciiSmall == 0 && otherSmall > 0 {
                    rewriteUpper(input + wordStart, count: i &- wordStart, at: raw + wordOut)
                }
                typed = 0
                asciiSmall = 0
                otherSmall = 0
                wordStart = i &+ 1
                wordOut = o &+ length
            } else {
                typed &+= kind & Int(Capitals.typedCapital)
                asciiSmall &+= kind & Int(Capitals.asciiSmall)
                otherSmall &+= kind & Int(Capitals.otherSmall)
            }
            o &+= length
            i &+= 1
        }
        if typed >= 2 * Int(Capitals.typedCapital) && asciiSmall == 0 && otherSmall > 0 {
            rewriteUpper(input + wordStart, count: n &- wordStart, at: raw + wordOut)
        }
        return o
    }

    /// Writes over `out` the capitals of the scalars of `count` input bytes (as many bytes as
    /// their letters took).
    private func rewriteUpper(_ input: UnsafePointer<UInt8>, count: Int, at out: UnsafeMutableRawPointer) {
        var o = 0
        for k in 0..<count {
            let packed = singleUpper[Int(input[k])]
            // Store byte by byte: the bytes after the word are already written.
            for j in 0..<Int(truncatingIfNeeded: packed >> 32) {
                out.storeBytes(of: UInt8(truncatingIfNeeded: packed >> (8 * UInt64(j))), toByteOffset: o &+ j, as: UInt8.self)
            }
            o &+= Int(truncatingIfNeeded: packed >> 32)
        }
    }

    /// Writes the UTF-8 decoding of `input` at `out`, which must have room for four bytes per
    /// input byte plus `slack`; returns the number of bytes written. The same output as
    /// `CodeTable.decode` (lowercase tables).
    @inline(never)
    func decode(_ input: UnsafePointer<UInt8>, count n: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let raw = UnsafeMutableRawPointer(out)
        var o = 0
        var i = 0
        while i < n {
            let b = Int(input[i])
            if hasPairs {
                let row = Int(pairRow[b])
                if row != 0 && i &+ 1 < n {
                    let packed = pairs[(row &- 1) &* 256 &+ Int(input[i &+ 1])]
                    if packed != 0 {
                        raw.storeBytes(of: UInt32(truncatingIfNeeded: packed).littleEndian, toByteOffset: o, as: UInt32.self)
                        o &+= Int(truncatingIfNeeded: packed >> 32)
                        i &+= 2
                        continue
                    }
                }
            }
            let packed = single[b]
            raw.storeBytes(of: UInt32(truncatingIfNeeded: packed).littleEndian, toByteOffset: o, as: UInt32.self)
            o &+= Int(truncatingIfNeeded: packed >> 32)
            i &+= 1
        }
        return o
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
