import Foundation
import Testing
import _TestSupport

@Suite("vndoc run")
struct RunTests {
    /// One input of the mixed folder and what `run` must make of it.
    struct Input {
        var relative: String
        var bytes: [UInt8]
        /// The encoding in `source.encoding` for a good file, nil for a file that must fail.
        var encoding: String?
        /// The error code for a file that must fail.
        var code: String?
    }

    static func mixedInputs() throws -> [Input] {
        [
            Input(relative: "good/a-plan.txt", bytes: Array(Sample.plan.utf8), encoding: "utf-8"),
            Input(relative: "good/b-notice.txt", bytes: Array(Sample.notice.utf8), encoding: "utf-8"),
            Input(relative: "empty.txt", bytes: [], code: "empty"),
            Input(relative: "junk.bin", bytes: Sample.junk(count: 4096), code: "binary"),
            // Not UTF-8, and 0x81 / 0x8A are undefined in Windows-1258.
            Input(relative: "latin-garbage.txt", bytes: Array("Report ".utf8) + [0x81] + Array(" total ".utf8) + [0x8A] + Array(" end\n".utf8), code: "undecodable"),
            Input(relative: "scan.pdf", bytes: Array("%PDF-1.4\n%".utf8) + [0xE2, 0xE3, 0xCF, 0xD3] + Array("\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8), code: "unsupported-format"),
            Input(relative: "utf16.txt", bytes: Sample.utf16LE(Sample.utf16Text), encoding: "utf-16le"),
            Input(relative: "cp1258.txt", bytes: try Windows1258.encode(Sample.peace), encoding: "windows-1258"),
            Input(relative: "crlf.txt", bytes: Array("Dòng một\r\nDòng hai\r\n\r\nĐoạn ba.\r\n".utf8), encoding: "utf-8"),
            // Legacy and hostile files in the same run: read, or refused alone.
            Input(relative: "legacy/tcvn3.txt", bytes: Hostile.tcvn3, encoding: "tcvn3"),
            Input(relative: "hostile/deep-page.html", bytes: Hostile.deepHTML, encoding: "utf-8"),
            Input(relative: "hostile/laughs.docx", bytes: Hostile.docx(Hostile.billionLaughs), code: "limit-exceeded"),
            Input(relative: "hostile/deep-xml.docx", bytes: Hostile.docx(Hostile.deepXML), code: "limit-exceeded"),
            Input(relative: "hostile/truncated.docx", bytes: Array(Hostile.docx(Hostile.plainBody).prefix(300)), code: "malformed"),
            Input(relative: "hostile/broken.doc", bytes: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Sample.junk(count: 600), code: "malformed"),
            Input(relative: "hostile/deep-groups.rtf", bytes: Array(("{\\rtf1\\ansi " + String(repeating: "{", count: 5000) + "x").utf8), code: "limit-exceeded"),
        ]
    }

    /// Files made to hurt a reader, each small.
    enum Hostile {
        static let w = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
        static let plainBody = "<w:document \(w)><w:body><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:body></w:document>"
        /// Entities that would expand to gigabytes if a parser expanded them.
        static let billionLaughs: String = {
            var dtd = "<!DOCTYPE w:document [<!ENTITY l0 \"ha\">"
            for k in 1...10 { dtd += "<!ENTITY l\(k) \"" + String(repeating: "&l\(k - 1);", count: 10) + "\">" }
            return "<?xml version=\"1.0\"?>" + dtd + "]><w:document \(w)><w:body><w:p><w:r><w:t>&l10;</w:t></w:r></w:p></w:body></w:document>"
        }()
        /// Ten thousand nested elements.
        static let deepXML = "<w:document \(w)><w:body>" + String(repeating: "<w:sdt><w:sdtContent>", count: 5000)
            + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + String(repeating: "</w:sdtContent></w:sdt>", count: 5000) + "</w:body></w:document>"
        static func docx(_ document: String) -> [UInt8] {
            StoredZip.make([
                ("[Content_Types].xml", Array("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>".utf8)),
                ("_rels/.rels", Array("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>".utf8)),
                ("word/document.xml", Array(document.utf8)),
            ])
        }
        /// A page nested deeper than the HTML parser goes: read up to there, with a warning.
        static let deepHTML = Array(("<html><body><p>Trước khi lồng sâu.</p>" + String(repeating: "<div>", count: 3000) + "sâu" + "</body></html>").utf8)
        /// "Hà Nội, ngày 31 tháng 3 năm 2003 / Căn cứ Nghị định số 86/2002/NĐ-CP" as TCVN3 bytes.
        static let tcvn3: [UInt8] = [0x48, 0xB5, 0x20, 0x4E, 0xE9, 0x69, 0x2C, 0x20, 0x6E, 0x67, 0xB5, 0x79, 0x20, 0x33, 0x31, 0x20,
                                     0x74, 0x68, 0xB8, 0x6E, 0x67, 0x20, 0x33, 0x20, 0x6E, 0xA8, 0x6D, 0x20, 0x32, 0x30, 0x30, 0x33, 0x0A]
            + Array("C".utf8) + [0xA8, 0x6E, 0x20, 0x63, 0xF8, 0x20, 0x4E, 0x67, 0x68, 0xDE, 0x20, 0xAE, 0xDE, 0x6E, 0x68, 0x20, 0x73, 0xE8, 0x20]
            + Array("86/2002/N".utf8) + [0xA7] + Array("-CP\n".utf8)
    }

    @Test("a mixed folder: good files written, bad ones recorded, exit 1")
    func mixedFolder() async throws {
        try await Paths.withTemporaryDirectory { dir in
            let inputs = try Self.mixedInputs()
            for input in inputs { try write(input.bytes, to: "in/\(input.relative)", in: dir) }
            // Hidden files are skipped.
            try write("Ẩn.\n", to: "in/.hidden.txt", in: dir)

            let result = try await CLI.vndoc(["run", "in", "--out", "out", "--jobs", "2"], in: dir)
            #expect(result.status == 1, "stderr: \(result.stderr)")
            #expect(!result.signalled)

            let ordered = inputs.sorted { $0.relative < $1.relative }
            let good = ordered.filter { $0.encoding != nil }
            let bad = ordered.filter { $0.code != nil }

            // One pretty JSON file per good input, named after its path without the extension.
            for input in good {
                let name = "out/documents/" + (input.relative as NSString).deletingPathExtension + ".json"
                #expect(exists(name, in: dir), "missing \(name)")
                guard exists(name, in: dir) else { continue }
                let data = try read(name, in: dir)
                #expect([UInt8](data).filter { $0 == 0x0A }.count > 3, "\(name) is not pretty-printed")
                let document = try jsonObject(data)
                #expect(document[int: "schema_version"] == 1)
                let source = try #require(document[object: "source"])
                #expect(source[string: "path"] == "in/\(input.relative)")
                #expect(source[string: "encoding"] == input.encoding, "\(name)")
                #expect(source[int: "bytes"] == input.bytes.count)
                let text = try #require(document[string: "text"])
                #expect(!text.contains("\r"), "\(name) keeps a CR")
                #expect(!(document[objects: "blocks"] ?? []).isEmpty, "\(name) has no blocks")
                #expect(DocumentSchema.problems(data) == [], "\(name) against docs/schema/document.schema.json")
            }

            // The content of each kind came through.
            let windows = try jsonObject(read("out/documents/cp1258.json", in: dir))
            let windowsText = try #require(windows[string: "text"])
            #expect(windowsText.contains("Hòa bình và phát triển là khát vọng của nhân dân Việt Nam."))
            #expect(windowsText.contains("khám sức khỏe cho người dân"))
            #expect(windowsText == windowsText.precomposedStringWithCanonicalMapping, "Windows-1258 text is not NFC")
            let warnings = windows[objects: "warnings"] ?? []
            #expect(warnings.contains { $0[string: "code"] == "decoded-windows-1258" && $0[string: "stage"] == "read" }, "warnings: \(warnings)")

            let utf16 = try jsonObject(read("out/documents/utf16.json", in: dir))
            #expect(utf16[string: "text"]?.contains("Trạm y tế xã Tân Phước") == true)
            #expect(utf16[string: "text"]?.hasPrefix("\u{FEFF}") == false)

            let crlf = try jsonObject(read("out/documents/crlf.json", in: dir))
            #expect(crlf[string: "text"]?.contains("Dòng một\nDòng hai") == true)

            let legacy = try jsonObject(read("out/documents/legacy/tcvn3.json", in: dir))
            #expect(legacy[string: "text"] == "Hà Nội, ngày 31 tháng 3 năm 2003\nCăn cứ Nghị định số 86/2002/NĐ-CP")
            let deep = try jsonObject(read("out/documents/hostile/deep-page.json", in: dir))
            #expect(deep[string: "text"]?.hasPrefix("Trước khi lồng sâu.") == true)
            #expect((deep[objects: "warnings"] ?? []).contains { $0[string: "code"] == "html-depth-limit" })

            // No document for a failed input, nor for the hidden file.
            for input in bad {
                let name = "out/documents/" + (input.relative as NSString).deletingPathExtension + ".json"
                #expect(!exists(name, in: dir), "\(name) written for a failed input")
            }
            #expect(!allRelativePaths(under: dir.child("out")).contains { $0.contains("hidden") })

            // documents.jsonl: one compact line per good input, in path order.
            let lines = try jsonLines(read("out/documents.jsonl", in: dir))
            #expect(lines.count == good.count)
            #expect(lines.map { $0[object: "source"]?[string: "path"] ?? "?" } == good.map { "in/\($0.relative)" })
            for (line, input) in zip(lines, good) {
                let pretty = try jsonObject(read("out/documents/" + (input.relative as NSString).deletingPathExtension + ".json", in: dir))
                #expect(line[string: "text"] == pretty[string: "text"])
                #expect((line[objects: "blocks"] ?? []).count == (pretty[objects: "blocks"] ?? []).count)
            }

            // errors.jsonl: one line per bad input, in path order, with code, stage and message.
            let errors = try jsonLines(read("out/errors.jsonl", in: dir))
            #expect(errors.map { $0[string: "path"] ?? "?" } == bad.map { "in/\($0.relative)" })
            for (error, input) in zip(errors, bad) {
                #expect(error[string: "code"] == input.code, "\(input.relative): \(error)")
                #expect(error[string: "stage"] == "read", "\(input.relative): \(error)")
                let message = error[string: "message"] ?? ""
                #expect(!message.isEmpty, "\(input.relative): \(error)")
                #expect(Set(error.keys) == ["path", "stage", "code", "message"], "\(input.relative): \(error)")
            }

            // Standard error names every failed file.
            for input in bad {
                #expect(result.stderr.contains("vndoc: in/\(input.relative): read: "), "stderr does not name \(input.relative):\n\(result.stderr)")
            }
            #expect(result.stderr.contains("\(good.count) documents written"), "stderr: \(result.stderr)")

            // Every output file was written whole: no temporary files are left behind.
            let leftovers = allRelativePaths(under: dir.child("out")).filter { ($0 as NSString).lastPathComponent.hasPrefix(".") }
            #expect(leftovers == [])
        }
    }

    @Test("only good files: exit 0 and an empty errors.jsonl")
    func allGood() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "in/plan.txt", in: dir)
            try write(Sample.notice, to: "in/sub/notice.md", in: dir)
            let result = try await CLI.vndoc(["run", "in", "--out", "out"], in: dir)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(exists("out/documents/plan.json", in: dir))
            #expect(exists("out/documents/sub/notice.json", in: dir))
            #expect(try jsonLines(read("out/documents.jsonl", in: dir)).count == 2)
            #expect(try read("out/errors.jsonl", in: dir).isEmpty)
            #expect(result.stdout.isEmpty, "run prints nothing on standard output")
        }
    }

    @Test("a second run over the same output folder replaces the files")
    func rerun() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "in/plan.txt", in: dir)
            let first = try await CLI.vndoc(["run", "in", "--out", "out"], in: dir)
            #expect(first.status == 0, "stderr: \(first.stderr)")
            try write(Sample.notice, to: "in/plan.txt", in: dir)
            let second = try await CLI.vndoc(["run", "in", "--out", "out"], in: dir)
            #expect(second.status == 0, "stderr: \(second.stderr)")
            let document = try jsonObject(read("out/documents/plan.json", in: dir))
            #expect(document[string: "text"]?.contains("THÔNG BÁO") == true)
            #expect(try jsonLines(read("out/documents.jsonl", in: dir)).count == 1)
        }
    }

    @Test("the datasets: CSV with a BOM under --excel, the database's summary line, a re-run that changes nothing")
    func datasets() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "in/plan.txt", in: dir)
            try write(Sample.notice, to: "in/notice.txt", in: dir)
            let first = try await CLI.vndoc(["run", "in", "--out", "out", "--excel"], in: dir)
            #expect(first.status == 0, "stderr: \(first.stderr)")
            #expect(first.stderr.contains("vndoc.sqlite: 2 added, 0 updated, 0 unchanged"), "\(first.stderr)")
            for table in ["documents", "entities", "questionnaire_answers", "news", "twgs"] {
                let bytes = try read("out/\(table).csv", in: dir)
                #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(table)")
                #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix("document,"), "\(table)")
            }
            let documents = String(decoding: try read("out/documents.csv", in: dir).dropFirst(3), as: UTF8.self)
            #expect(documents.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)
            #expect(exists("out/report.html", in: dir))
            let second = try await CLI.vndoc(["run", "in", "--out", "out"], in: dir)
            #expect(second.stderr.contains("vndoc.sqlite: 0 added, 0 updated, 2 unchanged"), "\(second.stderr)")
            #expect(Array(try read("out/documents.csv", in: dir).prefix(3)) != [0xEF, 0xBB, 0xBF], "no BOM without --excel")
        }
    }

    @Test("two workers starting their first HTML parser at once never deadlock in libxml2's set-up")
    func parserSetUpRace() async throws {
        // Before libxml2 was set up once ahead of the workers, about 1 run in 20 of this hung for ever.
        try await Paths.withTemporaryDirectory { dir in
            for i in 1...4 { try write("<html><body><p>Trang \(i) Hà Nội</p></body></html>", to: "in/p\(i).html", in: dir) }
            for run in 1...40 {
                let result = try await CLI.vndoc(["run", "in", "--out", "out", "--jobs", "2", "--datasets", "none"], in: dir, timeout: .seconds(30))
                #expect(result.status == 0, "run \(run): \(result.stderr)")
            }
        }
    }

    @Test("two inputs with the same name but different extensions keep their extensions")
    func sameStem() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write("Một.\n", to: "in/a.txt", in: dir)
            try write("Hai.\n", to: "in/a.md", in: dir)
            try write("Ba.\n", to: "in/b.txt", in: dir)
            let result = try await CLI.vndoc(["run", "in", "--out", "out"], in: dir)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            let written = allRelativePaths(under: dir.child("out/documents"))
            #expect(written == ["a.md.json", "a.txt.json", "b.json"])
            #expect(try jsonObject(read("out/documents/a.md.json", in: dir))[string: "text"] == "Hai.")
        }
    }

    @Test("files given one by one are written under their own names, in argument order")
    func separateFiles() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "z-plan.txt", in: dir)
            try write(Sample.notice, to: "a-notice.txt", in: dir)
            let result = try await CLI.vndoc(["run", "z-plan.txt", "a-notice.txt", "--out", "out"], in: dir)
            #expect(result.status == 0, "stderr: \(result.stderr)")
            #expect(exists("out/documents/z-plan.json", in: dir))
            #expect(exists("out/documents/a-notice.json", in: dir))
            let lines = try jsonLines(read("out/documents.jsonl", in: dir))
            #expect(lines.map { $0[object: "source"]?[string: "path"] ?? "?" } == ["z-plan.txt", "a-notice.txt"])
        }
    }

    @Test("a missing path is recorded as not-found, exit 1, the rest still written")
    func missingPath() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "in/plan.txt", in: dir)
            let result = try await CLI.vndoc(["run", "in", "nowhere.txt", "--out", "out"], in: dir)
            #expect(result.status == 1, "stderr: \(result.stderr)")
            let errors = try jsonLines(read("out/errors.jsonl", in: dir))
            #expect(errors.count == 1)
            #expect(errors.first?[string: "path"] == "nowhere.txt")
            #expect(errors.first?[string: "code"] == "not-found")
            let message = errors.first?[string: "message"] ?? ""
            #expect(!message.isEmpty)
            #expect(result.stderr.contains("nowhere.txt"), "stderr: \(result.stderr)")
            // Several roots: each keeps its folder name under documents/.
            #expect(exists("out/documents/in/plan.json", in: dir))
            #expect(try jsonLines(read("out/documents.jsonl", in: dir)).count == 1)
        }
    }

    /// Usage errors: exit 2 and nothing written.
    static let usageErrors: [(String, [String])] = [
        ("no paths", ["run", "--out", "out"]),
        ("no --out", ["run", "in"]),
        ("unknown flag", ["run", "in", "--out", "out", "--frobnicate"]),
        ("--jobs 0", ["run", "in", "--out", "out", "--jobs", "0"]),
        ("--jobs not a number", ["run", "in", "--out", "out", "--jobs", "many"]),
        ("missing pipeline file", ["run", "in", "--out", "out", "--pipeline", "no-such.yml"]),
        ("unknown subcommand", ["frobnicate"]),
        ("unknown dataset", ["run", "in", "--out", "out", "--datasets", "csv,xlsx"]),
        ("none with another dataset", ["run", "in", "--out", "out", "--datasets", "none,csv"]),
    ]

    @Test("usage errors exit 2", arguments: usageErrors)
    func usageError(_ label: String, _ arguments: [String]) async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "in/plan.txt", in: dir)
            let result = try await CLI.vndoc(arguments, in: dir)
            #expect(result.status == 2, "\(label): status \(result.status), stderr: \(result.stderr)")
            #expect(!result.stderr.isEmpty, "\(label): no message")
            #expect(!exists("out/documents.jsonl", in: dir), "\(label): output written")
        }
    }

    @Test("--out naming an existing regular file exits 2 and leaves it alone")
    func outIsAFile() async throws {
        try await Paths.withTemporaryDirectory { dir in
            try write(Sample.plan, to: "in/plan.txt", in: dir)
            try write("keep me\n", to: "out.txt", in: dir)
            let result = try await CLI.vndoc(["run", "in", "--out", "out.txt"], in: dir)
            #expect(result.status == 2, "stderr: \(result.stderr)")
            #expect(result.stderr.contains("out.txt"), "stderr: \(result.stderr)")
            #expect(try read("out.txt", in: dir) == Data("keep me\n".utf8))
        }
    }
}
