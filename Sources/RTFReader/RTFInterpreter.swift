import DocumentModel

/// Runs the tokens of an RTF file through a stack of group states, one state per open brace
/// (an array, not recursion: nesting is limited by `RTFReadOptions.maxDepth`).
///
/// ```
/// {\rtf1\ansi\ansicpg1252\deff0 {\fonttbl {\f0\fcharset0 Times;}{\f1\fcharset0 .VnTime;}} {\info {\title …}}
///  {\header \pard … \par} \pard\plain\f1 \'b5 text\par \trowd\intbl cell\cell cell\cell\row {\footnote …} }
/// ```
/// Each state carries the destination (visible text, font table, an info field, or skipped),
/// the story its text goes to, the font, the `\uc` skip count and the paragraph's `\intbl`.
/// Text bytes and `\'hh` escapes are decoded with the code page of the current font's
/// `\fcharset` (else the document's `\ansicpg`); `\uN` gives UTF-16 units.
struct RTFInterpreter {
    enum Destination: Equatable {
        case text
        case skip
        case fontTable
        case info
        case infoText(String)
        case infoDate(String)
        /// `\upr`: the ANSI text in it is dropped in favour of its `\ud` Unicode twin.
        case uprAnsi
        /// `\object`: dropped except its `\result`.
        case object

        /// Visible text (a pattern match: cheaper than `==` on an enum with payloads).
        var isText: Bool {
            if case .text = self { true } else { false }
        }
    }

    struct Group {
        var destination: Destination = .text
        /// 0 body, 1 headers and footers, 2 footnotes and endnotes, 3 comments.
        var story = 0
        var part: String?
        var font: Int?
        var uc = 1
        var hidden = false
        var inTable = false
        /// `\*` came first: the next control word names an ignorable destination.
        var ignorable = false
        /// This group started a story (a header, a footnote): the story ends when it closes.
        var opensStory = false
    }

    struct Font {
        var name: String
        var charset: Int?
        var codePage: Int?
    }

    private let options: RTFReadOptions
    private var tokenizer: RTFTokenizer
    private var stack: [Group] = [Group()]
    private var skip = 0

    private(set) var fonts: [Int: Font] = [:]
    private var fontEntry: Int?
    private var fontEntryName: [UInt16] = []
    private var fontEntryCharset: Int?
    private var fontEntryCodePage: Int?
    private var defaultFont: Int?
    private var defaultCodePage = 1252

    private(set) var builders = [RTFBlockBuilder](repeating: RTFBlockBuilder(), count: 4)
    private var tables = 0
    private(set) var metadata: [(key: String, value: String)] = []
    private var infoBuffer: [UInt16] = []
    private var date: [String: Int] = [:]
    private(set) var warnings: [Warning] = []
    private var unsupportedCodePages = Set<Int>()
    /// Code pages of the non-ASCII bytes decoded, and whether `\uN` gave text.
    private(set) var codePagesUsed = Set<Int>()
    private(set) var usedUnicode = false
    /// Fonts of the text read, in order of first use.
    private(set) var fontsUsed: [String] = []
    private var fontsSeen = Set<String>()

    // The current font, resolved once per change.
    private var cachedFont: Int?? = .none
    private var cachedName: String?
    private var cachedTable: [UInt16] = RTFCodePages.windows1252
    private var cachedCodePage = 1252
    private var fontNoted = false
    private var notedCodePage = -1

    init(_ bytes: [UInt8], options: RTFReadOptions) {
        self.options = options
        tokenizer = RTFTokenizer(bytes)
    }

    var defaultCodePageName: String { RTFCodePages.name(defaultCodePage) }

    mutating func run() throws(RTFProblem) {
        var opened = false
        while let token = try tokenizer.next() {
            switch token {
            case .groupStart:
                skip = 0
                guard stack.count <= options.maxDepth else {
                    throw RTFProblem(code: .limitExceeded, reason: "groups nest deeper than \(options.maxDepth) levels (read.rtf_max_depth); refused as hostile, raise the limit if the file is trusted")
                }
                var group = stack[stack.count - 1]
                group.ignorable = false
                group.opensStory = false
                stack.append(group)
                opened = true
            case .groupEnd:
                skip = 0
                guard stack.count > 1 else { continue }
                let closed = stack.removeLast()
                close(closed)
                if stack.count == 1 && opened { return finish() }
            case .word(let name, let parameter):
                if skip > 0 { skip -= 1; continue }
                word(name, parameter)
            case .symbol(let c):
                if skip > 0 { skip -= 1; continue }
                symbol(c)
            case .hex(let b):
                if skip > 0 { skip -= 1; continue }
                byte(b)
            case .text(let range):
                var start = range.lowerBound
                if skip > 0 {
                    let k = min(skip, range.count)
                    skip -= k
                    start += k
                }
                text(start..<range.upperBound)
            case .binary:
                if skip > 0 { skip -= 1 }
            }
        }
        if stack.count > 1 {
            warnings.append(Warning(stage: "read", code: "rtf-unterminated",
                                    message: "the file ends inside \(stack.count - 1) open group(s): it is truncated or broken; the text read up to its end was kept"))
            while stack.count > 1 { close(stack.removeLast()) }
        }
        finish()
    }

