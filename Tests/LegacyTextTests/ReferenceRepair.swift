@testable import LegacyText
import VietnameseText

/// The repair as it was first written (arrays per line, a reading cache of arrays, scoring
/// through intermediate copies), kept as the reference the fast `Repairer` must match byte for
/// byte: see `FastRepairTests`. Slow on purpose: clarity over speed.
enum Reference {
    // MARK: - Scoring

    static func measure(_ utf8: [UInt8]) -> LineScore {
        utf8.withUnsafeBufferPointer { p in
            let score: VietnameseScore
            if Scoring.hasCombiningMark(p) {
                let composed = LegacyDecoder.composed(Array(p))
                score = composed.withUnsafeBufferPointer { VietnameseScore.measure($0) }
            } else {
                score = VietnameseScore.measure(p)
            }
            let breaks = caseBreaks(p)
            return LineScore(words: score.words, syllables: max(0, score.syllables - breaks), marked: score.markedSyllables)
        }
    }

    static func measureAsRead(_ utf8: UnsafeBufferPointer<UInt8>) -> LineScore {
        var copy: [UInt8] = []
        var i = 0
        var runStart = 0
        var runLetters = 0
        var suspiciousCount = 0
        func endRun() {
            if runLetters == 1 {
                for k in runStart..<copy.count { copy[k] = 0x20 }
            }
            runLetters = 0
        }
        while i < utf8.count {
            let b = utf8[i]
            let (value, length) = b < 0x80 ? (UInt32(b), 1) : UTF8Writer.scalar(at: i, in: utf8)
            let suspicious = isSuspicious(value)
            let letter = suspicious || isLetter(value)
            if letter {
                if runLetters == 0 { runStart = copy.count }
                runLetters += 1
            } else if !(value >= 0x0300 && value <= 0x036F) {
                endRun()
            }
            if suspicious {
                suspiciousCount += 1
                copy.append(0xC3)
                copy.append(0x9F)
            } else {
                copy.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[i..<min(utf8.count, i + length)]))
            }
            i += length
        }
        endRun()
        var score = measure(copy)
        score.suspicious = suspiciousCount
        return score
    }

    static func caseBreaks(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var breaks = 0
        var previousLower = false
        var counted = false
        var i = 0
        while i < p.count {
            let (value, length) = UTF8Writer.scalar(at: i, in: p)
            i += length
            guard isLetter(value) else { previousLower = false; counted = false; continue }
            let isUpper = UTF8Writer.lower(value) != value
            if isUpper && previousLower && !counted { breaks += 1; counted = true }
            previousLower = !isUpper
        }
        return breaks
    }

    static let vietnameseLatin1: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for v in [0xC0, 0xC1, 0xC2, 0xC3, 0xC8, 0xC9, 0xCA, 0xCC, 0xCD, 0xD2, 0xD3, 0xD4, 0xD5, 0xD9, 0xDA, 0xDD] {
            table[v] = true
            table[v + 0x20] = true
        }
        return table
    }()

    static func isSuspicious(_ value: UInt32) -> Bool {
        if value < 0x80 { return false }
        if value < 0xA0 { return true }
        if value < 0x100 { return value != 0xA0 && !vietnameseLatin1[Int(value)] }
        switch value {
        case 0x0152, 0x0153, 0x0160, 0x0161, 0x0178, 0x017D, 0x017E, 0x0192, 0x02C6, 0x02DC,
             0x2020, 0x2021, 0x2030, 0x2039, 0x203A, 0x2122:
            return true
        default:
            return false
        }
    }

    static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 0x61 && (v | 0x20) <= 0x7A }
        return (v >= 0xC0 && v <= 0x1B0 && v != 0xD7 && v != 0xF7) || (v >= 0x1EA0 && v <= 0x1EF9)
    }

    // MARK: - Decoding

    static func decode(_ line: UnsafeBufferPointer<UInt8>, table: CodeTable, into out: inout [UInt8]) {
        var scratch: [UInt8] = []
        let n = line.count
        var i = 0
        func flush() {
            guard !scratch.isEmpty else { return }
            scratch.withUnsafeBufferPointer { table.decode($0, uppercase: false, into: &out) }
            scratch.removeAll()
        }
        while i < n {
            let b = line[i]
            if b < 0x80 {
                scratch.append(b)
                i += 1
                continue
            }
            let (value, length) = UTF8Writer.scalar(at: i, in: line)
            let byte = AsRead.byte(value)
            if byte >= 0 {
                scratch.append(UInt8(byte))
            } else {
                flush()
                out.append(contentsOf: UnsafeBufferPointer(rebasing: line[i..<min(n, i + length)]))
            }
            i += length
        }
        flush()
    }

    static let untonedCapitals: Set<UInt32> = [0x0102, 0x00C2, 0x00CA, 0x00D4, 0x01A0, 0x01AF, 0x0110]

    static func inferCapitals(_ utf8: inout [UInt8]) {
        guard utf8.contains(where: { $0 >= 0x80 }) else { return }
        var scalars: [UInt32] = []
        utf8.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let (value, length) = UTF8Writer.scalar(at: i, in: p)
                scalars.append(value)
                i += length
            }
        }
        var changed = false
        var start = 0
        let n = scalars.count
        while start < n {
            guard isLetter(scalars[start]) else { start += 1; continue }
            var end = start
            var asciiUpper = 0, asciiLower = 0, otherLower = 0
            while end < n, isLetter(scalars[end]) {
                let v = scalars[end]
                if v < 0x80 {
                    if v <= 0x5A { asciiUpper += 1 } else { asciiLower += 1 }
                } else if UTF8Writer.upper(v) != v {
                    otherLower += 1
                } else if untonedCapitals.contains(v) {
                    asciiUpper += 1
                }
                end += 1
            }
            if asciiUpper >= 2 && asciiLower == 0 && otherLower > 0 {
                for k in start..<end { scalars[k] = UTF8Writer.upper(scalars[k]) }
                changed = true
            }
            start = end
        }
        guard changed else { return }
        var out: [UInt8] = []
        for value in scalars { UTF8Writer.append(value, to: &out) }
        utf8 = out
    }

    // MARK: - Lines

    static func split(_ p: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var line = Line(range: 0..<0)
        var start = 0
        var i = 0
        let n = p.count
        var previousIsLetter = false
        var pendingSuspicious = false
        while i < n {
            let b = p[i]
            if b == 0x0A {
                line.range = start..<i
                lines.append(line)
                line = Line(range: 0..<0)
                i += 1
                start = i
                previousIsLetter = false
                pendingSuspicious = false
                continue
            }
            let (value, length) = b < 0x80 ? (UInt32(b), 1) : UTF8Writer.scalar(at: i, in: p)
            i += length
            let suspicious = isSuspicious(value)
            let letter = !suspicious && isLetter(value)
            if pendingSuspicious && letter { line.glued += 1 }
            pendingSuspicious = false
            if suspicious {
                line.suspicious += 1
                if previousIsLetter { line.glued += 1 } else { pendingSuspicious = true }
            }
            previousIsLetter = letter || (suspicious && previousIsLetter)
            guard b >= 0x80 else { continue }
            if AsRead.isUnicodeVietnamese(value) { line.unicodeVietnamese += 1 }
            if AsRead.byte(value) >= 0 { line.decodable += 1 }
        }
        line.range = start..<n
        lines.append(line)
        return lines
    }

    static func anySuspicious(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = p.count
        while i < n {
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            if b == 0xC2 || b == 0xC3 || b == 0xC5 || b == 0xC6 || b == 0xCB || b == 0xE2 {
                let (value, _) = UTF8Writer.scalar(at: i, in: p)
                if isSuspicious(value) { return true }
            }
            i += b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
        }
        return false
    }

    // MARK: - The repair

    struct Reading {
        var encoding: LegacyEncoding
        var utf8: [UInt8]
        var score: LineScore
    }

    /// `LegacyRepair.repair` as it was.
    static func repair(_ text: String, options: RepairOptions = RepairOptions()) -> RepairResult {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            var repairer = Repairer(bytes, options: options)
            return repairer.run(original: text)
        }
    }

    struct Repairer {
        let p: UnsafeBufferPointer<UInt8>
        let options: RepairOptions
        let lines: [Line]
        var originals: [LineScore?]
        var readings: [[Reading]]
        var chosen: [Reading?]

        init(_ p: UnsafeBufferPointer<UInt8>, options: RepairOptions) {
            self.p = p
            self.options = options
            self.lines = Reference.anySuspicious(p) ? Reference.split(p) : []
            self.originals = Array(repeating: nil, count: lines.count)
            self.readings = Array(repeating: [], count: lines.count)
            self.chosen = Array(repeating: nil, count: lines.count)
        }

        mutating func run(original: String) -> RepairResult {
            guard !lines.isEmpty else {
                return RepairResult(text: original, paragraphs: 1 + p.lazy.filter { $0 == 0x0A }.count)
            }
            let dominant = gatherEvidence()
            for index in lines.indices where lines[index].mayBeLegacy {
                chooseClear(index, dominant: dominant)
            }
            let clearLines = chosen.lazy.filter { $0 != nil && $0?.encoding == dominant }.count
            if let dominant, clearLines >= LegacyText.Repairer.minimumClearLines {
                for index in lines.indices where chosen[index] == nil && lines[index].decodable > 0 {
                    chooseNoWorse(index, dominant: dominant)
                }
            }
            return assemble(original: original)
        }

        mutating func gatherEvidence() -> LegacyEncoding? {
            var evidence: [LegacyEncoding: Int] = [:]
            for index in lines.indices where lines[index].mayBeLegacy {
                let before = original(index)
                for encoding in options.candidates { _ = reading(index, encoding) }
                if let best = Self.best(readings[index], preferring: nil), isClearlyBetter(best.score, than: before) {
                    evidence[best.encoding, default: 0] += best.score.syllables - before.syllables
                }
                if isDecisive(evidence) { break }
            }
            return evidence.max { a, b in a.value != b.value ? a.value < b.value : rank(a.key) > rank(b.key) }?.key
        }

        func isDecisive(_ evidence: [LegacyEncoding: Int]) -> Bool {
            let values = evidence.values.sorted(by: >)
            guard let top = values.first, top >= LegacyText.Repairer.decisiveEvidence else { return false }
            return values.count == 1 || top >= LegacyText.Repairer.decisiveLead * values[1]
        }

        mutating func chooseClear(_ index: Int, dominant: LegacyEncoding?) {
            let before = original(index)
            let bytes = lineBytes(index)
            if let dominant, let own = reading(index, dominant),
               isClearlyBetter(own.score, than: before), !own.utf8.elementsEqual(bytes) {
                chosen[index] = own
                return
            }
            for encoding in options.candidates { _ = reading(index, encoding) }
            if let best = Self.best(readings[index], preferring: dominant),
               isClearlyBetter(best.score, than: before), !best.utf8.elementsEqual(bytes) {
                chosen[index] = best
            }
        }

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

        func isClearlyBetter(_ reading: LineScore, than original: LineScore) -> Bool {
            reading.syllables - original.syllables >= LegacyText.Repairer.minimumGain
                && reading.share >= LegacyText.Repairer.minimumShare
                && reading.share - original.share >= LegacyText.Repairer.minimumShareGain
                && reading.marked >= 2
        }

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
            let score = Reference.measureAsRead(lineBytes(index))
            originals[index] = score
            return score
        }

        mutating func reading(_ index: Int, _ encoding: LegacyEncoding) -> Reading? {
            if let cached = readings[index].first(where: { $0.encoding == encoding }) { return cached }
            guard let table = CodeTables.table(for: encoding) else { return nil }
            var out: [UInt8] = []
            Reference.decode(lineBytes(index), table: table, into: &out)
            if table.needsComposition { out = LegacyDecoder.composed(out) }
            if options.inferCapitals && encoding == .tcvn3 { Reference.inferCapitals(&out) }
            let score = out.withUnsafeBufferPointer { Reference.measureAsRead($0) }
            let reading = Reading(encoding: encoding, utf8: out, score: score)
            readings[index].append(reading)
            return reading
        }

        func assemble(original: String) -> RepairResult {
            let repaired = chosen.compactMap { $0 }
            guard !repaired.isEmpty else { return RepairResult(text: original, paragraphs: lines.count) }
            var out: [UInt8] = []
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
}
