/// Loose text comparison for the real-file tests: whitespace collapsed (METRIC.md's
/// preprocessing), then difflib's ratio 2·M / (|a| + |b|), where M is the length of the longest
/// common subsequence of Unicode scalars, found with Myers' O((N + M)·D) algorithm.
public enum Similarity {
    public static func collapsed(_ s: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        var space = false
        for scalar in s.unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
            } else {
                if space { out.append(" ") }
                space = false
                out.append(scalar)
            }
        }
        return out
    }

    /// The ratio, or nil when the texts differ by more than `maxEdits` insertions and deletions.
    public static func ratio(_ a: String, _ b: String, maxEdits: Int = 20_000) -> Double? {
        let x = collapsed(a), y = collapsed(b)
        let n = x.count, m = y.count
        if n + m == 0 { return 1 }
        let offset = maxEdits + 1
        var v = [Int](repeating: 0, count: 2 * offset + 1)
        for d in 0...maxEdits {
            var k = -d
            while k <= d {
                var i: Int
                if k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]) {
                    i = v[offset + k + 1]
                } else {
                    i = v[offset + k - 1] + 1
                }
                var j = i - k
                while i < n, j < m, x[i] == y[j] { i += 1; j += 1 }
                v[offset + k] = i
                if i >= n && j >= m {
                    let common = (n + m - d) / 2
                    return 2 * Double(common) / Double(n + m)
                }
                k += 2
            }
        }
        return nil
    }
}
