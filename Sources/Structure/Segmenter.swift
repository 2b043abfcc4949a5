public import DocumentModel
import VietnameseText

typealias VietnameseTextFolding = Folding

/// How lines become blocks.
public struct SegmentOptions: Sendable, Equatable {
    /// Whether consecutive lines of one paragraph are joined (text hard-wrapped at a fixed
    /// width): `auto` decides from the line lengths.
    public enum Join: String, Sendable, CaseIterable { case auto, always, never }
    public var joinWrappedLines: Join

    public init(joinWrappedLines: Join = .auto) {
        self.joinWrappedLines = joinWrappedLines
    }
}

/// Splits text into blocks: headings (Roman-numbered sections, legal headings, all-capital
/// lines), list items (numbered "1.", "2a,", "a)" and bulleted "-", "•", "+") with their nesting
/// level, and paragraphs. One block per line, or per run of lines when the text is hard-wrapped.
public enum Segmenter {
    struct Line {
        var byteStart: Int
        var byteEnd: Int
        var scalarStart: Int
        var scalarEnd: Int
        var isBlank: Bool { byteStart == byteEnd }
    }

    public static func segment(_ text: String, options: SegmentOptions = SegmentOptions()) -> [Block] {
        let bytes = Array(text.utf8)
        let lines = splitLines(bytes)
        let join: Bool
        switch options.joinWrappedLines {
        case .always: join = true
        case .never: join = false
        case .auto: join = looksHardWrapped(lines)
        }

        var blocks: [Block] = []
        var levels = Levels()
        var k = 0
        while k < lines.count {
            let line = lines[k]
            if line.isBlank { k += 1; continue }
            let marker = mayStartWithMarker(bytes[line.byteStart]) ? Marker.parse(prefixScalars(bytes, line, limit: 24)) : nil
            var end = line.scalarEnd
            k += 1
            if join {
                // Join following lines until a blank line or a line that starts an item or heading.
                while k < lines.count, !lines[k].isBlank {
                    let starts = mayStartWithMarker(bytes[lines[k].byteStart]) && Marker.parse(prefixScalars(bytes, lines[k], limit: 24)) != nil
                    if starts || isCapitalHeading(bytes, lines[k]) { break }
                    end = lines[k].scalarEnd
                    k += 1
                }
            }
            let single = end == line.scalarEnd
            blocks.append(levels.block(for: marker, start: line.scalarStart, end: end,
                                       capitals: single && isCapitalHeading(bytes, line)))
            // A short lead-in that ends in a colon ("Nơi nhận:", "Kính gửi:") starts a new list.
            if marker == nil, single, end - line.scalarStart <= 40, line.byteEnd > line.byteStart, bytes[line.byteEnd - 1] == UInt8(ascii: ":") {
                levels.reset()
            }
        }
        return blocks
    }

    /// Nesting levels as the numbering shows them, reset by every heading.
    struct Levels {
        var arabicLevel = 0            // level of the last "1." / "2a" item since the last heading
        var numberLevel = 0            // level of the last numbered item of any kind
        var bullets: [String] = []     // bullet symbols in nesting order below it

        mutating func block(for marker: Marker?, start: Int, end: Int, capitals: Bool) -> Block {
            switch marker {
            case .roman(let label):
                reset()
                return Block(type: .heading, start: start, end: end, level: 1, label: label)
            case .named(let label, let level):
                reset()
                return Block(type: .heading, start: start, end: end, level: level, label: label)
            case .arabic(let label, let depth):
                if capitals {
                    reset()
                    return Block(type: .heading, start: start, end: end, level: depth + 1, label: label)
                }
                arabicLevel = depth
                numberLevel = depth
                bullets = []
                return Block(type: .listItem, start: start, end: end, level: depth, label: label)
            case .numberLetter(let label):
                arabicLevel = 2
                numberLevel = 2
                bullets = []
                return Block(type: .listItem, start: start, end: end, level: 2, label: label)
            case .letter(let label):
                numberLevel = arabicLevel + 1
                bullets = []
                return Block(type: .listItem, start: start, end: end, level: numberLevel, label: label)
            case .bullet(let label):
                if let at = bullets.firstIndex(of: label) {
                    bullets.removeSubrange((at + 1)...)
                } else {
                    bullets.append(label)
                }
                return Block(type: .listItem, start: start, end: end, level: numberLevel + bullets.count, label: label)
            case nil:
                if capitals {
                    reset()
                    return Block(type: .heading, start: start, end: end, level: 1)
                }
                return Block(type: .paragraph, start: start, end: end)
            }
        }

