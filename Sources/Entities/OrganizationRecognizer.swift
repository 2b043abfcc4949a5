import DocumentModel

/// Organisations: a head word for a kind of body and its name, with abbreviations expanded.
///
/// value: `{"name": "Ủy ban nhân dân tỉnh Bắc Giang"}` for "UBND tỉnh Bắc Giang".
///
/// Heads come from organization_heads.csv ("Bộ", "Cục", "Sở", "Bệnh viện", "Ủy ban nhân dân",
/// "Kho bạc Nhà nước", …), abbreviations from organization_abbreviations.csv ("UBND", "BVĐK",
/// "SYT", "Vụ HTQT", "Công ty TNHH"); where a name ends is `NameScanner`'s business (see
/// OrganizationParser.swift). The value is the name as written, abbreviations expanded
/// ("Công ty Trách nhiệm hữu hạn …"), a lowercase head capitalised, a dash set between spaces and
/// "&" read "và" (Tests/Gold/README.md). `rule`: `head` (a head word and its name), `abbreviation`
/// (the head was an abbreviation), `known` (a unit of the Ministry of Health whose full name,
/// commas and all, Decree 95/2022 gives: "Cục Quản lý Khám, chữa bệnh").
///
/// Decisions (with the project's gold standard, Tests/Gold/README.md):
/// - Coordination forums are no organisations: the Health Partnership Group ("Nhóm Đối tác y tế",
///   "Nhóm ĐTYT", "HPG") is a forum of the Ministry and its partners, not a body that acts on its
///   own; technical working groups ("Nhóm kỹ thuật") are the `twg` type's.
/// - Partners' delegations and international bodies ("Phái đoàn Liên hiệp châu Âu", "Tổ chức Y tế
///   thế giới") are the `partner` type's; venues ("Trung tâm Hội nghị Quốc gia") are no
///   organisations; a committee named without its body ("Ban Cán sự Đảng") is none either.
/// - A head with no name is no organisation: "Bộ ban ngành", "các Bộ, ngành", "Vụ, Cục", lowercase
///   "bệnh viện của tỉnh", "Trung tâm Y tế các huyện". A lowercase head counts only before a
///   capitalised name or a known abbreviation ("phòng Tổ chức - Hành chính", "vụ HTQT"), and never
///   where it ends a compound ("cơ sở Y tế", "dịch vụ"); a single head word inside a capitalised
///   run is part of another name ("Nguyễn Trường Sơn").
/// - After a position title ("Bộ trưởng Bộ Y tế Đào Hồng Lan") a person's name that follows the
///   body is left out of it.
/// - A name that a listing cut in the middle ("Trung tâm Truyền thông - Giáo dục sức...") is left out.
/// - Capitals: only heads of bodies that issue documents, at a line start ("SỞ Y TẾ", "UBND TỈNH
///   CAO BẰNG"); chapter titles in capitals ("QUỸ BẢO HIỂM Y TẾ") are not bodies.
public struct OrganizationRecognizer: Recognizer {
    public let types: Set<EntityType> = [.organization]
    let shared: NameLexicon.Shared
    var lexicon: NameLexicon { shared.lexicon }

    /// With the package's data files (nothing is found if they cannot be read; `load()` says why).
    public init() {
        shared = (try? NameLexicon.shared.get()) ?? NameLexicon.empty
    }

    init(shared: NameLexicon.Shared) {
        self.shared = shared
    }

    /// With the package's data files, or the reason they cannot be read.
    public static func load() throws -> OrganizationRecognizer {
        OrganizationRecognizer(shared: try NameLexicon.shared.get())
    }

    public func recognize(_ p: UnsafeBufferPointer<UInt8>, into matches: inout [Match]) {
        let s = NameScanner(p: p, shared: shared)
        let lexicon = shared.lexicon
        var floor = 0
        s.forEachCapitalized { w in
            guard w.start >= floor else { return nil }
            var found: OrganizationMatch? = nil
            if lexicon.lowercaseHeadTails.precede(p, w.start), let lw = s.lowercaseHead(before: w, floor: floor) {
                found = s.organization(at: lw, floor: floor, personContext: false)
            }
            if found == nil {
                var personContext: Bool? = nil
                var longest: Int? = nil
                s.forEachHead(at: w, floor: floor) { h in
                    let context = personContext ?? s.positionTitleEnds(before: w, floor: floor)
                    personContext = context
                    found = s.organization(head: h, floor: floor, personContext: context, depth: 0, longerHeadEnd: longest)
                    longest = longest ?? h.end
                    return found != nil
                }
            }
            guard let org = found else {
                // Skip the rest of a title ("Bộ trưởng"), so that its words are not read as heads.
                if lexicon.titles.startsWith(w.hash), let t = s.title(at: w), t.title.kind == .position { return t.last.end }
                return nil
            }
            if !s.isBareCommittee(org) {
                matches.append(Match(.organization, org.start, org.end, .object([.init("name", .string(org.value))]), rule: org.rule))
            }
            floor = org.end
            return org.end
        }
    }
}
