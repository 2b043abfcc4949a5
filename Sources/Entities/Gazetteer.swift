import VietnameseText

/// Many names matched at once with one automaton over the folded search key.
///
/// A name's key keeps only its letters and digits, folded (lowercase, no diacritics, đ -> d), so
/// "Thừa Thiên - Huế", "Thua Thien Hue" and "THỪA THIÊN HUẾ" share the key "thuathienhue" and
/// "TP.HCM" and "TP. HCM" share "tphcm". The text is folded the same way on the fly; each hit is
/// mapped back to exact byte offsets and must start and end on word boundaries. What a hit means
/// (which diacritics and capitals it needs, what context) is the recogniser's business.
public struct Gazetteer: Sendable {
    /// One name and what it stands for.
    public struct Entry: Sendable {
        public var name: String
        public var payload: Int
        public init(name: String, payload: Int) {
            self.name = name
            self.payload = payload
        }
    }

    /// A hit: byte offsets in the text and the entries whose key matched there.
    public struct Hit: Sendable {
        public var start: Int
        public var end: Int
        public var entries: [Int]  // indexes into `entries`
    }

    public let entries: [Entry]
    /// Folded symbol (0...35, 255 for none) of U+00C0...U+024F and of U+1E00...U+1EFF, so the
    /// scan needs no scalar folding per letter.
    private let latinSymbols: [UInt8]
    private let extendedSymbols: [UInt8]
    private let next: [Int32]       // state * 36 + symbol -> state (a complete automaton)
    private let outputs: [[Int32]]  // state -> entry indexes ending here (via suffix links too)
    private let keyLengths: [Int]   // entry -> key length

    /// Letters and digits folded to 0...35; nil for anything else.
    @inline(__always)
    static func symbol(_ folded: UInt32) -> Int? {
        if folded >= 0x61 && folded <= 0x7A { return Int(folded - 0x61) }
        if folded >= 0x30 && folded <= 0x39 { return 26 + Int(folded - 0x30) }
        return nil
    }

    /// The folded key of a name, as symbols.
    static func key(_ name: String) -> [Int] {
        var out: [Int] = []
        for s in name.unicodeScalars {
            if let f = Folding.fold(s), let sym = symbol(f.value) { out.append(sym) }
        }
        return out
    }

    public init(_ entries: [Entry]) {
        self.entries = entries
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 36)]
        var out: [[Int32]] = [[]]
        var lengths: [Int] = []
        for (index, entry) in entries.enumerated() {
            let k = Self.key(entry.name)
            lengths.append(k.count)
            guard !k.isEmpty else { continue }
            var state = 0
            for sym in k {
                if goto[state][sym] < 0 {
                    goto[state][sym] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: 36))
                    out.append([])
                }
                state = Int(goto[state][sym])
            }
            out[state].append(Int32(index))
        }
        // Breadth-first: failure links, then a complete transition table.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for sym in 0..<36 {
            if goto[0][sym] < 0 { goto[0][sym] = 0 } else { queue.append(Int(goto[0][sym])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            out[state].append(contentsOf: out[Int(fail[state])])
            for sym in 0..<36 {
                let child = goto[state][sym]
                if child < 0 {
                    goto[state][sym] = goto[Int(fail[state])][sym]
                } else {
                    fail[Int(child)] = goto[Int(fail[state])][sym]
                    queue.append(Int(child))
                }
            }
        }
        next = goto.flatMap { $0 }
        outputs = out
        keyLengths = lengths
        func symbols(_ range: ClosedRange<UInt32>) -> [UInt8] {
            range.map { v in
                guard UTF8Text.isLetter(v), let s = Unicode.Scalar(v), let f = Folding.fold(s), let sym = Self.symbol(f.value) else { return 255 }
                return UInt8(sym)
            }
        }
        latinSymbols = symbols(0xC0...0x24F)
        extendedSymbols = symbols(0x1E00...0x1EFF)
    }

    /// Every hit in `text` that starts and ends on a word boundary, longest first at each end.
    public func hits(in p: UnsafeBufferPointer<UInt8>) -> [Hit] {
        var hits: [Hit] = []
        // Byte offsets of the last 128 key symbols (start of their scalar, end of their scalar).
        let ring = 128
        var starts = [Int](repeating: 0, count: ring)
        var count = 0  // key symbols so far
        var state = 0
        var i = 0
        let n = p.count
        next.withUnsafeBufferPointer { table in
            while i < n {
                let b = p[i]
                var sym: Int? = nil
                var width = 1
                if b < 0x80 {
                    let l = b | 0x20
                    if l >= 0x61 && l <= 0x7A { sym = Int(l - 0x61) } else if b >= 0x30 && b <= 0x39 { sym = 26 + Int(b - 0x30) }
                } else if let (v, w) = UTF8Text.scalar(p, at: i) {
                    width = w
                    var folded: UInt8 = 255
                    if v >= 0xC0 && v <= 0x24F { folded = latinSymbols[Int(v - 0xC0)] }
                    else if v >= 0x1E00 && v <= 0x1EFF { folded = extendedSymbols[Int(v - 0x1E00)] }
                    if folded != 255 {
                        sym = Int(folded)
                    } else if v == 0x2013 {  // en dash, as in "Bà Rịa – Vũng Tàu"
                        i += width
                        continue
                    }
                } else {
                    width = 1
                }
                if let sym {
                    starts[count % ring] = i
                    count += 1
                    state = Int(table[state * 36 + sym])
                    let end = i + width
                    if !outputs[state].isEmpty && UTF8Text.boundaryAfter(p, end) {
                        var found: [(start: Int, entry: Int)] = []
                        for e in outputs[state] {
                            let length = keyLengths[Int(e)]
                            guard length <= min(count, ring) else { continue }
                            let start = starts[(count - length) % ring]
                            if UTF8Text.boundaryBefore(p, start) { found.append((start, Int(e))) }
                        }
                        // One hit per start, in order of start (the same text always gives the
                        // same hits), entries in the order the automaton gave them.
                        if found.count == 1 {
                            hits.append(Hit(start: found[0].start, end: end, entries: [found[0].entry]))
                        } else if !found.isEmpty {
                            for start in Set(found.map(\.start)).sorted() {
                                hits.append(Hit(start: start, end: end, entries: found.filter { $0.start == start }.map(\.entry)))
                            }
                        }
                    }
                } else if b != 0x20 && b != 0x2E && b != 0x2D && b != 0x27 {
                    // Only spaces, dots, hyphens and apostrophes may sit inside a name; anything
                    // else (line ends, commas, brackets) restarts the automaton.
                    state = 0
                }
                i += width
            }
        }
        return hits
    }
}
