import Datasets
import Foundation
import Testing
import _TestSupport

/// `report.html` of the Corpus run opened in a real headless browser (Debian's chromium): it
/// renders (screenshot kept in the test artefacts), its charts are in the DOM, and the browser
/// logs no console message (the page's Content-Security-Policy turns any attempt to load
/// something from outside into one). `.ci/run` installs chromium and sets
/// `VNDOC_REQUIRE_BROWSER=1`, so there the test cannot be skipped.
@Suite("Report in a browser")
struct ReportBrowserTests {
    static let browser: Binary? = {
        let names = ["chromium", "chromium-browser", "google-chrome"]
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map(String.init)
        for name in names {
            for directory in directories where FileManager.default.isExecutableFile(atPath: directory + "/" + name) {
                return Binary(url: URL(fileURLWithPath: directory + "/" + name))
            }
        }
        return nil
    }()

    static let required = ProcessInfo.processInfo.environment["VNDOC_REQUIRE_BROWSER"] == "1"

    /// Where screenshots go: `VNDOC_TEST_ARTIFACTS`, else `.build/test-artifacts` of the package.
    static var artefacts: String {
        ProcessInfo.processInfo.environment["VNDOC_TEST_ARTIFACTS"]
            ?? DatasetTesting.root.appendingPathComponent(".build/test-artifacts").path
    }

    /// Runs the browser headless on a local file; returns what it printed to stderr and stdout.
    static func open(_ page: String, _ arguments: [String], profile: String) async throws -> BinaryResult {
        guard let browser else { throw BinaryError("no chromium found on PATH") }
        return try await browser.run(
            ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
             "--user-data-dir=\(profile)", "--enable-logging=stderr", "--v=0"] + arguments + ["file://" + page],
            environment: ["HOME": profile],
            timeout: .seconds(120))
    }

    /// Console messages chromium logged (`…:INFO:CONSOLE…] "message", source: …`).
    static func consoleLines(_ stderr: String) -> [String] {
        stderr.split(separator: "\n").map(String.init).filter { $0.contains(":CONSOLE") }
    }

    @Test("The Corpus report renders with its charts and no console messages",
          .enabled(if: browser != nil || required, "chromium is not installed (CI installs it and requires this test)"))
    func report() async throws {
        let out = try DatasetTesting.temporaryDirectory()
        _ = try await DatasetTesting.run([DatasetTesting.root.appendingPathComponent("Corpus").path], out: out)
        let page = out + "/report.html"
        let profile = try DatasetTesting.temporaryDirectory()

        // The detector works: a page that logs an error and loads from outside gives two lines.
        let control = out + "/control.html"
        try Data("""
            <!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'"></head>
            <body><script>console.error("control message")</script><img src="https://example.org/x.png"></body></html>
            """.utf8).write(to: URL(fileURLWithPath: control))
        let controlRun = try await Self.open(control, ["--dump-dom"], profile: profile)
        let controlLines = Self.consoleLines(controlRun.stderr)
        #expect(controlLines.contains { $0.contains("control message") }, "\(controlRun.stderr)")
        #expect(controlLines.contains { $0.contains("Content Security Policy") }, "\(controlRun.stderr)")

        try FileManager.default.createDirectory(atPath: Self.artefacts, withIntermediateDirectories: true)
        let screenshot = Self.artefacts + "/report.png"
        try? FileManager.default.removeItem(atPath: screenshot)
        let shot = try await Self.open(page, ["--window-size=1200,4000", "--hide-scrollbars", "--screenshot=\(screenshot)"], profile: profile)
        #expect(shot.status == 0, "\(shot.stderr)")
        #expect(Self.consoleLines(shot.stderr).isEmpty, "\(Self.consoleLines(shot.stderr))")
        let png = try DatasetTesting.read(screenshot)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(png.count > 50_000, "a rendered page of charts, not a blank one (\(png.count) bytes)")

        let dom = try await Self.open(page, ["--dump-dom"], profile: profile)
        #expect(Self.consoleLines(dom.stderr).isEmpty)
        let html = dom.stdoutText
        #expect(html.contains("<h1>vndoc run report</h1>"))
        #expect(html.components(separatedBy: "<svg").count - 1 >= 8)
        #expect(html.contains("Cao Bằng") && html.contains("Bắc Ninh"), "provinces with their 2025 names")
        #expect(html.contains("questionnaire") && html.contains("twg-directory"))
    }
}
