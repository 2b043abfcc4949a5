public import DocumentModel
import Foundation
import LegacyText

/// Legacy Vietnamese inside files the readers have already decoded: runs set in a legacy font
/// (.VnTime, VNI-Times) in Word and RTF files, decoded as the font's encoding; and text that a
/// Unicode reader made of legacy bytes (`ngµy 31 th¸ng 3`), repaired line by line. Raw legacy
/// bytes in text and HTML files are the decoder's job (Ingest's `TextDecoding`).
enum LegacyRead {
    /// Collects which encodings the font hook decoded, across the reader's calls.
    final class FontDecodings: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [LegacyEncoding: Int] = [:]

        /// The run's text decoded with its font's encoding, or nil to keep it (see
        /// `LegacyRepair.decodeRun`: the characters must prove legacy text).
        func decode(_ text: String, font: String?) -> String? {
            guard let font, let encoding = LegacyFonts.encoding(forFont: font)?.encoding,
                  let decoded = LegacyRepair.decodeRun(text, font: font) else { return nil }
            lock.lock()
            counts[encoding, default: 0] += 1
            lock.unlock()
            return decoded
        }

        /// Decoded runs by encoding, most first.
        var summary: [(encoding: LegacyEncoding, runs: Int)] {
            lock.lock()
            defer { lock.unlock() }
            return counts.map { ($0.key, $0.value) }.sorted { $0.runs != $1.runs ? $0.runs > $1.runs : $0.encoding.rawValue < $1.encoding.rawValue }
        }
    }

    /// Records the font decodings in the document: its encoding and a warning.
    static func noteFontDecodings(_ decodings: FontDecodings, in document: inout Document, stage: String) {
        let summary = decodings.summary
        guard !summary.isEmpty else { return }
        document.source.encoding = summary.count == 1 ? summary[0].encoding.rawValue : "mixed"
        let what = summary.map { "\($0.runs) in \($0.encoding.rawValue)" }.joined(separator: ", ")
        document.warnings.append(Warning(
            stage: stage, code: "legacy-font-decoded",
            message: "text set in pre-Unicode Vietnamese fonts was decoded by font (\(what) runs); check it against the original"))
    }

    /// Repairs legacy text read as Windows-1252, in place: the whole text of a plain-text
    /// document, or the blocks of a structured one (each block keeps its place and attributes).
    static func repair(_ document: inout Document, stage: String) {
        guard LegacyRepair.mayNeedRepair(document.text) else { return }
        let result = LegacyRepair.repair(document.text)
        guard result.changed else { return }
        if document.blocks.isEmpty {
            document.text = result.text
        } else if let rebuilt = rebuild(document, repaired: result.text) {
            document.text = rebuilt.text
            document.blocks = rebuilt.blocks
        } else {
            return
        }
        if let encoding = result.encoding {
            let before = document.source.encoding
            let fontDecoded = before.map { LegacyEncoding(rawValue: $0) != nil || $0 == "mixed" } ?? false
            document.source.encoding = fontDecoded ? "mixed" : encoding
        }
        if let warning = result.warning(stage: stage) { document.warnings.append(warning) }
    }

    /// The blocks over the repaired text. The repair keeps the lines (it works line by line), and
    /// blocks are joined by one line feed, so each block takes as many repaired lines as it had;
    /// nil when the line counts differ (then the document is left as it was).
    static func rebuild(_ document: Document, repaired: String) -> BlockText? {
        let lines = repaired.split(separator: "\n", omittingEmptySubsequences: false)
        var output = BlockText()
        var line = 0
        for block in document.blocks {
            let count = document.slice(block.start, block.end).utf8.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            guard line + count <= lines.count else { return nil }
            let text = lines[line..<(line + count)].joined(separator: "\n")
            line += count
            guard output.add(text, like: block) else { return nil }
        }
        return line == lines.count ? output : nil
    }
}
