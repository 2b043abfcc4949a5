/// What an HTML element means to the reader: whether it is read at all, whether it starts a
/// block, and which block.
enum ElementKind: Equatable {
    /// Not text a person reads on the page: the element and everything in it is skipped.
    case drop
    /// Page chrome by its tag (nav, header, footer, aside, form): dropped, or kept as "chrome".
    case chrome
    /// The page title: metadata, not text.
    case title
    /// A line break inside the running block.
    case lineBreak
    /// Ends the running block and holds no text of its own (hr, img-less separators).
    case separator
    case heading(Int)
    /// ul/ol/menu/dir: a list level.
    case list(ordered: Bool)
    case listItem
    case table
    case row
    case cell(header: Bool)
    /// Text kept verbatim.
    case preformatted
    /// Any other block-level element: its text is a paragraph of its own.
    case block
    /// Text-level elements (a, span, b, …) and unknown ones: their text joins the running block
    /// as written, with no space invented at their edges.
    case inline

    /// The kind of an element by its lowercase name (libxml2's HTML parser lowercases names).
    static func of(_ name: String) -> ElementKind {
        if let kind = byName[name] { return kind }
        return .inline
    }

    private static let byName: [String: ElementKind] = {
        var kinds: [String: ElementKind] = [:]
        for name in ["script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math",
                     "canvas", "select", "datalist", "button", "audio", "video", "map"] {
            kinds[name] = .drop
        }
        for name in ["nav", "header", "footer", "aside", "form"] { kinds[name] = .chrome }
        for level in 1...6 { kinds["h\(level)"] = .heading(level) }
        for name in ["ul", "menu", "dir"] { kinds[name] = .list(ordered: false) }
        kinds["ol"] = .list(ordered: true)
        kinds["li"] = .listItem
        kinds["table"] = .table
        kinds["tr"] = .row
        kinds["td"] = .cell(header: false)
        kinds["th"] = .cell(header: true)
        for name in ["pre", "listing", "xmp", "plaintext"] { kinds[name] = .preformatted }
        kinds["title"] = .title
        kinds["br"] = .lineBreak
        kinds["hr"] = .separator
        for name in ["html", "body", "head", "p", "div", "blockquote", "section", "article", "main", "dl", "dd", "dt",
                     "figure", "figcaption", "address", "center", "details", "summary", "fieldset", "legend",
                     "caption", "thead", "tbody", "tfoot", "colgroup", "hgroup", "dialog", "search", "option",
                     "optgroup", "textarea", "frameset", "frame", "noframes", "marquee"] {
            kinds[name] = .block
        }
        return kinds
    }()

    /// True for elements that end the running block of text.
    var isBlock: Bool { self != .inline && self != .lineBreak }
}

/// Page chrome named by a class or id: menus, navigation bars, breadcrumbs, footers, sidebars.
enum ChromeNames {
    /// The parts of a class or id that mark chrome, compared with the value split at spaces,
    /// hyphens and underscores ("main-nav", "site_footer", "menu top").
    static let words: Set<String> = ["menu", "nav", "breadcrumb", "breadcrumbs", "footer", "sidebar", "masthead", "topbar"]
    /// "header" marks chrome only beside one of these parts ("site-header", "top_header",
    /// "global header"): alone, or as "entry-header" / "page-header", it is often an article's
    /// own title block.
    static let headerQualifiers: Set<String> = ["site", "top", "global"]

    /// Elements never treated as chrome for their class or id: the page itself (themes put
    /// "has-sidebar" on body) and the parts of a table, whose grid must stay whole.
    static let exempt: Set<String> = ["html", "body", "main", "tr", "td", "th", "thead", "tbody", "tfoot"]

    /// Whether a class or id value (UTF-8 bytes) has a chrome word as one of its parts.
    static func marks(_ value: UnsafePointer<UInt8>) -> Bool {
        var part: [UInt8] = []
        var header = false, qualified = false
        var p = value
        while true {
            let b = p.pointee
            let isLetter = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b >= 0x80
            if isLetter {
                // Parts longer than the longest word cannot match: stop collecting them.
                if part.count <= 12 { part.append(b | (b < 0x80 && b >= 0x41 && b <= 0x5A ? 0x20 : 0)) }
            } else {
                if isWord(part) { return true }
                if part.count == 6 && part.elementsEqual("header".utf8) { header = true }
                if part.count >= 3 && part.count <= 6 && headerQualifiers.contains(String(decoding: part, as: UTF8.self)) { qualified = true }
                if header && qualified { return true }
                part.removeAll(keepingCapacity: true)
                if b == 0 { return false }
            }
            p += 1
        }
    }

    private static func isWord(_ part: [UInt8]) -> Bool {
        guard part.count >= 3 && part.count <= 11 else { return false }
        return words.contains(String(decoding: part, as: UTF8.self))
    }
}
