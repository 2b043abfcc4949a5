/// A pre-Unicode way of writing Vietnamese.
///
/// Each byte-oriented encoding is decoded through a table in the module's resources whose first
/// line names its public source (see `Resources/*.txt` and `scripts/legacy/generate_tables.py`).
public enum LegacyEncoding: String, Sendable, CaseIterable, Hashable {
    /// TCVN 5712:1993 VN3 ("ABC", the `.VnTime` fonts): one byte a letter, lowercase toned letters
    /// only; toned capitals are drawn by all-capital fonts such as `.VnTimeH`.
    case tcvn3
    /// VNI-Windows (the `VNI-Times` fonts): a base letter followed by a mark byte.
    case vni
    /// VISCII (RFC 1456): one byte a letter, six letters on C0 control codes.
    case viscii
    /// VPS (the `VPS Times` fonts): one byte a letter, fourteen letters on C0 control codes.
    case vps
    /// Windows-1258: letters with quality marks precomposed, tone marks as combining bytes.
    case windows1258 = "windows-1258"
    /// VIQR (RFC 1456): ASCII letters followed by mnemonic mark characters (`a^'` = ấ).
    case viqr

    /// The encodings that use one or two bytes per letter, in the order the detector prefers
    /// them on a tie (the common office encodings first).
    public static let byteEncodings: [LegacyEncoding] = [.tcvn3, .vni, .viscii, .vps, .windows1258]
}
