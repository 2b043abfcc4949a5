import DocumentModel
import Foundation

/// Footnotes and endnotes as Word shows them.
///
/// Word numbers each kind of note 1, 2, 3, … in the order the body references them (whatever
/// the `w:id`s, which only link a reference to its note), in the format and from the start
/// number of `w:footnotePr`/`w:endnotePr`: the document's (word/settings.xml), then the body's
/// section properties. Without either, footnotes are decimal and endnotes lower-case Roman
/// (i, ii, iii), as in Word. Numbering restarted per page or per section is not followed: the
/// reader has no pages, and one sequence per document is what the notes part holds.
///
/// In the body, a reference shows as its number in superscript; the reader writes it with the
/// Unicode superscript characters, right after the word, without a space ("Điều 5¹"): this is
/// what Word shows, and unlike a plain digit it never runs into a number before it ("ngày
/// 15/3/2024¹" keeps its date, since the entity scanners count only ASCII digits as digits).
/// A mark that has no superscript form (letter formats such as "a", "A") is left out of the
/// body text. A reference with `w:customMarkFollows` gets no number: its mark is the text that
/// follows. In the notes part, the note's own mark (`w:footnoteRef`) shows as the plain number
/// followed by a space, and the note's first block carries it as its label ("1").
enum NoteKind: UInt8 {
    // The byte that names the kind in a mark placeholder.
    case footnote = 0x66  // f
    case endnote = 0x65  // e
}

/// The numbering of one kind of note.
struct NoteFormat: Equatable {
    var format: String
    var start: Int
}

struct NoteSettings {
    var footnote = NoteFormat(format: "decimal", start: 1)
    var endnote = NoteFormat(format: "lowerRoman", start: 1)

    init() {}

    /// word/settings.xml: its `w:footnotePr` and `w:endnotePr`.
    init(stream: XMLStream) throws(DocumentError) {
        var open: NoteKind?
        while let event = try stream.next() {
            switch (event, stream.tag) {
            case (.start, .footnotePr): open = .footnote
            case (.start, .endnotePr): open = .endnote
            case (.end, .footnotePr), (.end, .endnotePr): open = nil
            case (.start, .numFmt), (.start, .numStart):
                if let open { apply(stream, to: open) }
            default: break
            }
        }
    }

    /// Applies a `w:numFmt` or `w:numStart` inside a note properties element.
    mutating func apply(_ stream: XMLStream, to kind: NoteKind) {
        var format = kind == .footnote ? footnote : endnote
        switch stream.tag {
        case .numFmt:
            if let value = stream.attribute("val"), !value.isEmpty, value != "custom" { format.format = value }
        case .numStart:
            if let value = stream.intValue(), value >= 0, value < 1_000_000 { format.start = value }
        default:
            return
        }
        if kind == .footnote { footnote = format } else { endnote = format }
    }

    /// The label of the note numbered `number` (1 for the first referenced).
    func label(_ kind: NoteKind, _ number: Int) -> String {
        let format = kind == .footnote ? footnote : endnote
        return ListCounters.format(format.start + number - 1, format.format)
    }

    /// The superscript form of a note label ("12" → "¹²", "iv" → "ⁱᵛ"); characters that are not
    /// letters or digits ("*", "†") stay as they are; nil when a letter has no superscript form.
    static func superscript(_ label: String) -> String? {
        var out = ""
        for scalar in label.unicodeScalars {
            switch scalar {
            case "0": out.unicodeScalars.append("\u{2070}")
            case "1": out.unicodeScalars.append("\u{00B9}")
            case "2": out.unicodeScalars.append("\u{00B2}")
            case "3": out.unicodeScalars.append("\u{00B3}")
            case "4"..."9":
                guard let shifted = Unicode.Scalar(0x2074 + scalar.value - 0x34) else { return nil }
                out.unicodeScalars.append(shifted)
            case "i": out.unicodeScalars.append("\u{2071}")
            case "v": out.unicodeScalars.append("\u{1D5B}")
            case "x": out.unicodeScalars.append("\u{02E3}")
            default:
                if scalar.properties.isAlphabetic || scalar.properties.numericType != nil { return nil }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: - Placeholders

    /// A reference's mark is known only once the body's section properties (read after the text
    /// they apply to) are: the body holds a placeholder until then, U+0001, the kind, the
    /// number in ASCII digits, U+0002. XML text cannot contain U+0001 (and the `runText` hook's
    /// output is cleaned of it), so a placeholder is never confused with document text.
    static func placeholder(_ kind: NoteKind, _ number: Int) -> [UInt8] {
        [0x01, kind.rawValue] + Array(String(number).utf8) + [0x02]
    }

    /// The text with each placeholder replaced by its superscript mark (or by nothing).
    func replacingPlaceholders(in text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            guard bytes[i] == 0x01 else {
                out.append(bytes[i])
                i += 1
                continue
            }
            var j = i + 2
            var number = 0
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, number < 1_000_000 {
                number = number * 10 + Int(bytes[j] - 0x30)
                j += 1
            }
            if i + 1 < bytes.count, let kind = NoteKind(rawValue: bytes[i + 1]), j < bytes.count, bytes[j] == 0x02, j > i + 2 {
                if let mark = Self.superscript(label(kind, number)) { out.append(contentsOf: mark.utf8) }
                i = j + 1
            } else {
                // Not a placeholder (cannot happen from the reader): drop the control byte.
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
