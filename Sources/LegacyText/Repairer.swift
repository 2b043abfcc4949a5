import VietnameseText

/// The paragraph-by-paragraph repair behind `LegacyRepair.repair`.
///
/// 1. Evidence: lines that may hold legacy text (`Line.mayBeLegacy`) are decoded with every
///    candidate table until one encoding has clearly won (`isDecisive`); a line counts for an
///    encoding when that decoding is clearly more Vietnamese than the line (`isClearlyBetter`).
/// 2. Clear lines: every such line takes the document's encoding when that is clearly better,
///    else the best other candidate when that is.
/// 3. The rest, when at least `minimumClearLines` lines were clear: lines with decodable
///    characters take the document's encoding when it is no worse (short lines such as `Sè:`,
///    whose only evidence is the document); when the line has suspicious characters, the
///    decoding must also be better in some way or leave none of them (`N§-CP` -> `NĐ-CP`).
///
/// How it runs fast, with the results of the steps as defined, byte for byte (the tests
/// compare it with the plain implementation they keep, `Reference`):
///
/// - `Line.split` turns every line into its bytes as read (Windows-1252) in the pass that
///   counts its suspicious characters.
/// - Those bytes are cut into pieces at ASCII spaces and punctuation, which every table decodes
///   as themselves; a line's score is the sum of its pieces' (`OnePassScore`), and a piece's
///   counts, for the line as it stands and for every reading, are cached together
///   (`BytePieceCache`). A document repeats its syllables: most lines are scored by lookups,
///   without decoding.
/// - Only a reading that is chosen is decoded in full (`PackedTable`: ready UTF-8 per byte,
///   capitals inferred on the way for TCVN3), and kept in one arena.
/// - Lines that do not fit (scalars no Windows-1252 byte gives, C1 controls) go the plain way:
///   decoded, then scored on their text.
///
/// Nothing is allocated per line. `run` frees the buffers: a `Repairer` runs once.
struct Repairer {
    /// Valid syllables a decoding must add to a line to count as clear evidence.
    static let minimumGain = 2
    /// Syllable share a decoded line must reach to count as clear evidence.
    static let minimumShare = 0.6
    /// How far the decoded share must rise above the original's.
    static let minimumShareGain = 0.2
    /// Evidence (syllables gained) after which the leading encoding is the document's, when it
    /// has at least `decisiveLead` times the runner-up's.
    static let decisiveEvidence = 40
    static let decisiveLead = 4
    /// Clear lines a document needs before its encoding is applied to lines without evidence.
    static let minimumClearLines = 2

    /// A score as stored per line and reading; `words < 0` means not computed yet.
    struct Stored {
        var words: Int32 = -1
        var syllables: Int32 = 0
        var marked: Int32 = 0
        var suspicious: Int32 = 0

        init() {}

        init(_ score: LineScore) {
            words = Int32(clamping: score.words)
            syllables = Int32(clamping: score.syllables)
            marked = Int32(clamping: score.marked)
            suspicious = Int32(clamping: score.suspicious)
        }

        var isComputed: Bool { words >= 0 }
        var score: LineScore {
            LineScore(words: Int(words), syllables: Int(syllables), marked: Int(marked), suspicious: Int(suspicious))
        }
    }

    let p: UnsafeBufferPointer<UInt8>
    let options: RepairOptions
    let lines: [Line]
    /// The candidates that have a table, each once, in the order of `options.candidates`: a
    /// reading is named by its index here (its slot).
    let encodings: [LegacyEncoding]
    let tables: [PackedTable]
    let composes: [Bool]
    let infersCapitals: [Bool]
    let flags = LetterFlags.shared
    let classes = ScalarClasses.shared
    let wordTables = VietnameseScore.tables

    /// The score of each line as it stands.
    var originals: [Stored]
    /// The score of each reading: `lines.count` rows of `encodings.count`.
    var readings: [Stored]
    /// The slot of each line's chosen reading, or -1.
    var chosen: [Int]
    /// The bytes of each chosen reading, in `arena`.
    var chosenBytes: [Range<Int>]
    var arena: [UInt8] = []