        /// The level of a list item a reader marked (Word numbering, an HTML list), in the
        /// hierarchy of the typed markers; updates that hierarchy as a typed marker would.
        mutating func readerItem(_ block: Block) -> Int {
            let depth = max(block.level ?? 1, 1)
            if block.list != .bullet, let label = block.label,
               let marker = Marker.parse(Array((label + " x").unicodeScalars)) {
                switch marker {
                case .arabic, .numberLetter, .letter:
                    let typed = self.block(for: marker, start: block.start, end: block.end, capitals: false).level ?? depth
                    let level = max(typed, depth)
                    numberLevel = level
                    if case .letter = marker {} else { arabicLevel = level }
                    bullets = []
                    return level
                case .roman, .named, .bullet:
                    break
                }
            }
            if block.list == .bullet {
                return numberLevel + depth
            }
            numberLevel = depth
            bullets = []
            return depth
        }

        mutating func reset() {
            arabicLevel = 0
            numberLevel = 0
            bullets = []
        }
    }

    /// Lines with their content trimmed of spaces and tabs, in bytes and in scalars.
    static func splitLines(_ bytes: [UInt8]) -> [Line] {
        var lines: [Line] = []
        var scalar = 0
        var i = 0
        let n = bytes.count
        while i <= n {
            // One line: [i, lineEnd)
            var lineEnd = i
            var scalarsInLine = 0
            var firstContent = -1, lastContent = -1
            var firstContentScalar = 0, lastContentScalarEnd = 0
            while lineEnd < n && bytes[lineEnd] != 0x0A {
                let b = bytes[lineEnd]
                if b & 0xC0 != 0x80 {
                    if b != 0x20 && b != 0x09 && b != 0x0D {
                        if firstContent < 0 { firstContent = lineEnd; firstContentScalar = scalar + scalarsInLine }
                        lastContent = lineEnd
                        lastContentScalarEnd = scalar + scalarsInLine + 1
                    }
                    scalarsInLine += 1
                }
                lineEnd += 1
            }
            if firstContent >= 0 {
                var contentEnd = lastContent + 1
                while contentEnd < lineEnd && bytes[contentEnd] & 0xC0 == 0x80 { contentEnd += 1 }
                lines.append(Line(byteStart: firstContent, byteEnd: contentEnd, scalarStart: firstContentScalar, scalarEnd: lastContentScalarEnd))
            } else {
                lines.append(Line(byteStart: i, byteEnd: i, scalarStart: scalar, scalarEnd: scalar))
            }
            scalar += scalarsInLine + 1  // the LF
            i = lineEnd + 1
        }
        return lines
    }

    /// Whether a line starting with this byte can start with a marker: a digit, a Roman
    /// numeral, a lowercase letter ("a)"), C/P/M/Đ (Chương, Phần, Mục, Điều), ASCII bullet
    /// symbols, or any non-ASCII lead byte (•, –, đ).
    @inline(__always)
    static func mayStartWithMarker(_ b: UInt8) -> Bool {
        if b >= 0x80 { return true }
        if b >= 0x30 && b <= 0x39 { return true }
        if b >= 0x61 && b <= 0x7A { return true }
        switch b {
        case UInt8(ascii: "I"), UInt8(ascii: "V"), UInt8(ascii: "X"), UInt8(ascii: "L"), UInt8(ascii: "C"),
             UInt8(ascii: "P"), UInt8(ascii: "M"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"):
            return true
        default:
            return false
        }
    }

    static func prefixScalars(_ bytes: [UInt8], _ line: Line, limit: Int) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        let slice = bytes[line.byteStart..<line.byteEnd]
        var it = slice.makeIterator()
        var decoder = UTF8()
        while out.count < limit, case .scalarValue(let s) = decoder.decode(&it) { out.append(s) }
        return out
    }

    /// An all-capital line that reads as Vietnamese ("TỈNH CAO BẰNG", "I. MỤC ĐÍCH"), not a run
    /// of acronyms ("RHAG TOR", "WHO").
    static func isCapitalHeading(_ bytes: [UInt8], _ line: Line) -> Bool {
        guard line.scalarEnd - line.scalarStart <= 200 else { return false }
        // Most lines have a lowercase ASCII letter: no need to look further.
        for k in line.byteStart..<line.byteEnd where bytes[k] >= 0x61 && bytes[k] <= 0x7A { return false }
        let text = String(decoding: bytes[line.byteStart..<line.byteEnd], as: UTF8.self)
        var letters = 0
        for s in text.unicodeScalars {
            if s.properties.isLowercase { return false }
            if s.properties.isUppercase { letters += 1 }
        }
        guard letters >= 2 else { return false }
        let score = VietnameseScore.measure(text)
        guard score.words > 0, score.syllables * 2 >= score.words else { return false }
        return score.markedSyllables >= 1 || score.syllables >= 2
    }

