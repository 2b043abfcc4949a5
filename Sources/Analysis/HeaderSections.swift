import DocumentModel
import VietnameseText

/// The section tree of an official document's body: its headings and numbered items, nested by
/// the kind of their labels (Decree 30/2020/NĐ-CP Appendix I §II.6.đ: Phần, Chương, Mục, Điều,
/// khoản "1.", điểm "a)"; plans number their parts "I.", "1.", "1.1.", "a)").
///
/// Each node is `{"label", "title", "children"}`: the label as the block has it ("I.", "2a",
/// "Điều 1."), the block's first line without it (for "Chương I" the capitals line under it),
/// and the nodes under it. Bullets ("-", "+", "•") are not nodes: a node counts those under it in
/// `"bullets"` (present when there are any). Table cells and blocks without a label are not part
/// of the tree.
enum HeaderSections {
    /// The kind of a bullet ("-", "+", "•"): counted, not a node.
    static let bulletRank = -1

    /// The kind of a label, which says how deep it sits (smaller is higher): 0 Phần, 1 Chương,
    /// 2 Mục or a capital letter ("A."), 3 Roman ("II."), 4 Điều, 5 "1.", 6 "1.1." or "2a",
    /// 7 "1.1.1.", 8 "a)"; `bulletRank` for bullets; nil for anything else. Within one kind a
    /// deeper block level (Word and HTML nesting) sits lower.
    static func kind(_ label: String) -> Int? {
        let trimmed = HeaderText.trimEnd(HeaderText.collapse(label), ".),:")
        let folded = Folding.fold(trimmed)
        guard let first = trimmed.unicodeScalars.first else { return nil }
        if HeaderClosing.bullets.contains(first) || trimmed == "o" { return bulletRank }
        for (word, kind) in [("phan", 0), ("chuong", 1), ("tieu muc", 2), ("muc", 2), ("dieu", 4)] where folded.hasPrefix(word + " ") {
            return kind
        }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) { return min(5 + parts.count - 1, 7) }
        if parts.count == 1 {
            let scalars = Array(trimmed.unicodeScalars)
            if scalars.count >= 2, scalars.dropLast().allSatisfy({ ("0"..."9").contains($0) }), let last = scalars.last, last.properties.isAlphabetic {
                return 6  // "2a"
            }
            if isRoman(trimmed) { return 3 }
            if scalars.count >= 2, isRoman(trimmed.uppercased()), scalars.allSatisfy({ $0.properties.isLowercase }) { return 3 }  // "ii", "iv"
            if scalars.count == 1, first.properties.isAlphabetic {
                return first.properties.isUppercase ? 2 : 8
            }
        }
        return nil
    }

    static func isRoman(_ text: String) -> Bool {
        !text.isEmpty && text.unicodeScalars.allSatisfy { "IVXLC".unicodeScalars.contains($0) }
    }

    struct Node {
        var label: String
        var title: String
        var rank: Int
        var children: [Int] = []
        var bullets = 0
    }

    /// The tree of the labelled heading and list-item blocks starting in `start..<end` of the text.
    static func tree(_ doc: HeaderDocument, from start: Int, to end: Int) -> [JSONValue] {
        let blocks = doc.document.blocks
        var nodes: [Node] = []
        var roots: [Int] = []
        var stack: [Int] = []
        for (index, block) in blocks.enumerated() {
            guard block.part == nil, block.start >= start, block.start < end,
                  block.type == .heading || block.type == .listItem, let label = block.label,
                  let kind = kind(label) else { continue }
            if kind == bulletRank {
                if let top = stack.last { nodes[top].bullets += 1 }
                continue
            }
            let rank = kind * 10 + min(max(block.level ?? 1, 1), 9)
            var title = self.title(of: block, label: label, doc)
            if title.isEmpty, index + 1 < blocks.count {
                // "Chương I" with its title on the next line.
                let next = blocks[index + 1]
                let text = firstLine(doc.document.slice(next.start, next.end))
                if next.label == nil, next.part == nil, HeaderPiece(text.unicodeScalars, start: 0).isAllCaps { title = text }
            }
            while let top = stack.last, nodes[top].rank >= rank { stack.removeLast() }
            nodes.append(Node(label: label, title: title, rank: rank))
            let id = nodes.count - 1
            if let top = stack.last { nodes[top].children.append(id) } else { roots.append(id) }
            stack.append(id)
        }
        func json(_ id: Int) -> JSONValue {
            let node = nodes[id]
            var members: [JSONValue.Member] = [
                .init("label", .string(node.label)),
                .init("title", .string(node.title)),
                .init("children", .array(node.children.map(json))),
            ]
            if node.bullets > 0 { members.append(.init("bullets", .int(node.bullets))) }
            return .object(members)
        }
        return roots.map(json)
    }

    static func firstLine(_ text: Substring) -> String {
        // Split on the newline byte: a line feed is never part of a multi-byte scalar.
        guard let first = text.utf8.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: true).first else { return "" }
        return HeaderText.collapse(text[first.startIndex..<first.endIndex])
    }

    /// The block's first line without its label and the punctuation after it ("2a, Đánh giá" →
    /// "Đánh giá"), and without emphasis marks.
    static func title(of block: Block, label: String, _ doc: HeaderDocument) -> String {
        let line = firstLine(doc.document.slice(block.start, block.end))
        var scalars = Substring(line).unicodeScalars[...]
        let labelScalars = Array(label.unicodeScalars)
        if scalars.starts(with: labelScalars) { scalars = scalars.dropFirst(labelScalars.count) }
        scalars = scalars.drop { $0.properties.isWhitespace || ".,):;-–".unicodeScalars.contains($0) || HeaderText.isEdgeNoise($0) }
        let piece = HeaderPiece(scalars, start: 0).sub(0, scalars.count)
        return piece.text
    }
}