    /// The line last turned into bytes (-1: none) and its bytes, with the scalars that have no
    /// Windows-1252 byte as (byte position, line start, line end) triples.
    var rawLine = -1
    var rawBase: UnsafeMutablePointer<UInt8>
    var rawCount = 0
    var passThrough: [Int] = []
    /// The bytes of all lines, and the scalars without a byte (`Line.split`).
    let rawAll: ScratchBytes
    let passThroughAll: [Int]
    /// Whether the line holds a C1 control (U+0080...U+009F), which reads back as a byte that
    /// Windows-1252 shows otherwise.
    var rawHasC1 = false
    /// The reading last decoded into `decoded` (line, slot) and its length.
    var decodedLine = -1, decodedSlot = -1, decodedCount = 0
    var decoded: ScratchBytes
    /// The copy that scoring makes.
    var scratch: ScratchBytes
    /// A piece of a line, decoded.
    var piece: ScratchBytes
    /// The pieces of the bytes of line `pieceLine` (`pieceCount` of them; room for as many as a
    /// line can have).
    let pieces: UnsafeMutablePointer<Piece>
    var pieceCount = 0
    /// Counts summed by `scorePieces`, one for each kind.
    let totals: UnsafeMutablePointer<OnePassScore.Counts>
    var pieceLine = -1
    /// For each byte, 1 when it separates pieces in every candidate: an ASCII character that is
    /// neither a letter nor a digit, which every table decodes as itself and no two-byte letter
    /// starts or ends with.
    let separatesBytes: ScratchBytes
    /// Whether the separators from U+0020 up are exactly the ASCII characters that are neither
    /// letters nor digits (as they are for the tables shipped), so that eight bytes can be
    /// tested at once.
    let separatorsAreASCIIPunctuation: Bool
    /// Whether a slot's readings may be scored by pieces of bytes (`scorePieces`): its table
    /// writes nothing that composes or reorders across a separator.
    let scoresPieces: [Bool]
    /// Counts of the pieces of lines scored, for the many lines that repeat them: as text, and
    /// as bytes for every way of reading them.
    let pieceCache: PieceCache
    let byteCache: BytePieceCache