    /// Text hard-wrapped at a fixed width: most lines of similar length that do not end a sentence.
    static func looksHardWrapped(_ lines: [Line]) -> Bool {
        let content = lines.filter { !$0.isBlank }
        guard content.count >= 8 else { return false }
        let lengths = content.map { $0.scalarEnd - $0.scalarStart }
        guard let longest = lengths.max(), longest <= 120, longest >= 40 else { return false }
        let near = lengths.filter { Double($0) >= Double(longest) * 0.75 }.count
        return Double(near) >= Double(content.count) * 0.6
    }
}

extension Segmenter {
    /// Blocks a reader of a structured format (HTML, DOCX) gave: they are kept, and a plain body
    /// paragraph whose text starts with a numbering marker typed by hand ("1.", "a)", "II.",
    /// "- ") becomes the heading or list item the text segmenter would make of the same line, so
    /// the same document reads alike as text, HTML and DOCX. Lists and headings the format marked
    /// itself keep their type, and their level is put in the same hierarchy as the hand-typed
    /// markers around them: a numbered item takes the level its label ("2.", "1.2.", "a)") would
    /// have as typed text, or its nesting depth in the format when that is deeper; a bullet item
    /// sits its nesting depth below the last numbered item. So Word bullets under a typed "2a,"
    /// are level 3, as "- " lines under "2a," are in the text. Table cells and non-body parts are
    /// left as they are.
    public static func refine(_ blocks: [Block], text: String) -> [Block] {
        let bytes = Array(text.utf8)
        var levels = Levels()
        var out = blocks
        var byte = 0
        var scalar = 0
        bytes.withUnsafeBufferPointer { p in
            for (k, block) in blocks.enumerated() {
                byte = Document.byteOffset(p, from: byte, scalars: block.start - scalar)
                scalar = block.start
                if block.type == .heading && block.part == nil && block.cell == nil {
                    // A heading the format marked keeps its type and level; a number typed at its
                    // start ("I.", "2.", "Chương I") becomes its label, as in text.
                    levels.reset()
                    if block.label == nil, byte < bytes.count, mayStartWithMarker(bytes[byte]) {
                        let lineEnd = bytes[byte...].firstIndex(of: 0x0A) ?? bytes.count
                        let lineScalars = Document.scalarCount(UnsafeBufferPointer(rebasing: p[byte..<lineEnd]))
                        let line = Line(byteStart: byte, byteEnd: lineEnd, scalarStart: block.start, scalarEnd: block.start + lineScalars)
                        switch Marker.parse(prefixScalars(bytes, line, limit: 24)) {
                        case .roman(let label), .arabic(let label, _), .named(let label, _): out[k].label = label
                        default: break
                        }
                    }
                    continue
                }
                if block.type == .listItem && block.part == nil && block.cell == nil {
                    out[k].level = levels.readerItem(block)
                    continue
                }
                guard block.type == .paragraph, block.part == nil, block.cell == nil, block.label == nil,
                      byte < bytes.count else { continue }
                // A short lead-in that ends in a colon ("Nơi nhận:") starts a new list, as in text.
                func leadIn() -> Bool {
                    guard block.end - block.start <= 40 else { return false }
                    let end = Document.byteOffset(p, from: byte, scalars: block.end - block.start)
                    return end > byte && bytes[end - 1] == UInt8(ascii: ":") && !bytes[byte..<end].contains(0x0A)
                }
                guard mayStartWithMarker(bytes[byte]) else {
                    if leadIn() { levels.reset() }
                    continue
                }
                let firstLineEnd = bytes[byte...].firstIndex(of: 0x0A) ?? bytes.count
                let firstLineScalars = Document.scalarCount(UnsafeBufferPointer(rebasing: p[byte..<firstLineEnd]))
                let line = Line(byteStart: byte, byteEnd: firstLineEnd, scalarStart: block.start, scalarEnd: block.start + firstLineScalars)
                guard let marker = Marker.parse(prefixScalars(bytes, line, limit: 24)) else {
                    if leadIn() { levels.reset() }
                    continue
                }
                let single = firstLineEnd == bytes.count || block.end == block.start + firstLineScalars
                let refined = levels.block(for: marker, start: block.start, end: block.end, capitals: single && isCapitalHeading(bytes, line))
                out[k].type = refined.type
                out[k].level = refined.level
                out[k].label = refined.label
            }
        }
        return out
    }
}
