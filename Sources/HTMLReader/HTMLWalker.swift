import CLibXML2
import DocumentModel

/// Walks a libxml2 HTML tree in document order and builds the text and blocks.
///
/// The walk is iterative (first child, next sibling, back up through the parent) with an
/// explicit stack of what each open element did, so no page can exhaust the call stack. Text
/// is gathered as UTF-8 bytes of the running block, whitespace collapsed by HTML's rules as it
/// comes, and turned into a `String` once per block.
struct HTMLWalker {
    /// Keep page chrome as blocks with part "chrome" instead of dropping it.
    let keepChrome: Bool

    private(set) var output = BlockText()
    /// The text of the first `<title>`, whitespace collapsed.
    private(set) var title: String?
    /// The deepest element nesting met (the root element is depth 1).
    private(set) var maxDepth = 0
    /// Elements dropped as page chrome (when chrome is not kept).
    private(set) var droppedChrome = 0

    // The running block.
    private var run: [UInt8] = []
    /// Whitespace was met after the last byte of the run: one space goes in before more text.
    private var pendingSpace = false
    /// A block ended inside a table cell: a line feed goes in before more text.
    private var pendingBreak = false

    /// What decides the type of the block being gathered: the innermost heading, list item,
    /// table cell or `<pre>` (the root context makes paragraphs).
    private var contexts: [Context] = [Context(kind: .paragraph, chrome: false)]
    private var lists: [ListState] = []
    private var tables: [TableGrid] = []
    private var tableCount = 0
    private var preDepth = 0
    private var chromeDepth = 0
    /// Open `<article>`, `<main>` and `<section>` elements: a `<header>` or `<footer>` inside one
    /// belongs to that content (an article's title and date), not to the page's chrome.
    private var contentDepth = 0
    /// One frame per element entered and not yet left.
    private var frames: [Frame] = []
    /// Element kinds by name pointer: libxml2 interns names in the document's dictionary, so a
    /// page's few distinct names are each looked up once.
    private var kinds: [UnsafePointer<xmlChar>: ElementKind] = [:]

    init(keepChrome: Bool) {
        self.keepChrome = keepChrome
        run.reserveCapacity(4096)
    }

    private struct Context {
        enum Kind {
            case paragraph
            case heading(Int)
            case listItem(level: Int, label: String?, list: ListKind)
            case cell(TableCell)
            case preformatted
        }
        var kind: Kind
        /// The context made a block already: a list item's label goes on its first block only.
        var emitted = false
        /// Opened inside kept page chrome.
        var chrome: Bool
    }

    /// What entering an element did, undone when it is left.
    private struct Frame {
        var boundary = false
        var popsContext = false
        var popsList = false
        var popsTable = false
        var preformatted = false
        var chrome = false
        var content = false
    }

    // MARK: - The walk

