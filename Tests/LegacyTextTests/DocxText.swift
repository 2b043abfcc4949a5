import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The paragraphs of a `.docx` (via the system `unzip`), with the fonts each names, for tests
/// on real Word files. Nil when `unzip` or the file is missing.
enum DocxText {
    struct Paragraph {
        var text: String
        var fonts: Set<String>
    }

    static func paragraphs(of url: URL) -> [Paragraph]? {
        guard let xml = unzip(url, member: "word/document.xml") else { return nil }
        let collector = Collector()
        let parser = XMLParser(data: xml)
        parser.delegate = collector
        guard parser.parse() else { return nil }
        return collector.paragraphs
    }

    static func unzip(_ url: URL, member: String) -> Data? {
        let tool = URL(fileURLWithPath: "/usr/bin/unzip")
        guard FileManager.default.isExecutableFile(atPath: tool.path), FileManager.default.fileExists(atPath: url.path) else { return nil }
        let process = Process()
        process.executableURL = tool
        process.arguments = ["-p", url.path, member]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    final class Collector: NSObject, XMLParserDelegate {
        var paragraphs: [Paragraph] = []
        var current: Paragraph?
        var inText = false

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            switch name {
            case "w:p": current = Paragraph(text: "", fonts: [])
            case "w:t": inText = true
            case "w:tab": current?.text += "\t"
            case "w:rFonts":
                for key in ["w:ascii", "w:hAnsi", "w:cs"] { if let font = attributes[key] { current?.fonts.insert(font) } }
            default: break
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "w:p":
                if let current { paragraphs.append(current) }
                current = nil
            case "w:t": inText = false
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if inText { current?.text += string }
        }
    }
}
