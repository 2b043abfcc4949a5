/// Repairs legacy Vietnamese that a Unicode reader has already turned into text: TCVN3 or VNI
/// bytes read as Windows-1252 (`ngµy 31 th¸ng 3 n¨m 2003`, `Soá: 991/QÑ-UBND`).
///
/// Each paragraph (line) is judged on its own, so a Unicode letterhead above a TCVN3 body stays
/// as it is while the body is decoded:
///
///     text ──► any suspicious character? ──no──► unchanged (the fast path: one byte scan)
///                   │ yes
///                   ▼
///     lines with suspicious characters: scalars back to Windows-1252 bytes, decoded with
///     each candidate table, scored by valid Vietnamese syllables, until one encoding has won
///                   │
///                   ▼
///     lines clearly more Vietnamese after decoding ──► repaired (the winner is the
///     document's encoding) ──► short lines that decode no worse with it ──► repaired too
///
/// "Clearly more Vietnamese" and "no worse" are defined in `Repairer`. Lines holding letters
/// only Unicode writes (ơ ư đ ệ …) are decoded only with strong evidence inside their words:
/// they are real Unicode.
public enum LegacyRepair {
    /// Repairs the paragraphs of `text` that are legacy bytes read as Windows-1252.
    public static func repair(_ text: String, options: RepairOptions = RepairOptions()) -> RepairResult {
        var utf8 = text
        return utf8.withUTF8 { bytes in
            var repairer = Repairer(bytes, options: options)
            return repairer.run(original: text)
        }
    }

    /// Whether `text` has any character typical of legacy bytes read as Windows-1252; when it
    /// has none, `repair` returns it unchanged.
    public static func mayNeedRepair(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { Line.anySuspicious($0) }
    }

    /// The text of a run set in a legacy font (a DOCX run, an RTF or .doc piece), decoded; nil
    /// when the font is not a legacy font or the characters do not prove legacy text.
    ///
    /// A legacy font name alone proves nothing: documents converted to Unicode often keep it
    /// (an appendix of Decree 30/2020 sets proper Unicode in `.VnTimeH`). The run is decoded only
    /// when every character has a Windows-1252 byte (a letter such as ơ or ệ means Unicode) and
    /// the decoding is more Vietnamese than the run, or as Vietnamese while turning characters
    /// typical of legacy bytes into letters. Runs of ASCII only give nil: nothing in them is
    /// legacy (an all-capital font would only change how they look).
    public static func decodeRun(_ text: String, font: String) -> String? {
        decodeRun(text, font: font, lenient: false)
    }

    /// Whether some character of `text` has no Windows-1252 byte (ơ, ệ, Đ…): such text was
    /// written in Unicode, never legacy bytes read as Windows-1252.
    public static func hasCharacterWithoutWindows1252Byte(_ text: String) -> Bool {
        text.unicodeScalars.contains { AsRead.byte($0.value) < 0 }
    }

    /// As `decodeRun(_:font:)`; with `lenient`, a run whose decoding reads no worse than it
    /// (`Sè: 123` -> `Số: 123`: both are syllables) is decoded too. Use it only where the font has
    /// already proven legacy text elsewhere in the document: on its own, such a run could as
    /// well be Unicode (`có` would become `cú`).
    public static func decodeRun(_ text: String, font: String, lenient: Bool) -> String? {
        guard let (encoding, uppercase) = LegacyFonts.encoding(forFont: font) else { return nil }
        var bytes: [UInt8] = []
        var suspicious = 0
        var nonASCII = false
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let byte = AsRead.byte(scalar.value)
            guard byte >= 0 else { return nil }
            if byte >= 0x80 { nonASCII = true }
            if AsRead.isSuspicious(scalar.value) { suspicious += 1 }
            bytes.append(UInt8(byte))
        }
        guard nonASCII else { return nil }
        let decoded = LegacyDecoder.decodeUTF8(bytes, as: encoding, uppercase: uppercase)
        let before = text.utf8.withContiguousStorageIfAvailable { Scoring.measureAsRead($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { Scoring.measureAsRead($0) }
        let after = decoded.withUnsafeBufferPointer { Scoring.measureAsRead($0) }
        let noWorse = after.syllables >= before.syllables && after.invalid <= before.invalid
        let proven = after.syllables > before.syllables || (suspicious > 0 && noWorse) || (lenient && noWorse)
        guard proven, !decoded.elementsEqual(text.utf8) else { return nil }
        return String(decoding: decoded, as: UTF8.self)
    }
}
