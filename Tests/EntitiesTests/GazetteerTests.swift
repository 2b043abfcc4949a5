import DocumentModel
import Testing
import _TestSupport
@testable import Entities

@Suite("Gazetteer automaton")
struct GazetteerTests {
    static let names = ["Cao Bằng", "Bắc Giang", "Thừa Thiên Huế", "TP.HCM", "Hà Nội", "Hà Nam", "Nam", "WHO", "Bà Rịa - Vũng Tàu"]
    static let gazetteer = Gazetteer(names.enumerated().map { Gazetteer.Entry(name: $0.element, payload: $0.offset) })

    /// Hits as "written text -> entry names", in text order.
    func hits(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { p in
            Self.gazetteer.hits(in: p).sorted { ($0.start, $0.end) < ($1.start, $1.end) }.map { hit in
                let written = String(decoding: UnsafeBufferPointer(rebasing: p[hit.start..<hit.end]), as: UTF8.self)
                return written + " -> " + hit.entries.map { Self.names[$0] }.sorted().joined(separator: ", ")
            }
        }
    }

    @Test("Matches on the folded key: case, diacritics, spaces and punctuation inside names", arguments: [
        ("Tỉnh Cao Bằng.", ["Cao Bằng -> Cao Bằng"]),
        ("CAO BANG", ["CAO BANG -> Cao Bằng"]),
        ("Thừa Thiên - Huế và TP. HCM", ["Thừa Thiên - Huế -> Thừa Thiên Huế", "TP. HCM -> TP.HCM"]),
        ("Bà Rịa – Vũng Tàu", ["Bà Rịa – Vũng Tàu -> Bà Rịa - Vũng Tàu"]),
        ("ha noi", ["ha noi -> Hà Nội"]),
    ])
    func folded(text: String, expected: [String]) {
        #expect(hits(text) == expected)
    }

    @Test("Hits start and end on word boundaries; overlapping names are all reported")
    func boundaries() {
        #expect(hits("Hanoians WHOLE AWHO") == [])
        // Spaces are not part of the key, so the English spelling matches too.
        #expect(hits("Hanoi") == ["Hanoi -> Hà Nội"])
        #expect(hits("Hà Nam") == ["Hà Nam -> Hà Nam", "Nam -> Nam"])
        #expect(hits("Cao Bằng,Bắc Giang") == ["Cao Bằng -> Cao Bằng", "Bắc Giang -> Bắc Giang"])
    }

    @Test("A line end or a comma breaks a name")
    func breaks() {
        #expect(hits("Cao\nBằng") == [])
        #expect(hits("Hà, Nội") == [])
    }
}
