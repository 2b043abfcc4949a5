public import DocumentModel

/// The document JSON (see docs/output.md and docs/schema/document.schema.json).
///
/// `pretty` puts each top-level member and each block, entity and warning on a line of its own:
/// readable, and diffs of golden files stay small. The compact form is one line (JSON Lines).
public enum DocumentJSON {
    public static let schemaVersion = 1

    public static func encode(_ d: Document, pretty: Bool) -> [UInt8] {
        var w = JSONWriter(capacity: d.text.utf8.count * 11 / 10 + 256 + d.blocks.count * 64)
        write(d, pretty: pretty, into: &w)
        return w.bytes
    }

    /// Streams the document JSON to `sink` in chunks of about `chunkSize` bytes, so a large
    /// document is never held twice in memory. `trailingNewline` ends the output with a line feed.
    public static func write(_ d: Document, pretty: Bool, trailingNewline: Bool = false, chunkSize: Int = 1 << 20,
                             to sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var w = JSONWriter(chunkSize: chunkSize, sink: sink)
            write(d, pretty: pretty, into: &w)
            if trailingNewline && !pretty { w.raw(0x0A) }
            w.flush()
        }
    }

    public static func write(_ d: Document, pretty: Bool, into w: inout JSONWriter) {
        let nl: StaticString = pretty ? "\n  " : ""
        let sep: StaticString = pretty ? ",\n  " : ", "
        let itemIndent: StaticString = pretty ? "\n    " : ""
        let itemSep: StaticString = pretty ? ",\n    " : ", "
        let close: StaticString = pretty ? "\n  ]" : "]"

        func list<T>(_ items: [T], _ body: (inout JSONWriter, T) -> Void) {
            if items.isEmpty { w.raw("[]"); return }
            w.raw("[")
            w.raw(itemIndent)
            for (k, item) in items.enumerated() {
                if k > 0 { w.raw(itemSep) }
                body(&w, item)
            }
            w.raw(close)
        }

        w.raw("{")
        w.raw(nl)
        w.raw("\"schema_version\": "); w.int(schemaVersion)
        w.raw(sep)
        w.raw("\"source\": {\"path\": "); w.string(d.source.path)
        w.raw(", \"format\": "); w.string(d.source.format.rawValue)
        w.raw(", \"encoding\": ")
        if let e = d.source.encoding { w.string(e) } else { w.raw("null") }
        w.raw(", \"bytes\": "); w.int(d.source.bytes)
        w.raw(", \"sha256\": "); w.string(d.source.sha256)
        w.raw("}")
        if let kind = d.kind {
            w.raw(sep)
            w.raw("\"kind\": "); w.string(kind)
            if let rule = d.kindRule {
                w.raw(sep)
                w.raw("\"kind_rule\": "); w.string(rule)
            }
        }
        if !d.metadata.isEmpty {
            w.raw(sep)
            w.raw("\"metadata\": "); w.value(.object(d.metadata))
        }
        for record in d.records {
            w.raw(sep)
            w.string(record.key); w.raw(": "); w.value(record.value)
        }
        w.raw(sep)
        w.raw("\"text\": "); w.string(d.text)
        w.raw(sep)
        w.raw("\"blocks\": ")
        list(d.blocks) { w, b in
            w.raw("{\"type\": "); w.string(b.type.rawValue)
            w.raw(", \"start\": "); w.int(b.start)
            w.raw(", \"end\": "); w.int(b.end)
            if let level = b.level { w.raw(", \"level\": "); w.int(level) }
            if let label = b.label { w.raw(", \"label\": "); w.string(label) }
            if let list = b.list { w.raw(", \"list\": "); w.string(list.rawValue) }
            if let c = b.cell {
                w.raw(", \"cell\": {\"table\": "); w.int(c.table)
                w.raw(", \"row\": "); w.int(c.row)
                w.raw(", \"column\": "); w.int(c.column)
                w.raw(", \"row_span\": "); w.int(c.rowSpan)
                w.raw(", \"column_span\": "); w.int(c.columnSpan)
                if let parent = c.parentTable { w.raw(", \"parent_table\": "); w.int(parent) }
                if c.header { w.raw(", \"header\": true") }
                w.raw("}")
            }
            if let part = b.part { w.raw(", \"part\": "); w.string(part) }
            w.raw("}")
        }
        w.raw(sep)
        w.raw("\"entities\": ")
        list(d.entities) { w, e in
            w.raw("{\"type\": "); w.string(e.type)
            w.raw(", \"text\": "); w.string(e.text)
            w.raw(", \"start\": "); w.int(e.start)
            w.raw(", \"end\": "); w.int(e.end)
            w.raw(", \"value\": "); w.value(e.value)
            if let rule = e.rule { w.raw(", \"rule\": "); w.string(rule) }
            w.raw("}")
        }
        w.raw(sep)
        w.raw("\"warnings\": ")
        list(d.warnings) { w, warning in
            w.raw("{\"stage\": "); w.string(warning.stage)
            w.raw(", \"code\": "); w.string(warning.code)
            w.raw(", \"message\": "); w.string(warning.message)
            w.raw("}")
        }
        w.raw(pretty ? "\n}\n" : "}")
    }

    /// One line of errors.jsonl.
    public static func encode(_ e: DocumentError) -> [UInt8] {
        var w = JSONWriter(capacity: 256)
        w.raw("{\"path\": "); w.string(e.path)
        w.raw(", \"stage\": "); w.string(e.stage)
        w.raw(", \"code\": "); w.string(e.code.rawValue)
        w.raw(", \"message\": "); w.string(e.reason)
        w.raw("}")
        return w.bytes
    }
}
