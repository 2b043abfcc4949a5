import DOCXReader
import DocumentModel
import Foundation
import Ingest
import Testing

/// The real Word files in the shared corpus, when this machine has them.
@Suite struct DOCXRealFileTests {
    static let folders = ["/work/shared/real/laws-docx", "/work/shared/real/decree-30-2020"]

    static var files: [String] {
        folders.flatMap { folder -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            return names.filter { $0.hasSuffix(".docx") }.sorted().map { folder + "/" + $0 }
        }
    }

    @Test func realFilesRead() throws {
        let files = Self.files
        guard !files.isEmpty else { return }
        for path in files {
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            let doc = try DOCXReader.read(InputFile(path: path, bytes: [UInt8](data)))
            #expect(doc.text.unicodeScalars.count > 1000, "\(path)")
            #expect(doc.blocks.count > 10, "\(path)")
            let lowered = doc.text.lowercased()
            #expect(["điều", "nghị định", "phụ lục", "luật"].contains { lowered.contains($0) }, "\(path)")
            #expect(doc.contractViolation() == nil, "\(path)")
            #expect(doc.warnings.isEmpty, "\(path): \(doc.warnings)")
        }
        if let law = files.first(where: { $0.hasSuffix("Luat-15-2023-QH15.docx") }),
           let data = FileManager.default.contents(atPath: law) {
            let doc = try DOCXReader.read(InputFile(path: law, bytes: [UInt8](data)))
            #expect(doc.text.contains("Điều 1"))
        }
    }
}
