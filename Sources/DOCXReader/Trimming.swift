import Foundation

extension String {
    /// `trimmingCharacters(in: set)`, for the white space sets (`.whitespaces`,
    /// `.whitespacesAndNewlines`): the string itself when it starts and ends with a printable
    /// ASCII character (nothing to trim), else the scalars between those in the set at either
    /// end. Foundation's trimming on Linux goes through NSString, which is costly.
    func trimmingSpace(_ set: CharacterSet) -> String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first > 0x20, first < 0x7F, last > 0x20, last < 0x7F { return self }
        let scalars = unicodeScalars
        var lower = scalars.startIndex
        var upper = scalars.endIndex
        while lower < upper, set.contains(scalars[lower]) { lower = scalars.index(after: lower) }
        while lower < upper {
            let before = scalars.index(before: upper)
            guard set.contains(scalars[before]) else { break }
            upper = before
        }
        if lower == scalars.startIndex, upper == scalars.endIndex { return self }
        return String(scalars[lower..<upper])
    }
}
