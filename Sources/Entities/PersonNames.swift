import VietnameseText

/// Where a run of capitalised words stands, which decides how sure a name must look.
enum PersonNameContext: Sendable {
    /// Right after a title, an honorific or an academic title ("Thủ tướng Phạm Minh Chính", "bà Angela Pratt").
    case titled
    /// After a title and the body it belongs to ("Bộ trưởng Bộ Y tế Đào Hồng Lan"): the run could
    /// still be the end of the body's name ("Sở Y tế Hà Nội").
    case afterOrganization
    /// A line of its own under a signature block.
    case signature
    /// Nothing around it: only a strong family name and three or four syllables will do.
    case bare
}

extension NameScanner {
    /// A Vietnamese syllable as written (one word, tone and letters that Vietnamese allows).
    func isSyllable(_ w: NameWord) -> Bool {
        guard !w.isNumber, w.letters <= 7 else { return false }
        let score = VietnameseScore.measure(UnsafeBufferPointer(rebasing: p[w.start..<w.end]))
        return score.words == 1 && score.syllables == 1
    }

    /// Capitalised words separated by single spaces from `w` on (a hyphen joins the parts of one
    /// word: "Ki-won"), stopping before a word that opens a sentence, a title or a body named by
    /// more than one word; at most six.
    func nameRun(at w: NameWord, floor: Int) -> [NameWord] {
        guard w.isCapitalized, !w.isAllCaps else { return [] }
        var run: [NameWord] = [w]
        while run.count < 6, let last = run.last {
            let g = gap(after: last.end)
            if g.kind == .dash && g.tight, let part = word(at: g.next), !part.isNumber {
                var merged = last
                merged.end = part.end
                merged.letters += part.letters + 1
                merged.uppers += part.uppers
                merged.marked = merged.marked || part.marked
                run[run.count - 1] = merged
                continue
            }
            guard g.kind == .space, !g.tight, let nw = word(at: g.next), nw.isCapitalized, !nw.isAllCaps else { break }
            if lex.nameStops.contains(nw.hash) || startsTitle(nw) { break }
            // A body's name starts here ("… Lan Bệnh viện", "… Lan UBND"); a single head word may
            // be a given name ("Nguyễn Trường Sơn"), and a run longer than a name is cut later.
            if let h = head(at: nw, floor: floor), h.end > nw.end || h.expansion != nil { break }
            run.append(nw)
        }
        return run
    }

    /// Whether `words` make a person's name in this context:
    /// - Vietnamese: every word a syllable in title case ("A" alone at the end too), the first a
    ///   family name from family_names.csv (a strong one when nothing else says it is a person);
    /// - foreign, next to a title only: no Vietnamese-only letters, at least one word that is not a
    ///   Vietnamese syllable ("Angela Pratt"; "Cu Ba", "Nam Phi" are Vietnamese syllables, so no);
    /// - never a known place ("Hà Nội", "Hàn Quốc"), when the gazetteer's lists are there; after a
    ///   body, or with a weak family name, two words only when those lists are there to tell
///   "Sở Y tế Hà Nội" or "Đại sứ Hàn Quốc" from a name.
    func validPersonName(_ words: [NameWord], _ context: PersonNameContext) -> Bool {
        let k = words.count
        let range = context == .bare ? 3...4 : 2...4
        guard range.contains(k) else { return false }
        for w in words {
            guard !w.isNumber, w.firstUpper, w.uppers == 1 || w.letters == 1 else { return false }
        }
        if !lex.places.isEmpty {
            let hashes = words.map(\.hash)
            if lex.places.contains(NameLexicon.placeKey(hashes)) || lex.places.contains(NameLexicon.placeKey(Array(hashes.prefix(2)))) {
                return false
            }
        }
        let vietnamese = words.enumerated().allSatisfy { (i, w) in
            w.letters == 1 ? (i == k - 1 && i >= 2) : isSyllable(w)
        }
        if vietnamese {
            guard lex.isFamily(words[0].hash, strongOnly: context == .bare) else { return false }
            // Two words could be a place ("Hà Nội", "Hàn Quốc", "Thái Lan"): without the place lists,
            // only a strong family name right after a title will do.
            if k == 2 && lex.places.isEmpty && (context == .afterOrganization || !lex.isFamily(words[0].hash, strongOnly: true)) {
                return false
            }
            return true
        }
        guard context == .titled || context == .afterOrganization || context == .signature else { return false }
        guard words.allSatisfy({ !$0.marked && $0.letters >= 2 }) else { return false }
        // Every word a syllable but not a Vietnamese name ("Cu Ba"): not foreign either.
        return !words.allSatisfy { isSyllable($0) }
    }

    /// The name starting at `w`: the longest valid prefix of the run (three words first when the
    /// run is longer than four, which happens when a listing glues a headline to a sentence).
    func personName(at w: NameWord, _ context: PersonNameContext, floor: Int) -> [NameWord]? {
        let run = nameRun(at: w, floor: floor)
        guard run.count >= 2 else { return nil }
        if context == .bare || context == .signature {
            return validPersonName(run, context) ? run : nil
        }
        let lengths = run.count <= 4 ? Array((2...run.count).reversed()) : [3, 4, 2]
        for n in lengths {
            let candidate = Array(run.prefix(n))
            if validPersonName(candidate, context) { return candidate }
        }
        return nil
    }
}
