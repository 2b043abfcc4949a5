import Foundation
import VietnameseText

/// What the organisation and person recognisers know, built once from the data files:
///
/// - `organization_heads.csv`: the words for a kind of body ("Bộ", "Bệnh viện", "Ủy ban nhân dân")
///   and what must follow them (Decree 30/2020 Appendix II §IV; Decree 95/2022 Article 3);
/// - `organization_abbreviations.csv`: "UBND", "BVĐK", "Vụ HTQT", "Công ty TNHH", and the full
///   names of the Ministry of Health's units (Decree 95/2022, 75/2017, 42/2025 Article 3);
/// - `person_titles.csv`: positions, academic titles, honorifics and signing abbreviations
///   (Decree 30/2020 Appendix I §II.7 and Appendix II §V.3);
/// - `family_names.csv`: Vietnamese family names (Wikipedia, "Vietnamese name");
/// - place names, when the gazetteer's data files are there (`provinces.csv`, `province_variants.csv`,
///   `neighbour_provinces.csv`, `countries.csv`): a run like "Hà Nội" or "Hàn Quốc" is then never
///   taken for a person. Without them the rules fall back on structure alone (see `PersonRecognizer`).
///
/// The stop words (where an organisation's name ends) are rules of Vietnamese, not facts, and
/// live in code here.
struct NameLexicon: Sendable {
    enum Complement: String, Sendable { case name, any, none, parent }

    struct Head: Sendable {
        var complement: Complement
        var numbers: Bool
        var lowercase: Bool
        /// Heads documents in capitals ("SỞ Y TẾ").
        var header: Bool = false
        /// The text an abbreviation used as a head stands for ("UBND" -> "Ủy ban nhân dân").
        var expansion: String?
    }

    enum AbbreviationRole: String, Sendable { case head, name, word, locality }

    struct Abbreviation: Sendable {
        var expansion: String
        var role: AbbreviationRole
        var complement: Complement
        /// Heads (first-word hash sequences) a `name` abbreviation may follow.
        var follows: Set<UInt64>
        /// Hash of the expansion's first word (as a head: "Ủy").
        var firstHash: UInt64
    }

    enum TitleKind: String, Sendable { case position, academic, academicWord = "academic-word", honorific, signing }

    struct Title: Sendable {
        var kind: TitleKind
    }

    var heads = PhraseTable<Head>()
    /// Keyed by the lowercased letters of the abbreviation ("khtc").
    var abbreviations = WordMap<Abbreviation>()
    /// Folded key of a full known name -> the name as it is officially written.
    var knownNames = WordMap<String>()
    var titles = PhraseTable<Title>()
    /// Abbreviated academic titles ("gs", "pgs", "ts", "bsck").
    var academic = WordSet()
    var signing = WordSet()
    /// Family names: true when strong (see family_names.csv).
    var families = WordMap<Bool>()
    /// Place names: hash of the lowercased letters of the words joined by single spaces.
    var places = WordSet()

    var stops = PhraseTable<Bool>()          // payload: true = stop, false = keep (an exception)
    var localities = PhraseTable<Bool>()
    var boundaries = PhraseTable<Bool>()
    var nameStops = WordSet()
    var placeClassifiers = PhraseTable<Bool>()
    var compounds = WordMap<WordSet>()   // head word -> words before it that make a compound
    