    /// Walks every node of the document.
    mutating func walk(_ doc: xmlDocPtr) {
        var node = doc.pointee.children
        var depth = 0
        while let current = node {
            var descended = false
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                if enter(current) {
                    if let child = current.pointee.children {
                        depth += 1
                        maxDepth = max(maxDepth, depth)
                        node = child
                        descended = true
                    } else {
                        leave()
                    }
                }
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = current.pointee.content { appendText(content) }
            default:
                break  // comments, the doctype, processing instructions
            }
            if descended { continue }
            // Next sibling, or up through the parents that have none, leaving each.
            var up = current
            node = nil
            while true {
                if let next = up.pointee.next {
                    node = next
                    break
                }
                guard depth > 0, let parent = up.pointee.parent else { break }
                depth -= 1
                leave()
                up = parent
            }
        }
        flush()
    }

    /// Handles an element's start; returns true when its children are to be walked (a frame was
    /// pushed, popped by `leave`).
    private mutating func enter(_ node: xmlNodePtr) -> Bool {
        guard let name = node.pointee.name else { return false }
        let kind = kindOf(name)
        switch kind {
        case .drop:
            return false
        case .title:
            if title == nil { title = Self.collapsedText(of: node) }
            return false
        case .lineBreak:
            lineBreak()
            return false
        default:
            break
        }
        var frame = Frame()
        let sectioningChrome = kind == .chrome && (Self.equals(name, "header") || Self.equals(name, "footer"))
        if (kind == .chrome && !(sectioningChrome && contentDepth > 0)) || isChromeByName(node, name: name) {
            if !keepChrome {
                droppedChrome += 1
                return false
            }
            flush()
            chromeDepth += 1
            frame.chrome = true
        }
        if Self.equals(name, "article") || Self.equals(name, "main") || Self.equals(name, "section") {
            contentDepth += 1
            frame.content = true
        }
        switch kind {
        case .heading(let level):
            frame.popsContext = open(.heading(level), else: &frame)
        case .list(let ordered):
            boundary()
            frame.boundary = true
            lists.append(Self.listState(node, ordered: ordered))
            frame.popsList = true
        case .listItem:
            let item = nextListItem(node)
            frame.popsContext = open(item, else: &frame)
        case .table:
            flush()
            tableCount += 1
            tables.append(TableGrid(number: tableCount, parent: tables.last?.number))
            frame.popsTable = true
        case .row:
            boundary()
            frame.boundary = true
            if !tables.isEmpty { tables[tables.count - 1].startRow() }
        case .cell(let header):
            if tables.isEmpty {
                boundary()
                frame.boundary = true
            } else {
                flush()
                let rowSpan = Self.integerAttribute(node, "rowspan") ?? 1
                let columnSpan = Self.integerAttribute(node, "colspan") ?? 1
                let cell = tables[tables.count - 1].place(rowSpan: rowSpan, columnSpan: columnSpan, header: header)
                contexts.append(Context(kind: .cell(cell), chrome: chromeDepth > 0))
                frame.popsContext = true
            }
        case .preformatted:
            frame.popsContext = open(.preformatted, else: &frame)
            preDepth += 1
            frame.preformatted = true
        case .separator, .block, .chrome:
            boundary()
            frame.boundary = true
        case .inline, .drop, .title, .lineBreak:
            break
        }
        frames.append(frame)
        return true
    }

    /// Leaves the innermost open element, undoing what entering it did.
    private mutating func leave() {
        guard let frame = frames.popLast() else { return }
        if frame.boundary { boundary() }
        if frame.popsContext {
            flush()
            contexts.removeLast()
        }
        if frame.popsList { lists.removeLast() }
        if frame.popsTable {
            flush()
            tables.removeLast()
        }
        if frame.preformatted { preDepth -= 1 }
        if frame.chrome {
            flush()
            chromeDepth -= 1
        }
        if frame.content { contentDepth -= 1 }
    }

    /// Opens a block context; inside a table cell a heading, list item or `<pre>` only breaks
    /// the line instead, so that the cell stays one block. Returns whether a context was pushed.
    private mutating func open(_ kind: Context.Kind, else frame: inout Frame) -> Bool {
        if inCell {
            boundary()
            frame.boundary = true
            return false
        }
        flush()
        contexts.append(Context(kind: kind, chrome: chromeDepth > 0))
        return true
    }

    private var inCell: Bool {
        if case .cell = contexts[contexts.count - 1].kind { return true }
        return false
    }

    // MARK: - Text

    /// Appends a text node's bytes to the running block: runs of HTML whitespace (and no-break
    /// spaces) become one space, dropped at the block's edges; inside `<pre>` bytes go in as
    /// they are, no-break spaces as plain spaces.
    private mutating func appendText(_ content: UnsafePointer<xmlChar>) {
        var p = content
        if preDepth > 0 {
            if p.pointee != 0 { resolvePending() }
            while p.pointee != 0 {
                if p.pointee == 0xC2 && (p + 1).pointee == 0xA0 {
                    run.append(0x20)
                    p += 2
                } else {
                    run.append(p.pointee)
                    p += 1
                }
            }
            return
        }
        while true {
            let b = p.pointee
            switch b {
            case 0:
                return
            case 0x20, 0x09, 0x0A, 0x0C, 0x0D:
                pendingSpace = true
                p += 1
            case 0xC2 where (p + 1).pointee == 0xA0:
                pendingSpace = true
                p += 2
            default:
                // Words with single spaces between them are copied at once, up to whitespace
                // that needs collapsing (a run, a tab or line end, a no-break space), a space
                // at the end, or the end of the node.
                resolvePending()
                var end = p + 1
                while true {
                    let c = end.pointee
                    if c == 0 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D { break }
                    if c == 0xC2 && (end + 1).pointee == 0xA0 { break }
                    if c == 0x20 {
                        let next = (end + 1).pointee
                        if next == 0 || next == 0x20 || next == 0x09 || next == 0x0A || next == 0x0C || next == 0x0D { break }
                        if next == 0xC2 && (end + 2).pointee == 0xA0 { break }
                    }
                    end += 1
                }
                run.append(contentsOf: UnsafeBufferPointer(start: p, count: end - p))
                p = end
            }
        }
    }

    /// Before more text: the line feed of a block that ended inside a cell, or one space.
    private mutating func resolvePending() {
        if pendingBreak {
            if !run.isEmpty { run.append(0x0A) }
            pendingBreak = false
            pendingSpace = false
        } else if pendingSpace {
            if let last = run.last, last != 0x0A { run.append(0x20) }
            pendingSpace = false
        }
    }

    /// `<br>`: a line feed inside the block (spaces around it dropped).
    private mutating func lineBreak() {
        if pendingBreak, !run.isEmpty { run.append(0x0A) }
        pendingBreak = false
        pendingSpace = false
        run.append(0x0A)
    }

    /// A block-level element starts or ends: the running block ends, except inside a table cell,
    /// where the text goes on after a line feed.
    private mutating func boundary() {
        if inCell {
            if !run.isEmpty {
                pendingBreak = true
                pendingSpace = false
            }
        } else {
            flush()
        }
    }

    /// Ends the running block: adds it, typed by the innermost context, and starts a new one.
    private mutating func flush() {
        defer {
            run.removeAll(keepingCapacity: true)
            pendingSpace = false
            pendingBreak = false
        }
        guard !run.isEmpty else { return }
        let index = contexts.count - 1
        let context = contexts[index]
        let (from, to) = Self.trimmedRange(run, verbatim: preDepth > 0)
        let part = chromeDepth > 0 || context.chrome ? "chrome" : nil
        let added: Bool = run.withUnsafeBufferPointer { whole in
            let text = UnsafeBufferPointer(rebasing: whole[from..<to])
            switch context.kind {
            case .paragraph:
                return output.add(.paragraph, utf8: text, part: part)
            case .heading(let level):
                return output.add(.heading, utf8: text, level: level, part: part)
            case .listItem(let level, let label, let list):
                if context.emitted {
                    return output.add(.paragraph, utf8: text, part: part)
                }
                return output.add(.listItem, utf8: text, level: level, label: label, list: list, part: part)
            case .cell(let cell):
                return output.add(.tableCell, utf8: text, cell: cell, part: part)
            case .preformatted:
                return output.add(.preformatted, utf8: text, part: part)
            }
        }
        if added { contexts[index].emitted = true }
    }

    /// The block's text: line feeds and spaces at its edges dropped (a `<br>` at the start or
    /// the end shows nothing); in `<pre>` only the line feed after the start tag and the one
    /// before the end tag, as browsers do.
    static func trimmedRange(_ run: [UInt8], verbatim: Bool) -> (Int, Int) {
        var start = run.startIndex
        var end = run.endIndex
        if verbatim {
            if start < end && run[start] == 0x0A { start += 1 }
            if start < end && run[end - 1] == 0x0A { end -= 1 }
        } else {
            while start < end && (run[start] == 0x0A || run[start] == 0x20) { start += 1 }
            while end > start && (run[end - 1] == 0x0A || run[end - 1] == 0x20) { end -= 1 }
        }
        return (start, end)
    }

    // MARK: - Elements

    private mutating func kindOf(_ name: UnsafePointer<xmlChar>) -> ElementKind {
        if let kind = kinds[name] { return kind }
        let kind = ElementKind.of(String(cString: name))
        kinds[name] = kind
        return kind
    }

    /// Page chrome by class or id ("main-nav", "site_footer"); the page itself and table parts
    /// never are.
    private func isChromeByName(_ node: xmlNodePtr, name: UnsafePointer<xmlChar>) -> Bool {
        var attribute = node.pointee.properties
        var checked = false
        while let current = attribute {
            attribute = current.pointee.next
            guard let attributeName = current.pointee.name,
                  Self.equals(attributeName, "class") || Self.equals(attributeName, "id") else { continue }
            if !checked {
                // The exemption costs a string only for elements that carry a class or id.
                if ChromeNames.exempt.contains(String(cString: name)) { return false }
                checked = true
            }
            var child = current.pointee.children
            while let text = child {
                if let content = text.pointee.content, ChromeNames.marks(content) { return true }
                child = text.pointee.next
            }
        }
        return false
    }

    /// The state of a new list: `<ol start="5" type="a" reversed>` numbers from 5 as "e.".
    private static func listState(_ node: xmlNodePtr, ordered: Bool) -> ListState {
        guard ordered else { return ListState(ordered: false, next: 1, step: 1, style: UInt8(ascii: "1")) }
        let style = attributeBytes(node, "type")?.first ?? UInt8(ascii: "1")
        let reversed = attributeBytes(node, "reversed") != nil
        let start = integerAttribute(node, "start") ?? (reversed ? countItems(node) : 1)
        return ListState(ordered: true, next: start, step: reversed ? -1 : 1, style: style)
    }

    /// The context of a new `<li>`: its list, level and label (`value="7"` renumbers from 7).
    private mutating func nextListItem(_ node: xmlNodePtr) -> Context.Kind {
        guard !lists.isEmpty else { return .listItem(level: 1, label: nil, list: .bullet) }
        let index = lists.count - 1
        guard lists[index].ordered else { return .listItem(level: lists.count, label: nil, list: .bullet) }
        if let value = Self.integerAttribute(node, "value") { lists[index].next = value }
        let number = lists[index].next
        lists[index].next = number &+ lists[index].step
        return .listItem(level: lists.count, label: ListState.label(number, style: lists[index].style), list: .numbered)
    }

    /// Direct `<li>` children of a list: the first number of a reversed list.
    private static func countItems(_ node: xmlNodePtr) -> Int {
        var count = 0
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name, equals(name, "li") { count += 1 }
            child = current.pointee.next
        }
        return count
    }

    // MARK: - libxml2 helpers

    /// Whether a NUL-terminated libxml2 string equals an ASCII literal.
    static func equals(_ string: UnsafePointer<xmlChar>, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        let bytes = literal.utf8Start
        for i in 0..<count where string[i] != bytes[i] { return false }
        return string[count] == 0
    }

    /// An attribute's value as UTF-8 bytes (an empty array for an attribute without a value).
    static func attributeBytes(_ node: xmlNodePtr, _ name: StaticString) -> [UInt8]? {
        var attribute = node.pointee.properties
        while let current = attribute {
            if let attributeName = current.pointee.name, equals(attributeName, name) {
                var value: [UInt8] = []
                var child = current.pointee.children
                while let text = child {
                    if var p = text.pointee.content {
                        while p.pointee != 0 && value.count < 256 {
                            value.append(p.pointee)
                            p += 1
                        }
                    }
                    child = text.pointee.next
                }
                return value
            }
            attribute = current.pointee.next
        }
        return nil
    }

    /// A whole-number attribute (`start="-2"`, `colspan=" 3 "`); nil when absent or not a number.
    /// Digits past nine are ignored: no real span or start needs them.
    static func integerAttribute(_ node: xmlNodePtr, _ name: StaticString) -> Int? {
        guard let bytes = attributeBytes(node, name) else { return nil }
        var i = 0
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A) { i += 1 }
        var sign = 1
        if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
            if bytes[i] == UInt8(ascii: "-") { sign = -1 }
            i += 1
        }
        var value = 0
        var digits = 0
        while i < bytes.count, bytes[i] >= 0x30 && bytes[i] <= 0x39 {
            if digits < 9 { value = value * 10 + Int(bytes[i] - 0x30) }
            digits += 1
            i += 1
        }
        return digits == 0 ? nil : sign * value
    }

    /// The text inside an element (the title), whitespace collapsed and trimmed.
    static func collapsedText(of node: xmlNodePtr) -> String {
        var walker = HTMLWalker(keepChrome: true)
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                walker.appendText(content)
            }
            child = current.pointee.next
        }
        let (from, to) = trimmedRange(walker.run, verbatim: false)
        return String(decoding: walker.run[from..<to], as: UTF8.self)
    }
}
