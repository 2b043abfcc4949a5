import Foundation
import Testing
@testable import LegacyText

/// The as-read text of the real TCVN3 and VNI documents (shared/real/legacy-encodings) repaired
/// and scored against the ground truth with the corpus metric (METRIC.md).
@Suite("Repair of real as-read documents")
struct RealTextRepairTests {
    /// Diacritic accuracy every repaired file must reach.
    static let goal = 0.99

    @Test("Each as-read file is repaired to the ground truth", arguments: SharedCorpus.asReadNames())
    func repairedMatchesGroundTruth(_ name: String) throws {
        let asRead = try #require(SharedCorpus.asRead(name))
        let truth = try #require(SharedCorpus.groundTruth(name))
        let result = LegacyRepair.repair(asRead)
        let before = DiacriticMetric.measure(output: asRead, truth: truth, maxEdits: 2_000)
        let after = try #require(DiacriticMetric.measure(output: result.text, truth: truth))
        print("[legacy] \(name): diacritic accuracy \(before.map { format($0.diacriticAccuracy) } ?? "-") -> \(format(after.diacriticAccuracy)) "
              + "(\(after.diacriticCorrect)/\(after.diacriticChars)), char accuracy \(format(after.charAccuracy)), "
              + "\(result.encoding ?? "unchanged"), \(result.repairedParagraphs)/\(result.paragraphs) paragraphs, "
              + "confidence \(format(result.confidence))\(result.lowConfidence ? " LOW" : "")")
        #expect(after.diacriticAccuracy >= Self.goal, "\(name): \(after.diacriticAccuracy)")
        let expected: LegacyEncoding = name.hasPrefix("vni") ? .vni : .tcvn3
        #expect(result.encodings.first == expected)
        #expect(!result.lowConfidence)
    }

    func format(_ x: Double) -> String { String(format: "%.4f", x) }
}