    /// (word before, stop word) pairs that do not stop a name ("Công trình").
    var keepPairs = WordSet()
    /// Stop phrases (letters hash) that may open a name right after the head.
    var nameStarts = WordSet()
    /// Lowercase words that go on in a name past the syllable that completes its capitalised word
    /// ("Cục Quản lý Môi trường | y tế", "Trung tâm Kiểm soát | bệnh tật"), and the pairs inside them.
    var nameWords = PhraseTable<Bool>()
    var namePairs = WordSet()
    /// Head + first words that are not organisations of this type.
    var excluded = PhraseTable<Bool>()
    /// Words for international bodies that may name the office after a title ("Trưởng Đại diện Tổ chức Y tế
    /// Thế giới"), though they are no organisation heads of ours (the partner type covers them).
    var titleBodies = PhraseTable<Bool>()
    /// Committees that are organisations only with the body they belong to after them.
    var needsParent = PhraseTable<Bool>()
    /// Folded-key hashes of every word prefix of the known names (where the look-ahead may go on).
    var knownPrefixes = WordSet()
    /// Last words of the heads that may be written in lowercase ("vụ", "phòng", "viện").
    var lowercaseHeadTails = WordTails()
    /// Last words of the honorifics and written-out academic titles ("bà", "chí", "sĩ"), and "c" of "đ/c".
    var titleTails = WordTails()
    /// Last words of the positions ("trưởng", "đốc"): a position may end just before a head.
    var positionTails = WordTails()

    @inline(__always) static func pairKey(_ a: UInt64, _ b: UInt64) -> UInt64 { NameText.mix(NameText.mix(a, UInt32(truncatingIfNeeded: b)), UInt32(truncatingIfNeeded: b >> 32)) }
    var romanNumerals = WordSet()
    let hashVa = NameText.wordHashes("và")[0]
    let hashD = NameText.wordHashes("đ")[0]
    let hashC = NameText.wordHashes("c")[0]
    let hashVi = NameText.wordHashes("vì")[0]
    let hashSu = NameText.wordHashes("sự")[0]
    let hashNuoc = NameText.wordHashes("nước")[0]

    static let empty = Shared(NameLexicon())

    /// Built once per process from the package resources.
    static let shared: Result<Shared, any Error> = Result { Shared(try NameLexicon.load()) }

    /// The lexicon behind one reference, so that scanners copy a pointer, not every table.
    final class Shared: Sendable {
        let lexicon: NameLexicon
        init(_ lexicon: NameLexicon) { self.lexicon = lexicon }
    }

    static func load() throws -> NameLexicon {
        var lex = NameLexicon()
        func complement(_ s: String?) -> Complement { Complement(rawValue: (s ?? "").trimmingCharacters(in: .whitespaces)) ?? .name }
        func yes(_ s: String?) -> Bool { (s ?? "").trimmingCharacters(in: .whitespaces) == "yes" }

        for row in try DataFile.load("organization_heads.csv").records {
            guard let head = row["head"], !head.isEmpty else { continue }
            lex.heads.add(head, Head(complement: complement(row["complement"]), numbers: yes(row["numbers"]), lowercase: yes(row["lowercase"]),
                                     header: yes(row["header"]), expansion: nil))
            if yes(row["lowercase"]), let last = head.split(separator: " ").last { lex.lowercaseHeadTails.add(String(last)) }
        }
        for row in try DataFile.load("organization_abbreviations.csv").records {
            guard let expansion = row["expansion"], !expansion.isEmpty,
                  let role = AbbreviationRole(rawValue: row["role"] ?? "") else { continue }
            let abbreviation = row["abbreviation"] ?? ""
            let follows = (row["follows"] ?? "").split(separator: "|").map { String($0).trimmingCharacters(in: .whitespaces) }
            if role == .name {
                for head in follows {
                    let full = head + " " + expansion
                    lex.knownNames[NameText.foldedHash(full)] = full
                    for key in NameText.foldedPrefixHashes(full) { lex.knownPrefixes.insert(key) }
                }
            }
            guard !abbreviation.isEmpty else { continue }
            let followHashes = Set(follows.compactMap { NameText.wordHashes($0).first })
            lex.abbreviations[NameText.lettersHash(abbreviation)] = Abbreviation(
                expansion: expansion.precomposedStringWithCanonicalMapping, role: role,
                complement: complement(row["complement"]), follows: followHashes,
                firstHash: NameText.wordHashes(expansion).first ?? 0)
        }
        for row in try DataFile.load("person_titles.csv").records {
            guard let title = row["title"], !title.isEmpty, let kind = TitleKind(rawValue: row["kind"] ?? "") else { continue }
            switch kind {
            case .academic: lex.academic.insert(NameText.lettersHash(title))
            case .signing: lex.signing.insert(NameText.lettersHash(title))
            default:
                lex.titles.add(title, Title(kind: kind))
                if kind == .honorific || kind == .academicWord, let last = title.split(whereSeparator: { $0 == " " || $0 == "/" }).last {
                    lex.titleTails.add(String(last))
                }
                if kind == .position, let last = title.split(separator: " ").last { lex.positionTails.add(String(last)) }
            }
        }
        for row in try DataFile.load("family_names.csv").records {
            guard let name = row["name"], let h = NameText.wordHashes(name).first else { continue }
            lex.families[h] = row["strength"] == "strong"
        }
        lex.loadPlaces()
        lex.addRules()
        return lex
    }

