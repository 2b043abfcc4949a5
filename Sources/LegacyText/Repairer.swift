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

    /// One way to read a line: the decoded bytes and their score.
    struct Reading {
        var encoding: LegacyEncoding
        var utf8: [UInt8]
        var score: LineScore
    }

    let p: UnsafeBufferPointer<UInt8>
    let options: RepairOptions
    let lines: [Line]
    var scratch: [UInt8] = []
    /// The score of each line as it stands (computed when needed).
    var originals: [LineScore?]
    /// Readings computed so far, per line.
    var readings: [[Reading]]
    var chosen: [Reading?]

    init(_ p: UnsafeBufferPointer<UInt8>, options: RepairOptions) {
        self.p = p
        self.options = options
        self.lines = Line.anySuspicious(p) ? Line.split(p) : []
        self.originals = Array(repeating: nil, count: lines.count)
        self.readings = Array(repeating: [], count: lines.count)
        self.chosen = Array(repeating: nil, count: lines.count)
    }

    mutating func run(original: String) -> RepairResult {
        guard !lines.isEmpty else {
            // The fast path: nothing typical of legacy bytes anywhere.
            return RepairResult(text: original, paragraphs: 1 + p.lazy.filter { $0 == 0x0A }.count)
        }
        let dominant = gatherEvidence()
        for index in lines.indices where lines[index].mayBeLegacy {
            chooseClear(index, dominant: dominant)
        }
        let clearLines = chosen.lazy.filter { $0 != nil && $0?.encoding == dominant }.count
        if let dominant, clearLines >= Self.minimumClearLines {
            for index in lines.indices where chosen[index] == nil && lines[index].decodable > 0 {
                chooseNoWorse(index, dominant: dominant)
            }
        }
        return assemble(original: original)
    }

    // MARK: - Steps

    /// The document's encoding: the one whose decodings most often make lines clearly more
    /// Vietnamese (weighted by syllables gained); nil when no line is clearly legacy.
    mutating func gatherEvidence() -> LegacyEncoding? {
        var evidence: [LegacyEncoding: Int] = [:]
        for index in lines.indices where lines[index].mayBeLegacy {
            let before = original(index)
            for encoding in options.candidates { _ = reading(index, encoding) }
            if let best = Self.best(readings[index], preferring: nil), Self.isClearlyBetter(best.score, than: before) {
                evidence[best.encoding, default: 0] += best.score.syllables - before.syllables
            }
            if isDecisive(evidence) { break }
        }
        return evidence.max { a, b in a.value != b.value ? a.value < b.value : rank(a.key) > rank(b.key) }?.key
    }

    func isDecisive(_ evidence: [LegacyEncoding: Int]) -> Bool {
        let values = evidence.values.sorted(by: >)
        guard let top = values.first, top >= Self.decisiveEvidence else { return false }
        return values.count == 1 || top >= Self.decisiveLead * values[1]
    }

    /// Step 2 for one line.
    mutating func chooseClear(_ index: Int, dominant: LegacyEncoding?) {
        let before = original(index)
        let bytes = lineBytes(index)
        if let dominant, let own = reading(index, dominant),
           Self.isClearlyBetter(own.score, than: before), !own.utf8.elementsEqual(bytes) {
            chosen[index] = own
            return
        }
        for encoding in options.candidates { _ = reading(index, encoding) }
        if let best = Self.best(readings[index], preferring: dominant),
           Self.isClearlyBetter(best.score, than: before), !best.utf8.elementsEqual(bytes) {
            chosen[index] = best
        }
    }

    /// Step 3 for one line.
    mutating func chooseNoWorse(_ index: Int, dominant: LegacyEncoding) {
        let line = lines[index]
        guard line.mayBeLegacy || line.unicodeVietnamese == 0 else { return }
        let before = original(index)
        guard let reading = reading(index, dominant),
              reading.score.syllables >= before.syllables,
              reading.score.marked >= before.marked,
              reading.score.invalid <= before.invalid,
              !reading.utf8.elementsEqual(lineBytes(index)) else { return }
        let better = reading.score.syllables > before.syllables || reading.score.marked > before.marked
            || reading.score.invalid < before.invalid
        guard better || line.suspicious == 0 || reading.score.suspicious == 0 else { return }
        chosen[index] = reading
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

    /// The best reading, `preferring` an encoding on a tie, then the candidates' order.
    static func best(_ readings: [Reading], preferring: LegacyEncoding?) -> Reading? {
        var best: Reading?
        for reading in readings {
            guard let current = best else { best = reading; continue }
            if reading.score.key > current.score.key || (reading.score.key == current.score.key && reading.encoding == preferring) {
                best = reading
            }
        }
        return best
    }

    func rank(_ encoding: LegacyEncoding) -> Int { options.candidates.firstIndex(of: encoding) ?? Int.max }

    func lineBytes(_ index: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: p[lines[index].range]) }

    mutating func original(_ index: Int) -> LineScore {
        if let score = originals[index] { return score }
        let score = Scoring.measureAsRead(lineBytes(index))
        originals[index] = score
        return score
    }

    /// The line decoded with `encoding` (computed once).
    mutating func reading(_ index: Int, _ encoding: LegacyEncoding) -> Reading? {
        if let cached = readings[index].first(where: { $0.encoding == encoding }) { return cached }
        guard let table = CodeTables.table(for: encoding) else { return nil }
        var out: [UInt8] = []
        AsRead.decode(lineBytes(index), table: table, uppercase: false, scratch: &scratch, into: &out)
        if table.needsComposition { out = LegacyDecoder.composed(out) }
        if options.inferCapitals && encoding == .tcvn3 { CapitalInference.apply(&out) }
        let score = out.withUnsafeBufferPointer { Scoring.measureAsRead($0) }
        let reading = Reading(encoding: encoding, utf8: out, score: score)
        readings[index].append(reading)
        return reading
    }

    func assemble(original: String) -> RepairResult {
        let repaired = chosen.compactMap { $0 }
        guard !repaired.isEmpty else { return RepairResult(text: original, paragraphs: lines.count) }
        var out: [UInt8] = []
        out.reserveCapacity(p.count + p.count / 4)
        var counts: [LegacyEncoding: Int] = [:]
        var words = 0, syllables = 0
        for (index, line) in lines.enumerated() {
            if index > 0 { out.append(0x0A) }
            if let reading = chosen[index] {
                out.append(contentsOf: reading.utf8)
                counts[reading.encoding, default: 0] += 1
                words += reading.score.words
                syllables += reading.score.syllables
            } else {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: p[line.range]))
            }
        }
        let encodings = counts.sorted { a, b in a.value != b.value ? a.value > b.value : rank(a.key) < rank(b.key) }.map(\.key)
        let confidence = words == 0 ? 0 : Double(syllables) / Double(words)
        return RepairResult(
            text: String(decoding: out, as: UTF8.self),
            encoding: encodings.count == 1 ? RepairResult.label(encodings[0]) : "mixed",
            encodings: encodings,
            repairedParagraphs: repaired.count,
            paragraphs: lines.count,
            confidence: confidence,
            lowConfidence: words < RepairResult.minimumWords || confidence < RepairResult.minimumConfidence
        )
    }
}