    init(_ p: UnsafeBufferPointer<UInt8>, options: RepairOptions) {
        self.p = p
        self.options = options
        // The bytes of every line as read, and 16 more to read past a piece (`PieceCache.key`).
        let mayBeLegacy = Line.anySuspicious(p)
        let rawAll = ScratchBytes(capacity: mayBeLegacy ? p.count + 16 : 16)
        var passThroughAll: [Int] = []
        self.lines = mayBeLegacy ? Line.split(p, raw: rawAll.base, passThrough: &passThroughAll) : []
        self.rawAll = rawAll
        self.passThroughAll = passThroughAll
        self.rawBase = rawAll.base
        var encodings: [LegacyEncoding] = []
        var tables: [PackedTable] = []
        var composes: [Bool] = []
        for encoding in options.candidates where !encodings.contains(encoding) {
            guard let table = CodeTables.table(for: encoding) else { continue }
            encodings.append(encoding)
            tables.append(table.packed)
            composes.append(table.needsComposition)
        }
        self.encodings = encodings
        self.tables = tables
        self.composes = composes
        self.infersCapitals = encodings.map { options.inferCapitals && $0 == .tcvn3 }
        self.originals = Array(repeating: Stored(), count: lines.count)
        self.readings = lines.isEmpty ? [] : Array(repeating: Stored(), count: lines.count * encodings.count)
        self.chosen = Array(repeating: -1, count: lines.count)
        self.chosenBytes = Array(repeating: 0..<0, count: lines.count)
        let longest = lines.reduce(0) { max($0, $1.range.count) }
        decoded = ScratchBytes(capacity: Self.decodedCapacity(longest))
        scratch = ScratchBytes(capacity: Self.decodedCapacity(longest))
        pieceCache = PieceCache(bits: Self.cacheBits(p.count) > 0 ? 10 : 0)
        byteCache = BytePieceCache(bits: Self.cacheBits(p.count))
        piece = ScratchBytes(capacity: Self.decodedCapacity(longest))
        // Pieces are separated by at least a byte: at most one for every two bytes, and one more.
        pieces = UnsafeMutablePointer<Piece>.allocate(capacity: longest / 2 + 1)
        totals = UnsafeMutablePointer<OnePassScore.Counts>.allocate(capacity: Self.originalKind + 1)
        totals.initialize(repeating: OnePassScore.Counts(), count: Self.originalKind + 1)
        let separates = ScratchBytes(capacity: 256)
        for b in 0..<256 {
            let byte = UInt8(b)
            separates.base[b] = ScalarClasses.shared.separates(byte) && tables.allSatisfy { $0.decodesAsItself(byte) }
                && CodeTables.windows1252.packed.decodesAsItself(byte) ? 1 : 0
        }
        separatesBytes = separates
        separatorsAreASCIIPunctuation = (0x20..<0x80).allSatisfy { b in
            let alphanumeric = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A)
            return (separates.base[b] != 0) == !alphanumeric
        }
        let keepLength = LetterFlags.shared.capitalsKeepLength
        scoresPieces = zip(tables, infersCapitals).map { table, infers in table.piecewise && (!infers || keepLength) }
    }

    /// Slots of the piece cache for a text of `count` bytes: none for small texts (a cache pays
    /// once a text has some thousands of words), then one for each 256 bytes (a table with
    /// room to spare keeps pieces from pushing each other out), from 1 K (64 KB) to 32 K (2 MB).
    static func cacheBits(_ count: Int) -> Int {
        guard count >= 1 << 16 else { return 0 }
        return min(15, max(10, Int.bitWidth - (count >> 8).leadingZeroBitCount))
    }

    /// Room for any decoding of a line of `count` bytes: four bytes per byte, and the slack of
    /// `PackedTable.decode`.
    static func decodedCapacity(_ count: Int) -> Int { 4 * count + PackedTable.slack }

    mutating func run(original: String) -> RepairResult {
        defer {
            rawAll.deallocate()
            decoded.deallocate()
            scratch.deallocate()
            piece.deallocate()
            separatesBytes.deallocate()
            pieceCache.deallocate()
            byteCache.deallocate()
            totals.deallocate()
            pieces.deallocate()
        }
        guard !lines.isEmpty else {
            // The fast path: nothing typical of legacy bytes anywhere.
            return RepairResult(text: original, paragraphs: 1 + p.lazy.filter { $0 == 0x0A }.count)
        }
        // Decoded lines take a little more room than they had as read: one allocation, in
        // pages that are touched only when used.
        arena.reserveCapacity(p.count + p.count / 2)
        let dominant = gatherEvidence()
        for index in lines.indices where lines[index].mayBeLegacy {
            chooseClear(index, dominant: dominant)
        }
        let clearLines = dominant.map { slot in chosen.lazy.filter { $0 == slot }.count } ?? 0
        if let dominant, clearLines >= Self.minimumClearLines {
            for index in lines.indices where chosen[index] < 0 && lines[index].decodable > 0 {
                chooseNoWorse(index, dominant: dominant)
            }
        }
        return assemble(original: original)
    }

    // MARK: - Steps

    /// The document's encoding (its slot): the one whose decodings most often make lines clearly
    /// more Vietnamese (weighted by syllables gained); nil when no line is clearly legacy.
    mutating func gatherEvidence() -> Int? {
        var evidence = Array(repeating: 0, count: encodings.count)
        for index in lines.indices where lines[index].mayBeLegacy {
            prepare(index, allKinds)
            let before = original(index)
            if let best = best(index, preferring: nil) {
                let score = readings[row(index) + best].score
                if Self.isClearlyBetter(score, than: before) { evidence[best] += score.syllables - before.syllables }
            }
            if Self.isDecisive(evidence) { break }
        }
        // The most evidence; on a tie, the earlier candidate.
        var leader: Int?
        for slot in evidence.indices where evidence[slot] > 0 {
            if leader.map({ evidence[slot] > evidence[$0] }) ?? true { leader = slot }
        }
        return leader
    }

    /// Whether the leader has at least `decisiveEvidence` and `decisiveLead` times the runner-up's
    /// (encodings without evidence do not count).
    static func isDecisive(_ evidence: [Int]) -> Bool {
        var top = 0, second = 0, count = 0
        for value in evidence where value > 0 {
            count += 1
            if value > top {
                second = top
                top = value
            } else if value > second {
                second = value
            }
        }
        guard count > 0, top >= decisiveEvidence else { return false }
        return count == 1 || top >= decisiveLead * second
    }

    /// Step 2 for one line.
    mutating func chooseClear(_ index: Int, dominant: Int?) {
        prepare(index, 1 << Self.originalKind | (dominant.map { 1 << $0 } ?? 0))
        let before = original(index)
        if let dominant {
            let own = reading(index, dominant)
            if Self.isClearlyBetter(own.score, than: before), changes(index, dominant) {
                choose(index, dominant)
                return
            }
        }
        prepare(index, allKinds)
        if let best = best(index, preferring: dominant) {
            let reading = readings[row(index) + best]
            if Self.isClearlyBetter(reading.score, than: before), changes(index, best) { choose(index, best) }
        }
    }

    /// Step 3 for one line.
    mutating func chooseNoWorse(_ index: Int, dominant: Int) {
        let line = lines[index]
        guard line.mayBeLegacy || line.unicodeVietnamese == 0 else { return }
        prepare(index, 1 << Self.originalKind | 1 << dominant)
        let before = original(index)
        let stored = reading(index, dominant)
        let reading = stored.score
        guard reading.syllables >= before.syllables,
              reading.marked >= before.marked,
              reading.invalid <= before.invalid,
              changes(index, dominant) else { return }
        let better = reading.syllables > before.syllables || reading.marked > before.marked
            || reading.invalid < before.invalid
        guard better || line.suspicious == 0 || reading.suspicious == 0 else { return }
        choose(index, dominant)
    }

    // MARK: - Parts

    /// Whether a decoding is clearly more Vietnamese than the line as it was: at least
    /// `minimumGain` more valid syllables, a syllable share of at least `minimumShare` and
    /// `minimumShareGain` above the original's, and at least two syllables with marks.
    static func isClearlyBetter(_ reading: LineScore, than original: LineScore) -> Bool {
        reading.syllables - original.syllables >= minimumGain
            && reading.share >= minimumShare
            && reading.share - original.share >= minimumShareGain
            && reading.marked >= 2
    }

    /// The slot of the best reading computed for a line: the highest `LineScore.key`; on a
    /// tie, `preferring`, else the earlier candidate. Nil when none is computed.
    func best(_ index: Int, preferring: Int?) -> Int? {
        let base = row(index)
        var best: Int?
        var bestKey = (0, 0)
        for slot in encodings.indices where readings[base + slot].isComputed {
            let key = readings[base + slot].score.key
            if best == nil || key > bestKey || (key == bestKey && slot == preferring) {
                best = slot
                bestKey = key
            }
        }
        return best
    }

    @inline(__always)
    func row(_ index: Int) -> Int { index * encodings.count }

    func lineBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: p[lines[index].range]) }

    mutating func original(_ index: Int) -> LineScore {
        if !originals[index].isComputed { prepare(index, 1 << Self.originalKind) }
        return originals[index].score
    }

    /// Every kind of score of a line: as it stands, and each reading.
    var allKinds: Int { 1 << Self.originalKind | (1 << encodings.count - 1) }

    /// Computes the scores of line `index` named by `kinds` that are not known yet (bit k: the
    /// reading in slot k; bit `originalKind`: the line as it stands): those that can, together
    /// in one pass over the line's pieces (`scorePieces`), the others on the line's text.
    mutating func prepare(_ index: Int, _ kinds: Int) {
        var wanted = 0
        if kinds & 1 << Self.originalKind != 0 && !originals[index].isComputed { wanted |= 1 << Self.originalKind }
        let base = row(index)
        for slot in encodings.indices where kinds & 1 << slot != 0 && !readings[base + slot].isComputed { wanted |= 1 << slot }
        guard wanted != 0 else { return }
        if rawLine != index { asRead(index) }
        var byPieces = 0
        if passThrough.isEmpty {
            if wanted & 1 << Self.originalKind != 0 && Self.readsAsWindows1252 && !rawHasC1 { byPieces |= 1 << Self.originalKind }
            for slot in encodings.indices where wanted & 1 << slot != 0 && scoresPieces[slot] { byPieces |= 1 << slot }
        }
        if byPieces != 0 { scorePieces(index, byPieces) }
        let rest = wanted & ~byPieces
        if rest & 1 << Self.originalKind != 0 {
            // Not exactly its bytes read as Windows-1252: the line's own text.
            let score = Scoring.measureAsRead(lineBytes(index), scratch: scratch.base, flags: flags, classes: classes,
                                              words: wordTables, cache: pieceCache)
            originals[index] = Stored(score)
        }
        for slot in encodings.indices where rest & 1 << slot != 0 {
            decode(index, slot)
            let output = UnsafeBufferPointer(start: decoded.base, count: decodedCount)
            let score = Scoring.measureAsRead(output, scratch: scratch.base, flags: flags, classes: classes, words: wordTables,
                                              cache: pieceCache)
            readings[base + slot] = Stored(score)
        }
    }

    /// The bit (`prepare`) that names the score of a line as it stands; bits 0..<5 name the
    /// readings. In `BytePieceCache` it takes the kind after the encodings'.
    static var originalKind: Int { 6 }

    /// Whether a line with no C1 control and no pass-through scalar is exactly its bytes
    /// (`asRead`) decoded with the Windows-1252 table: every scalar that `AsRead.byte` turns
    /// into a byte is the table's scalar for that byte.
    static let readsAsWindows1252: Bool = {
        let table = CodeTables.windows1252.single
        for v in UInt32(0x80)...UInt32(0x2200) {
            let byte = AsRead.byte(v)
            guard byte >= 0, !(0x80...0x9F).contains(v) else { continue }
            if table[byte] != v { return false }
        }
        return true
    }()

    /// The score of the line decoded with the encoding in `slot` (computed once).
    mutating func reading(_ index: Int, _ slot: Int) -> Stored {
        let at = row(index) + slot
        if !readings[at].isComputed { prepare(index, 1 << slot) }
        return readings[at]
    }

    /// Whether the reading in `slot` changes the line (its bytes differ from the line's).
    mutating func changes(_ index: Int, _ slot: Int) -> Bool {
        if decodedLine != index || decodedSlot != slot { decode(index, slot) }
        let line = lineBytes(index)
        return decodedCount != line.count || !UnsafeBufferPointer(start: decoded.base, count: decodedCount).elementsEqual(line)
    }

    /// The scores of the current line (line `index`: no pass-through scalars) named by `kinds`
    /// (as for `prepare`), summed over its pieces: the decoding of a piece of bytes between
    /// separators (`separatesBytes`) is the piece of the decoded line between the same
    /// separators, and a line's counts are the sums of its pieces' (`OnePassScore`). Each
    /// piece's counts come from the cache (one slot for all kinds), else from decoding and
    /// scoring the piece alone.
    mutating func scorePieces(_ index: Int, _ kinds: Int) {
        if pieceLine != rawLine { findPieces() }
        let totals = self.totals
        for kind in 0...Self.originalKind { totals[kind] = OnePassScore.Counts() }
        let cacheKinds = BytePieceCache.kinds
        for p in 0..<pieceCount {
            let piece = pieces[p]
            let start = Int(piece.start), count = Int(piece.count)
            let cached = count <= 16 ? byteCache.slot(lo: piece.lo, hi: piece.hi, count: count) : nil
            var remaining = kinds
            while remaining != 0 {
                let kind = remaining.trailingZeroBitCount
                remaining &= remaining &- 1
                // The line as it stands takes the cache's kind after the encodings'.
                let cacheKind = kind == Self.originalKind ? encodings.count : kind
                if let cached, cacheKind < cacheKinds {
                    if let counts = BytePieceCache.counts(cached, kind: cacheKind, count: count) {
                        totals[kind] += counts
                        continue
                    }
                    let counts = decodeAndCount(kind, start: start, count: count)
                    BytePieceCache.store(counts, in: cached, kind: cacheKind, count: count)
                    totals[kind] += counts
                } else {
                    totals[kind] += decodeAndCount(kind, start: start, count: count)
                }
            }
        }
        var remaining = kinds
        while remaining != 0 {
            let kind = remaining.trailingZeroBitCount
            remaining &= remaining &- 1
            let total = totals[kind]
            let score = Stored(LineScore(words: total.words, syllables: max(0, total.syllables &- total.breaks), marked: total.marked,
                                         suspicious: total.suspicious))
            if kind == Self.originalKind { originals[index] = score } else { readings[row(index) + kind] = score }
        }
    }

    /// The counts of `count` bytes of `raw` decoded with `slot` as `decode` decodes a line (or
    /// read as Windows-1252 for `originalKind`).
    mutating func decodeAndCount(_ slot: Int, start: Int, count: Int) -> OnePassScore.Counts {
        let out = piece.base
        if slot == Self.originalKind {
            let n = CodeTables.windows1252.packed.decode(rawBase + start, count: count, into: out)
            return countPiece(n)
        }
        let table = tables[slot]
        var n: Int
        if infersCapitals[slot] && table.infersCapitalsInline && !composes[slot] {
            n = table.decodeInferringCapitals(rawBase + start, count: count, into: out)
        } else {
            n = table.decode(rawBase + start, count: count, into: out)
            if composes[slot] && !Self.isTriviallyNFC(UnsafeBufferPointer(start: out, count: n)) {
                let composed = LegacyDecoder.composed(Array(UnsafeBufferPointer(start: out, count: n)))
                piece.reserve(composed.count + PackedTable.slack)
                n = composed.withUnsafeBufferPointer { piece.copy($0) }
            }
            if infersCapitals[slot] {
                // `scoresPieces` holds only when capitals keep their length.
                CapitalInference.applyInPlace(piece.base, count: n, flags: flags)
            }
        }
        return countPiece(n)
    }

    /// The counts of the `n` bytes of text in `piece`.
    mutating func countPiece(_ n: Int) -> OnePassScore.Counts {
        let text = UnsafeBufferPointer(start: piece.base, count: n)
        if let counts = OnePassScore.counts(text, classes: classes, words: wordTables) { return counts }
        scratch.reserve(n)
        return Scoring.countsByCopy(text, scratch: scratch.base, flags: flags)
    }

    /// A piece of the current line's bytes: where, and its bytes as a key (`PieceCache.key`;
    /// only for pieces of up to 16 bytes).
    struct Piece {
        var start: Int
        var count: Int
        var lo: UInt64
        var hi: UInt64
    }

    /// The pieces of the current line's bytes between separators (`separatesBytes`).
    mutating func findPieces() {
        let base = rawBase
        let separates = separatesBytes.base
        let limit = rawAll.base + rawAll.capacity
        let n = rawCount
        let bySWAR = separatorsAreASCIIPunctuation
        var i = 0
        // The start of the piece being read, or -1.
        var start = -1
        let pieces = self.pieces
        var found = 0
        @inline(__always) func add(_ start: Int, _ end: Int, to found: inout Int) {
            let count = end &- start
            let (lo, hi) = count <= 16 ? PieceCache.key(base + start, count: count, limit: limit) : (0, 0)
            pieces[found] = Piece(start: start, count: count, lo: lo, hi: hi)
            found &+= 1
        }
        while i < n {
            if bySWAR && i &+ 8 <= n {
                // Eight bytes at a time: which are letters, digits or beyond ASCII (not
                // separators), as the top bit of each byte. C0 controls go byte by byte.
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let high = word & 0x8080_8080_8080_8080
                let low = word & 0x7F7F_7F7F_7F7F_7F7F
                let control = ~(low &+ 0x6060_6060_6060_6060) & ~high & 0x8080_8080_8080_8080
                if control == 0 {
                    let digit = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646)
                    let folded = low | 0x2020_2020_2020_2020
                    let letter = (folded &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(folded &+ 0x0505_0505_0505_0505)
                    let inPiece = (high | digit | letter) & 0x8080_8080_8080_8080
                    var from: UInt64 = 0x8080_8080_8080_8080
                    while true {
                        if start >= 0 {
                            let ends = ~inPiece & from
                            if ends == 0 { break }
                            let at = ends.trailingZeroBitCount >> 3
                            add(start, i &+ at, to: &found)
                            start = -1
                            from = at == 7 ? 0 : from & (~0 << UInt64(8 &* (at &+ 1)))
                        } else {
                            let starts = inPiece & from
                            if starts == 0 { break }
                            let at = starts.trailingZeroBitCount >> 3
                            start = i &+ at
                            from = at == 7 ? 0 : from & (~0 << UInt64(8 &* (at &+ 1)))
                        }
                    }
                    i &+= 8
                    continue
                }
            }
            if separates[Int(base[i])] != 0 {
                if start >= 0 {
                    add(start, i, to: &found)
                    start = -1
                }
            } else if start < 0 {
                start = i
            }
            i &+= 1
        }
        if start >= 0 { add(start, n, to: &found) }
        pieceCount = found
        pieceLine = rawLine
    }

    /// Records the reading in `slot` as the line's and keeps its bytes.
    mutating func choose(_ index: Int, _ slot: Int) {
        if decodedLine != index || decodedSlot != slot { decode(index, slot) }
        let start = arena.count
        arena.append(contentsOf: UnsafeBufferPointer(start: decoded.base, count: decodedCount))
        chosen[index] = slot
        chosenBytes[index] = start..<arena.count
    }

    /// Decodes line `index` with the table in `slot` into `decoded`: the scalars that have a
    /// Windows-1252 byte as those bytes, the others copied; composed for Windows-1258, capitals
    /// inferred for TCVN3.
    mutating func decode(_ index: Int, _ slot: Int) {
        let line = lineBytes(index)
        if rawLine != index { asRead(index) }
        let table = tables[slot]
        let out = decoded.base
        decodedLine = index
        decodedSlot = slot
        if infersCapitals[slot] && passThrough.isEmpty && table.infersCapitalsInline && !composes[slot] {
            // The common case for TCVN3: bytes only, capitals inferred as they are decoded.
            decodedCount = table.decodeInferringCapitals(rawBase, count: rawCount, into: out)
            scratch.reserve(decodedCount)
            return
        }
        var o = 0
        var from = 0
        var k = 0
        while k < passThrough.count {
            let at = passThrough[k], start = passThrough[k + 1], end = passThrough[k + 2]
            o += table.decode(rawBase + from, count: at - from, into: out + o)
            if let lineBase = line.baseAddress {
                (out + o).update(from: lineBase + start, count: end - start)
                o += end - start
            }
            from = at
            k += 3
        }
        o += table.decode(rawBase + from, count: rawCount - from, into: out + o)
        decodedCount = o
        if composes[slot] && !Self.isTriviallyNFC(UnsafeBufferPointer(start: out, count: o)) {
            let composed = LegacyDecoder.composed(Array(UnsafeBufferPointer(start: out, count: o)))
            decoded.reserve(composed.count + PackedTable.slack)
            decodedCount = composed.withUnsafeBufferPointer { decoded.copy($0) }
        }
        if infersCapitals[slot] {
            if flags.capitalsKeepLength {
                CapitalInference.applyInPlace(decoded.base, count: decodedCount, flags: flags)
            } else {
                var bytes = Array(UnsafeBufferPointer(start: decoded.base, count: decodedCount))
                CapitalInference.apply(&bytes)
                decoded.reserve(bytes.count + PackedTable.slack)
                decodedCount = bytes.withUnsafeBufferPointer { decoded.copy($0) }
            }
        }
        scratch.reserve(decodedCount)
    }

    /// Makes line `index` the current one: its bytes as read (`Line.raw`) and its scalars without
    /// a byte (`passThrough`, as positions in the line's bytes and text).
    mutating func asRead(_ index: Int) {
        let line = lines[index]
        rawBase = rawAll.base + line.raw.lowerBound
        rawCount = line.raw.count
        rawHasC1 = line.hasC1
        passThrough.removeAll(keepingCapacity: true)
        var k = line.passThrough.lowerBound
        while k < line.passThrough.upperBound {
            passThrough.append(passThroughAll[k] - line.raw.lowerBound)
            passThrough.append(passThroughAll[k + 1] - line.range.lowerBound)
            passThrough.append(passThroughAll[k + 2] - line.range.lowerBound)
            k += 3
        }
        rawLine = index
    }

    /// `VietnameseNormalizer`'s test for text NFC leaves as it is (every scalar below U+0300,
    /// in U+1E00...U+1EFF or in U+2010...U+20BF): then composing changes nothing.
    static func isTriviallyNFC(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0xCC { i += 1; continue }
            if b == 0xE1, i + 1 < n, p[i + 1] >= 0xB8, p[i + 1] <= 0xBB { i += 3; continue }
            if b == 0xE2, i + 2 < n {
                let c = p[i + 1]
                if (c == 0x80 && p[i + 2] >= 0x90) || c == 0x81 || c == 0x82 { i += 3; continue }
            }
            return false
        }
        return true
    }

    func assemble(original: String) -> RepairResult {
        var repaired = 0
        var total = max(0, lines.count - 1)
        var counts = Array(repeating: 0, count: encodings.count)
        var words = 0, syllables = 0
        for index in lines.indices {
            let slot = chosen[index]
            if slot >= 0 {
                repaired += 1
                total += chosenBytes[index].count
                counts[slot] += 1
                let score = readings[row(index) + slot]
                words += Int(score.words)
                syllables += Int(score.syllables)
            } else {
                total += lines[index].range.count
            }
        }
        guard repaired > 0 else { return RepairResult(text: original, paragraphs: lines.count) }
        let text = arena.withUnsafeBufferPointer { arena in
            String(unsafeUninitializedCapacity: total) { out in
                guard let base = out.baseAddress else { return 0 }
                var o = 0
                for index in lines.indices {
                    if index > 0 {
                        base[o] = 0x0A
                        o += 1
                    }
                    let bytes = chosen[index] >= 0 ? UnsafeBufferPointer(rebasing: arena[chosenBytes[index]]) : lineBytes(index)
                    if let from = bytes.baseAddress, !bytes.isEmpty {
                        (base + o).update(from: from, count: bytes.count)
                        o += bytes.count
                    }
                }
                return o
            }
        }
        let used = encodings.indices.filter { counts[$0] > 0 }
            .sorted { a, b in counts[a] != counts[b] ? counts[a] > counts[b] : a < b }
            .map { encodings[$0] }
        let confidence = words == 0 ? 0 : Double(syllables) / Double(words)
        return RepairResult(
            text: text,
            encoding: used.count == 1 ? RepairResult.label(used[0]) : "mixed",
            encodings: used,
            repairedParagraphs: repaired,
            paragraphs: lines.count,
            confidence: confidence,
            lowConfidence: words < RepairResult.minimumWords || confidence < RepairResult.minimumConfidence
        )
    }
}

/// A growable byte buffer for the repair's hot loops (no bounds checks, no reference counting);
/// its owner deallocates it.
struct ScratchBytes {
    private(set) var base: UnsafeMutablePointer<UInt8>
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        self.base = UnsafeMutablePointer<UInt8>.allocate(capacity: self.capacity)
    }

    /// Makes room for `count` bytes, keeping none of the contents.
    mutating func reserve(_ count: Int) {
        guard count > capacity else { return }
        base.deallocate()
        capacity = count
        base = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
    }

    /// Copies `bytes` to the start (room for them must have been reserved); returns their count.
    func copy(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        if let from = bytes.baseAddress { base.update(from: from, count: bytes.count) }
        return bytes.count
    }

    func deallocate() { base.deallocate() }
}