    /// Place names from the gazetteer's data files when they are there (optional).
    mutating func loadPlaces() {
        func add(_ name: String) {
            var words = NameText.wordHashes(name)
            guard !words.isEmpty else { return }
            places.insert(Self.placeKey(words))
            // "Tỉnh Hà Giang", "Thành phố Hà Nội": the name without its kind too.
            for kind in [["tỉnh"], ["thành", "phố"]].map({ $0.compactMap { NameText.wordHashes($0).first } }) where words.starts(with: kind) {
                words.removeFirst(kind.count)
                if !words.isEmpty { places.insert(Self.placeKey(words)) }
            }
        }
        let sources: [(file: String, columns: [String])] = [
            ("provinces.csv", ["name", "successor_name"]), ("province_variants.csv", ["variant"]),
            ("neighbour_provinces.csv", ["name"]), ("countries.csv", ["name_vi"]), ("country_variants.csv", ["variant"]),
        ]
        for (file, columns) in sources {
            guard let data = try? DataFile.load(file) else { continue }
            for row in data.records {
                for c in columns { if let v = row[c], !v.isEmpty { add(v) } }
                if file == "neighbour_provinces.csv" { for v in (row["variants"] ?? "").split(separator: "|") { add(String(v)) } }
            }
        }
    }

    /// Key of a sequence of words for `places`.
    static func placeKey(_ words: [UInt64]) -> UInt64 {
        var h = NameText.basis
        for (k, w) in words.enumerated() {
            if k > 0 { h = NameText.mix(h, 0x20) }
            h = NameText.mix(h, UInt32(truncatingIfNeeded: w))
            h = NameText.mix(h, UInt32(truncatingIfNeeded: w >> 32))
        }
        return h
    }

