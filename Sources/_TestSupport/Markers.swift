/// Position markers in test strings, as in "Ngày 1️⃣15/3/20242️⃣ tại 3️⃣Hà Nội4️⃣": the markers are
/// removed and their positions returned as Unicode-scalar offsets into the cleaned text.
public enum Markers {
    public static let symbols = ["1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟"]

    /// The text without markers, and each marker's offset.
    public static func parse(_ marked: String) -> (text: String, at: [String: Int]) {
        var text = String.UnicodeScalarView()
        var at: [String: Int] = [:]
        var rest = Substring(marked)
        outer: while !rest.isEmpty {
            for symbol in symbols where rest.hasPrefix(symbol) {
                at[symbol] = text.count
                rest = rest.dropFirst(symbol.count)
                continue outer
            }
            if let c = rest.first {
                text.append(contentsOf: c.unicodeScalars)
                rest = rest.dropFirst()
            }
        }
        return (String(text), at)
    }
}
