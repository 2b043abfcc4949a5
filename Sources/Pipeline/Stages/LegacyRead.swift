public import DocumentModel
import Foundation
import LegacyText

/// Legacy Vietnamese inside files the readers have already decoded: runs set in a legacy font
/// (.VnTime, VNI-Times) in Word and RTF files, decoded as the font's encoding; and text that a
/// Unicode reader made of legacy bytes (`ngµy 31 th¸ng 3`), repaired line by line. Raw legacy
/// bytes in text and HTML files are the decoder's job (Ingest's `TextDecoding`).
enum LegacyRead {
    /// Collects which encodings the font hook decoded, across the reader's calls.
    ///
    /// A run is decoded when its characters prove legacy text. Short runs often prove nothing
    /// (`Sè: 123` reads as Vietnamese either way); when runs of their font were proven legacy in
    /// the same document and none of that font's runs was proven Unicode, the reader runs once
    /// more with those fonts `lenient`, and such runs are decoded when that reads no worse.
    final class FontDecodings: @unchecked Sendable {
        private let lock = NSLock()
        private var counts: [LegacyEncoding: Int] = [:]
        /// Per legacy font: runs decoded, runs left that could have been decoded (all their
        /// characters have a byte) and runs that are surely Unicode (a letter with no byte).
        private var proven: [String: Int] = [:]
        private var unproven: [String: Int] = [:]
        private var unicode: [String: Int] = [:]
        /// Fonts whose unproven runs are decoded when no worse (the second pass).
        let lenient: Set<String>

        init(lenient: Set<String> = []) {
            self.lenient = lenient
        }

        /// The run's text decoded with its font's encoding, or nil to keep it.
        func decode(_ text: String, font: String?) -> String? {
            guard let font, let encoding = LegacyFonts.encoding(forFont: font)?.encoding else { return nil }
            let decoded = LegacyRepair.decodeRun(text, font: font, lenient: lenient.contains(font))
            lock.lock()
            defer { lock.unlock() }
            if decoded != nil {
                counts[encoding, default: 0] += 1
                proven[font, default: 0] += 1
            } else if LegacyRepair.hasCharacterWithoutWindows1252Byte(text) {
                unicode[font, default: 0] += 1
            } else if text.unicodeScalars.contains(where: { $0.value >= 0x80 }) {
                unproven[font, default: 0] += 1
            }
            return decoded
        }

        /// Fonts worth a lenient second pass: some runs proven legacy, some left unproven, none
        /// surely Unicode.
        var fontsForSecondPass: Set<String> {
            lock.lock()
            defer { lock.unlock() }
            return Set(unproven.keys.filter { (proven[$0] ?? 0) > 0 && (unicode[$0] ?? 0) == 0 })
        }


        /// Decoded runs by encoding, most first.
        var summary: [(encoding: LegacyEncoding, runs: Int)] {
            lock.lock()
            defer { lock.unlock() }
            return counts.map { ($0.key, $0.value) }.sorted { $0.runs != $1.runs ? $0.runs > $1.runs : $0.encoding.rawValue < $1.encoding.rawValue }
        }
    }

    /// Records the font decodings in the document: its encoding and a warning. Returns the
    /// encoding they prove, when there is one.
    @discardableResult
    static func noteFontDecodings(_ decodings: FontDecodings, in document: inout Document, stage: String) -> LegacyEncoding? {
        let summary = decodings.summary
        guard !summary.isEmpty else { return nil }
        document.source.encoding = summary.count == 1 ? summary[0].encoding.rawValue : "mixed"
        let what = summary.map { "\($0.runs) in \($0.encoding.rawValue)" }.joined(separator: ", ")
        document.warnings.append(Warning(
            stage: stage, code: "legacy-font-decoded",
            message: "text set in pre-Unicode Vietnamese fonts was decoded by font (\(what) runs); check it against the original"))
        return summary.count == 1 ? summary[0].encoding : nil
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
