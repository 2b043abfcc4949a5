import Foundation

/// The corpus metric of shared/real/legacy-encodings/METRIC.md, on the test side.
///
/// Both texts are NFC with whitespace collapsed. Diacritic accuracy: of the ground truth's
/// characters that carry a diacritic (anything NFD splits off a combining mark, and đ/Đ), the
/// share recovered exactly, found by aligning the two texts reduced to base letters (NFD, marks
/// removed, đ -> d). Character accuracy: ground-truth characters aligned to an identical
/// character, over the ground truth's length. The alignment is a minimal edit script (Myers),
/// where the corpus uses difflib's SequenceMatcher: the figures agree closely, not to the digit.
struct DiacriticMetric {
    var diacriticAccuracy: Double
    var charAccuracy: Double
    var diacriticChars: Int
    var diacriticCorrect: Int

    /// Nil when the texts are too different to align within the edit budget.
    static func measure(output: String, truth: String, maxEdits: Int = 3_000) -> DiacriticMetric? {
        let out = prepare(output), gt = prepare(truth)
        let outBase = out.map(base), gtBase = gt.map(base)
        guard let pairs = align(gtBase, outBase, maxEdits: maxEdits) else { return nil }
        var total = 0, correct = 0, matched = 0
        var aligned = [Int](repeating: -1, count: gt.count)
        for (g, o) in pairs { aligned[g] = o }
        for (g, character) in gt.enumerated() {
            let o = aligned[g]
            if o >= 0 && out[o] == character { matched += 1 }
            guard hasDiacritic(character) else { continue }
            total += 1
            if o >= 0 && out[o] == character { correct += 1 }
        }
        return DiacriticMetric(diacriticAccuracy: total == 0 ? 1 : Double(correct) / Double(total),
                               charAccuracy: gt.isEmpty ? 1 : Double(matched) / Double(gt.count),
                               diacriticChars: total, diacriticCorrect: correct)
    }

    /// NFC, whitespace runs collapsed to one space, trimmed; as scalars.
    static func prepare(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var pendingSpace = false
        for scalar in text.precomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(scalar)
        }
        return out
    }

    static func base(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        if scalar == "đ" { return "d" }
        if scalar == "Đ" { return "D" }
        let decomposed = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars
        return decomposed.first { $0.properties.generalCategory != .nonspacingMark } ?? scalar
    }

    static func hasDiacritic(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "đ" || scalar == "Đ" { return true }
        return String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.contains {
            $0.properties.generalCategory == .nonspacingMark
        }
    }

    /// Matched index pairs (a, b) of a minimal edit script between `a` and `b` (Myers' greedy
    /// algorithm), or nil beyond `maxEdits` edits.
    static func align(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], maxEdits: Int) -> [(Int, Int)]? {
        let n = a.count, m = b.count
        let offset = maxEdits + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...maxEdits {
            trace.append(Array(v[(offset - d - 1)...(offset + d + 1)]))
            var k = -d
            while k <= d {
                var x: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    x = v[offset + k + 1]
                } else {
                    x = v[offset + k - 1] + 1
                }
                var y = x - k
                while x < n && y < m && a[x] == b[y] { x += 1; y += 1 }
                v[offset + k] = x
                if x >= n && y >= m { found = true; break search }
                k += 2
            }
        }
        guard found else { return nil }
        // Walk back through the saved rows.
        var pairs: [(Int, Int)] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let row = trace[d]  // v before step d, indices k + d + 1
            @inline(__always) func at(_ k: Int) -> Int { row[k + d + 1] }
            let k = x - y
            let prevK: Int
            if d == 0 {
                prevK = 0
            } else if k == -d || (k != d && at(k - 1) < at(k + 1)) {
                prevK = k + 1
            } else {
                prevK = k - 1
            }
            let prevX = d == 0 ? 0 : at(prevK)
            let prevY = prevX - prevK
            while x > prevX && y > prevY {
                x -= 1; y -= 1
                pairs.append((x, y))
            }
            if d > 0 { x = prevX; y = prevY }
        }
        return pairs.reversed()
    }
}