    private mutating func finish() {
        for story in 0..<builders.count { builders[story].finish(part: nil, tables: &tables) }
    }

    // MARK: Characters

    /// The innermost group's state, accessed in place (no copy of the state per access).
    private var top: Group {
        _read { yield stack[stack.count - 1] }
        _modify { yield &stack[stack.count - 1] }
    }

    /// Plain text bytes: in visible text, one run appended at once.
    private mutating func text(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        let group = top
        guard group.destination.isText else {
            for i in range { byte(tokenizer.bytes[i]) }
            return
        }
        guard !group.hidden else { return }
        resolveFont()
        noteFont()
        let bytes = tokenizer.bytes[range]
        if cachedCodePage != notedCodePage, bytes.contains(where: { $0 >= 0x80 }) {
            codePagesUsed.insert(cachedCodePage)
            notedCodePage = cachedCodePage
        }
        builders[group.story].append(bytes, table: cachedTable, font: cachedName)
    }

    /// A byte of text in the current code page.
    private mutating func byte(_ b: UInt8) {
        switch top.destination {
        case .text:
            guard !top.hidden else { return }
            resolveFont()
            if b >= 0x80 && cachedCodePage != notedCodePage {
                codePagesUsed.insert(cachedCodePage)
                notedCodePage = cachedCodePage
            }
            emit(cachedTable[Int(b)], eightBit: true)
        case .fontTable:
            if b == UInt8(ascii: ";") { commitFont() } else { fontEntryName.append(fontEntryTable[Int(b)]) }
        case .infoText:
            infoBuffer.append(RTFCodePages.table(defaultCodePage)?[Int(b)] ?? UInt16(b))
        default:
            break
        }
    }

    /// A UTF-16 unit from `\uN`.
    private mutating func unicode(_ unit: UInt16) {
        switch top.destination {
        case .text:
            guard !top.hidden else { return }
            resolveFont()
            usedUnicode = true
            emit(unit, eightBit: false)
        case .fontTable: fontEntryName.append(unit)
        case .infoText: infoBuffer.append(unit)
        default: break
        }
    }

    /// A character a control word stands for (`\emdash`, `\~`, …): part of the current run.
    private mutating func special(_ unit: UInt16) {
        switch top.destination {
        case .text:
            guard !top.hidden else { return }
            resolveFont()
            emit(unit, eightBit: true)
        case .infoText: infoBuffer.append(unit)
        default: break
        }
    }

    private mutating func emit(_ unit: UInt16, eightBit: Bool) {
        noteFont()
        builders[top.story].append(unit, font: cachedName, eightBit: eightBit)
    }

    /// Records the current font among the fonts used, once per change of font.
    private mutating func noteFont() {
        guard !fontNoted else { return }
        fontNoted = true
        if let name = cachedName, fontsSeen.insert(name).inserted { fontsUsed.append(name) }
    }

    private mutating func resolveFont() {
        let index = top.font ?? defaultFont
        if case .some(let cached) = cachedFont, cached == index { return }
        cachedFont = .some(index)
        fontNoted = false
        let font = index.flatMap { fonts[$0] }
        let name = font?.name
        cachedName = (name?.isEmpty ?? true) ? nil : name
        let codePage = font?.codePage ?? font?.charset.flatMap(RTFCodePages.codePage(forCharset:)) ?? defaultCodePage
        if let table = RTFCodePages.table(codePage) {
            cachedTable = table
            cachedCodePage = codePage
        } else {
            cachedTable = RTFCodePages.windows1252
            cachedCodePage = 1252
            if unsupportedCodePages.insert(codePage).inserted {
                warnings.append(Warning(stage: "read", code: "rtf-code-page-unsupported",
                                        message: "code page \(codePage) (font \(name ?? "?")) is not one the RTF reader decodes; its bytes were read as Windows-1252"))
            }
        }
    }

    private var fontEntryTable: [UInt16] {
        let codePage = fontEntryCodePage ?? fontEntryCharset.flatMap(RTFCodePages.codePage(forCharset:)) ?? defaultCodePage
        return RTFCodePages.table(codePage) ?? RTFCodePages.windows1252
    }

    // MARK: Control words