    /// The rules of Vietnamese the recognisers use: where a name ends, administrative units,
    /// words that make compounds with a head word, name particles.
    mutating func addRules() {
        // A lowercase word (or phrase) that ends an organisation's name: function words, and the
        // verbs that follow an agency as the subject of a sentence in news and plans.
        let stopPhrases = """
        đã|đang|sẽ|vừa|mới|từng|là|làm|thì|mà|hoặc|hay|nhưng|song|cũng|còn|vẫn|đều|luôn|rất|các|những|mọi|mỗi|một|\
        này|đó|kia|ấy|về|với|trong|tại|của|cho|để|do|bởi|theo|từ|đến|tới|trên|dưới|sau|trước|khi|lúc|nhằm|như|qua|\
        vào|ra|lên|xuống|giữa|cùng|có|không|chưa|được|bị|phải|cần|nên|nếu|vì|gồm|bao gồm|thuộc|trực thuộc|ngày|tháng|\
        năm|lần|đợt|giai đoạn|nhiệm kỳ|tổ chức|xây dựng|phối hợp|tham mưu|triển khai|thực hiện|chủ trì|ban hành|tiếp|\
        thăm|làm việc|họp|dự|tham dự|tham gia|phát biểu|trao|tặng|kiểm tra|giám sát|chỉ đạo|đề nghị|đề xuất|yêu cầu|\
        báo cáo|hướng dẫn|gửi|nhận|cấp|công bố|biểu dương|khánh thành|khai giảng|phát động|ký|điều động|bổ nhiệm|\
        kiện toàn|đánh giá|hỗ trợ|cung cấp|đảm bảo|bảo đảm|tăng cường|nâng cao|chịu|cử|mời|đón|thông báo|quyết định|\
        phê duyệt|cho biết|nhấn mạnh|khẳng định|ghi nhận|giao|phân công|đồng ý|thống nhất|cam kết|trình|xem xét|\
        giải quyết|tuyên bố|vinh danh|chúc mừng|bàn|thảo luận|trả lời|tiến hành|đưa|đi|tổng kết|sơ kết|gặp|hội đàm|\
        tiếp tục|đào tạo|khám|chữa|điều trị|ứng dụng|đạt|lập|mở|đóng|chia sẻ|đánh dấu|kêu gọi|ủng hộ|\
        tập huấn|truyền thông|ghép|tiêm|xét nghiệm|khảo sát|thẩm định|cấp phép|huy động|thành lập|trực tiếp|\
        phát biểu|phát động|khai mạc|bế mạc|kỷ niệm|trao tặng|đón nhận|thông qua|xác định|tập trung|liên tục|\
        vận động|bàn giao|tiếp nhận|ra mắt|ký kết|phát hành|chủ động|tích cực|sớm|kịp thời|hiện|hiện nay|nay|đây|phục vụ|chủ yếu|\
        vậy|bằng|việc|nơi|hôm|sáng|chiều|tối|trưa|đêm|thứ|khóa|kỳ
        """
        for phrase in stopPhrases.split(separator: "|") { stops.add(String(phrase), true) }
        // Exceptions: phrases inside names that begin with a stop word ("Y tế dự phòng", "Ban Quản lý
        // dự án"), and words that end a compound after a word that is not a stop ("Công trình",
        // "Hàng không", "độc lập").
        for phrase in ["dự phòng", "dự án", "dự trữ", "dự báo", "khám chữa bệnh", "khám bệnh"] { stops.add(phrase, false) }
        for (a, b) in [("công", "trình"), ("chương", "trình"), ("quy", "trình"), ("giáo", "trình"), ("lộ", "trình"),
                       ("tiến", "trình"), ("hàng", "không"), ("độc", "lập"), ("song", "song"), ("thực", "hành"), ("thiết", "bị"),
                       ("trang", "bị"), ("chuẩn", "bị")] {
            if let x = NameText.wordHashes(a).first, let y = NameText.wordHashes(b).first { keepPairs.insert(Self.pairKey(x, y)) }
        }

        // Stop phrases that may still open a unit's name right after its head ("Vụ Tổ chức cán bộ",
        // "Bộ Xây dựng", "Ban Chỉ đạo", "Quỹ Hỗ trợ"); the others never do ("Cục Chủ Trì" is a table header).
        for phrase in ["tổ chức", "xây dựng", "kiểm tra", "giám sát", "hỗ trợ", "đào tạo", "truyền thông", "điều trị", "khám",
                       "chữa", "ứng dụng", "xét nghiệm", "thẩm định", "tiếp nhận", "khảo sát", "tập huấn", "đánh giá", "chỉ đạo",
                       "hướng dẫn", "bảo đảm", "đảm bảo", "phát triển", "nghiên cứu", "thông tin", "cấp", "cứu", "vận động",
                       "huy động", "thực hiện", "tham mưu", "quản lý", "kỷ niệm", "phối hợp", "phát hành", "tiếp", "giao"] {
            nameStarts.insert(NameText.lettersHash(phrase))
        }
        for word in ["Tổ chức", "Chương trình"] { titleBodies.add(word, true) }
        // Unit-like names that belong to another entity type: technical working groups ("Nhóm kỹ thuật").
        excluded.add("Nhóm kỹ thuật", true)
        // Coordination forums (the Health Partnership Group: "Nhóm Đối tác y tế", "Nhóm ĐTYT") and venues
        // ("Trung tâm Hội nghị Quốc gia") are not organisations (Tests/Gold/README.md rules 6 and 7).
        excluded.add("Nhóm Đối tác", true)
        excluded.add("Nhóm ĐTYT", true)
        excluded.add("Trung tâm Hội nghị", true)

        // Lowercase words of unit names: those of the Ministry of Health's units (Decree 95/2022,
        // 75/2017 Article 3: "y tế", "dự phòng", "cán bộ", "quốc tế", "thực phẩm", "bà mẹ", "trẻ em"…), of
        // the other ministries and bodies Decree 30/2020 Appendix II cites, and of hospital and
        // public-health units (specialties). A lowercase word beyond the first must be one of these,
        // which keeps verbs out ("Bộ Y tế | quy định", "Bộ Công an | quản lý").
        let vocabulary = """
        y tế|dự phòng|bệnh tật|cán bộ|tài chính|quốc tế|quốc gia|trung ương|nhà nước|nhân dân|xã hội|thực phẩm|\
        môi trường|bà mẹ|trẻ em|gia đình|kế hoạch hóa gia đình|sức khỏe|sinh sản|cộng đồng|giáo dục sức khỏe|\
        công nghệ|kỹ thuật|khoa học|chất lượng|dược phẩm|vắc xin|sinh phẩm|thiết bị|trang thiết bị|công trình|\
        hạ tầng|cổ truyền|dược cổ truyền|dân tộc|nông thôn|vận tải|thương binh|hữu nghị|đa khoa|chuyên khoa|khu vực|\
        da liễu|ung bướu|tâm thần|nội tiết|phổi|mắt|răng hàm mặt|tai mũi họng|huyết học|truyền máu|pháp y|\
        dịch tễ|vệ sinh|vệ sinh dịch tễ|sốt rét|ký sinh trùng|côn trùng|nhiệt đới|hạt nhân|chức năng|điều dưỡng|\
        y học|y học cổ truyền|cổ phần|một thành viên|hữu hạn|trách nhiệm hữu hạn|xuất nhập khẩu|dự án|chính sách|\
        chiến lược|thế giới|châu|hành chính|pháp chế|nhân lực|nhi|sản|nhi khoa|sản khoa|lão khoa|y dược|dược|y khoa|\
        hồi sức|thần kinh|tim mạch|chấn thương chỉnh hình|bỏng|quân y|quân đội|công an|lao động|thương mại|\
        thông tấn|truyền hình|phát thanh|bảo hiểm|bảo trợ|dân số|an toàn|an toàn thực phẩm|văn phòng|thường trực|\
        đối ngoại|việt nam|xã hội chủ nghĩa
        """
        for phrase in vocabulary.split(separator: "|") {
            let words = NameText.wordHashes(String(phrase))
            nameWords.add(words, true)
            for (a, b) in zip(words, words.dropFirst()) { namePairs.insert(Self.pairKey(a, b)) }
        }

        // Administrative units (Decree 30/2020 Appendix II §III.1.a).
        for unit in ["tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "thủ đô"] {
            localities.add(unit, true)
        }
        // Bodies that a dash or "và" must not run into: they start a second name.
        // So do the parts and kinds of documents ("… và Điều lệ", "Luật Dược") and the country's name
        // in a header line ("ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
        for word in ["Tổ chức", "Liên hợp quốc", "Ngân hàng", "Chương trình", "Dự án", "Điều", "Khoản", "Chương", "Mục", "Phần",
                     "Luật", "Bộ luật", "Nghị định", "Nghị quyết", "Quyết định", "Thông tư", "Chỉ thị", "Công văn", "Văn bản",
                     "Cộng hòa xã hội chủ nghĩa", "Phái đoàn", "Liên minh", "Liên hiệp"] {
            boundaries.add(word, true)
        }
        // Committees of a body that say nothing without it: "Phó Bí thư Ban Cán sự Đảng" is no
        // organisation, "Ban Cán sự Đảng Bộ Y tế" is (Tests/Gold/README.md, organization).
        for phrase in ["Ban Cán sự Đảng", "Ban Chấp hành", "Ban Thường vụ", "Ban Giám đốc", "Ban Giám hiệu", "Ban Lãnh đạo", "Đảng ủy"] {
            needsParent.add(phrase, true)
        }

        // Capitalised words that cannot be part of a person's name or continue an organisation's
        // name in running text: sentence openers that listings glue onto the previous title.
        for word in """
        sáng chiều tối trưa đêm ngày hôm sau trước trong tại theo với về từ khi nhằm để do và các những một này \
        đây đó tuy nhưng cũng thứ tháng lễ hội nghị cuộc đoàn
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            if let h = NameText.wordHashes(String(word)).first { nameStops.insert(h) }
        }
        // Words before a capitalised run that make it a place, a street or an institution, not a
        // person ("đường Trần Hưng Đạo", "Trường THPT Chu Văn An", "TP. Hồ Chí Minh").
        for word in ["đường", "phố", "ngõ", "ngách", "hẻm", "quận", "huyện", "tỉnh", "xã", "phường", "thành phố", "thị xã",
                     "thị trấn", "thủ đô", "làng", "thôn", "xóm", "bản", "ấp", "sông", "núi", "hồ", "cầu", "chợ", "biển",
                     "vịnh", "đèo", "đảo", "trường", "học", "khu", "cụm", "tòa", "nhà", "số", "giải", "tượng", "đền",
                     "chùa", "lăng", "bảo tàng", "nhà hát", "công viên", "cung", "hội trường", "bệnh viện", "viện", "tp",
                     "đại lộ", "quảng trường", "sân bay", "cảng", "ga", "bến", "huyện đảo", "vùng", "miền", "tàu", "giải thưởng"] {
            placeClassifiers.add(word, true)
        }
        // Words that, just before a head word, make a compound with it ("cơ sở", "xã hội", "dịch vụ").
        let compoundList: [(String, [String])] = [
            ("sở", ["cơ", "trụ"]),
            ("hội", ["xã", "đại", "quốc", "cơ", "lễ", "dạ", "giáo", "nghị", "hiệp", "liên", "phó"]),
            ("vụ", ["nhiệm", "dịch", "phục", "nghĩa", "ngoại", "nội", "thời", "công", "chức", "sự", "tạp", "mùa", "giáo",
                    "thương", "quân", "tài", "nghiệp", "đặc", "điệp", "y", "văn", "thường"]),
            ("cục", ["bố", "kết", "thế", "đại", "chung"]),
            ("phòng", ["văn", "dự", "quốc", "đề", "biên", "hậu", "tiền", "buồng", "phòng"]),
            ("ban", ["trưởng", "phó", "ủy"]),
            ("bộ", ["cán", "toàn", "sơ", "nội", "tiến", "đồng", "thủ", "cục", "bách", "từng", "quân", "học", "chính", "tư", "nông", "bắc", "trung", "nam"]),
            ("viện", ["bệnh", "học", "thư", "thượng", "hạ", "tu", "kỹ"]),
            ("trường", ["môi", "thị", "hiện", "chiến", "lập", "quảng", "nông", "phi", "võ", "ngư", "sân", "công", "thao"]),
            ("quỹ", ["thủ", "ngân"]),
            ("nhóm", []),
        ]
        for (head, before) in compoundList {
            guard let h = NameText.wordHashes(head).first else { continue }
            compounds[h] = WordSet(before.compactMap { NameText.wordHashes($0).first })
        }
        for word in ["i", "ii", "iii"] { if let h = NameText.wordHashes(word).first { romanNumerals.insert(h) } }
    }

    /// The abbreviation whose letters are `key`, if any.
    @inline(__always) func abbreviation(_ key: UInt64) -> Abbreviation? { abbreviations[key] }

    @inline(__always) func isFamily(_ h: UInt64, strongOnly: Bool) -> Bool {
        guard let strong = families[h] else { return false }
        return strong || !strongOnly
    }
}