    private mutating func word(_ name: String, _ parameter: Int?) {
        let keyword = Self.keywords[name]
        if top.ignorable {
            top.ignorable = false
            switch keyword {
            case .unicodeTwin: top.destination = .text
            case .annotation where options.includeComments: startStory(3, part: "comment")
            default: top.destination = .skip
            }
            return
        }
        guard let keyword else { return }  // unknown control words are ignored, as RTF readers must
        switch keyword {
        case .character(let unit): special(unit)

        // Destinations.
        case .skipped: top.destination = .skip
        case .fontTable: top.destination = .fontTable
        case .info: top.destination = .info
        case .infoText(let key):
            top.destination = top.destination == .info ? .infoText(key) : .skip
            infoBuffer.removeAll()
        case .infoDate(let key):
            top.destination = top.destination == .info ? .infoDate(key) : .skip
            date.removeAll()
        case .dateField:
            if case .infoDate = top.destination, let parameter { date[name] = parameter }
        case .object: top.destination = .object
        case .result: if top.destination == .object { top.destination = .text }
        case .upr: top.destination = .uprAnsi
        case .unicodeTwin: break  // \ud only counts after \*
        case .story(let story, let part): startStory(story, part: part)
        case .endnoteMark: if top.part == "footnote" { top.part = "endnote" }
        case .annotation: if options.includeComments { startStory(3, part: "comment") } else { top.destination = .skip }

        // Document and font state.
        case .codePage(let codePage):
            if let codePage {
                defaultCodePage = codePage
            } else if let parameter, parameter > 0 {
                defaultCodePage = parameter
            }
            cachedFont = .none
        case .defaultFont:
            defaultFont = parameter
            cachedFont = .none
        case .font:
            if top.destination == .fontTable {
                if fontEntry != nil && !fontEntryName.isEmpty { commitFont() }
                fontEntry = parameter
                fontEntryName.removeAll()
                fontEntryCharset = nil
                fontEntryCodePage = nil
            } else {
                top.font = parameter
            }
        case .fontCharset: if top.destination == .fontTable { fontEntryCharset = parameter }
        case .fontCodePage: if top.destination == .fontTable { fontEntryCodePage = parameter }
        case .unicodeSkip: top.uc = min(max(parameter ?? 1, 0), 16)
        case .unicode:
            guard let parameter else { return }
            unicode(UInt16(truncatingIfNeeded: parameter))
            skip = top.uc
        case .plain:
            top.font = nil
            top.hidden = false
        case .hidden: top.hidden = (parameter ?? 1) != 0
        case .paragraphDefaults: top.inTable = false
        case .inTable: top.inTable = true
        case .tableDepth: if let parameter { top.inTable = parameter > 0 }

        // Structure.
        case .paragraph:
            if top.destination.isText, !top.hidden { builders[top.story].paragraphEnd(inTable: top.inTable, part: top.part, tables: &tables) }
        case .lineBreak:
            if top.destination.isText, !top.hidden { builders[top.story].lineFeed() }
        case .cell:
            if top.destination.isText { builders[top.story].cellEnd(part: top.part, tables: &tables) }
        case .row:
            if top.destination.isText { builders[top.story].rowEnd(part: top.part, tables: &tables) }
        }
    }

    private mutating func symbol(_ c: UInt8) {
        switch c {
        case UInt8(ascii: "*"): top.ignorable = true
        case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"): byte(c)
        case UInt8(ascii: "~"): special(0x00A0)
        case UInt8(ascii: "_"): special(0x002D)
        case 0x09: special(0x09)
        default: break  // \- optional hyphen, \: index subentry, \| formula, unknown symbols
        }
    }

    private mutating func startStory(_ story: Int, part: String) {
        top.story = story
        top.part = part
        top.destination = .text
        top.inTable = false
        top.opensStory = true
    }

    // MARK: Groups

    private mutating func close(_ closed: Group) {
        let parent = top
        switch closed.destination {
        case .fontTable where fontEntry != nil && !fontEntryName.isEmpty:
            commitFont()
        case .infoText(let key) where parent.destination != closed.destination:
            let value = String(decoding: infoBuffer, as: UTF16.self).trimmingSpaces
            if !value.isEmpty, !metadata.contains(where: { $0.key == key }) { metadata.append((key, value)) }
            infoBuffer.removeAll()
        case .infoDate(let key) where parent.destination != closed.destination:
            if let value = dateString(), !metadata.contains(where: { $0.key == key }) { metadata.append((key, value)) }
            date.removeAll()
        default:
            break
        }
        if closed.opensStory {
            builders[closed.story].finish(part: closed.part, tables: &tables)
        }
        if closed.font != parent.font { cachedFont = .none }
    }

    private mutating func commitFont() {
        guard let index = fontEntry else { return }
        let name = String(decoding: fontEntryName, as: UTF16.self).trimmingSpaces
        fonts[index] = Font(name: name, charset: fontEntryCharset, codePage: fontEntryCodePage)
        fontEntry = nil
        fontEntryName.removeAll()
        cachedFont = .none
    }

    /// `\yr \mo \dy \hr \min \sec` as ISO 8601 local time (RTF dates carry no zone).
    private func dateString() -> String? {
        guard let year = date["yr"], (1900...2200).contains(year), let month = date["mo"], (1...12).contains(month),
              let day = date["dy"], (1...31).contains(day) else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let hour = min(max(date["hr"] ?? 0, 0), 23), minute = min(max(date["min"] ?? 0, 0), 59), second = min(max(date["sec"] ?? 0, 0), 59)
        return "\(year)-\(two(month))-\(two(day))T\(two(hour)):\(two(minute)):\(two(second))"
    }
}

extension String {
    /// Without leading and trailing white space.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
