public import DocumentModel

/// Reads a province's answers to a Health Partnership Group questionnaire: who answers, for
/// which meeting, and each question with its answers.
///
/// ```
/// TỈNH CAO BẰNG                                   → province (the province entity's value)
/// Cuộc họp Nhóm Đối tác y tế (HPG) ngày 15/11/2016 → meeting, meeting_date
/// Chủ đề cuộc họp: Hoạt động của các Nhóm …        → topic
/// 1. Ý kiến …? Và các đề xuất nếu có? Báo cáo …   → item "1": question up to the last "?",
///                                                   the rest of the line its first answer
/// 2. Phần trả lời cho các câu hỏi …               → a section: it only groups 2a, 2b
/// 2a, Đánh giá …? …?                              → item "2a"
/// - Sự tham gia của tỉnh …                         → one answer per bullet or paragraph
/// Phần trả lời xin gửi về … trước ngày 07/11/2016 … moh.hpg@gmail.com/ 04-62732235.
///                                                 → deadline, contact (not answers)
/// Trân trọng cám ơn.                               → closing, not an answer
/// ```
///
/// The record:
/// `{"province", "meeting", "meeting_date", "topic", "deadline", "contact": {"email", "phone",
/// "text"}, "items": [{"id", "question", "answers": [...]}]}`, every key present (`null` when not
/// found; `contact` null when no line gives an e-mail address, a phone number or where to send
/// the answers; `deadline` a date written after "trước", "hạn" or "chậm nhất" in a closing line
/// or before the questions). Texts are as written with runs of
/// whitespace made one space; bullet answers lose their bullet, numbered answers keep their
/// number ("a) Về nhân lực: …").
///
/// Rules, in the order they apply to each block after the first question:
/// - A closing line ends the questions: a paragraph that holds an e-mail address or a phone
///   number, that asks to send ("gửi") the answers before a date, that starts
///   with thanks ("Trân trọng", "Xin cảm ơn") or is "Nơi nhận". Bullets and numbered lines are
///   never closing lines.
/// - A numbered block (a label such as "1.", "2a", "a)", by Word or typed) is a question when
///   its text has a "?" and its number does not just continue the answers' own numbering; a
///   section when it has no "?" and the next numbered block is a question under it; a question
///   without "?" when its number continues the questions' numbering ("3." after "2.", "2c" after
///   "2b"); otherwise an answer.
/// - A heading that asks nothing ends the current question (a signature, a new part "II. …").
/// - Any other block (bullet, paragraph, table cell) under a question is one answer.
public enum QuestionnaireParser {
    /// The questionnaire record, or nil when the document has no numbered question (or only one,
    /// and does not speak of questions, "câu hỏi", before it).
    public static func parse(_ document: Document) -> JSONValue? {
        parse(units: AnalysisText.units(document))
    }

    /// The same over the document's units, computed once by the caller.
    static func parse(units: [AnalysisText.Unit]) -> JSONValue? {
        let questions = units.filter(isQuestion)
        guard let first = questions.first?.index else { return nil }
        let preamble = Array(units[..<first])
        guard questions.count >= 2 || preamble.contains(where: { $0.find("cau hoi") != nil }) else { return nil }

        var walk = Walk()
        var closing: [AnalysisText.Unit] = []
        for unit in units[first...] {
            if isClosing(unit) {
                closing = Array(units[unit.index...])
                break
            }
            walk.take(unit, in: units)
        }

        let notes = closing + preamble
        var members: [JSONValue.Member] = [
            .init("province", province(preamble)),
        ]
        let (meeting, date) = self.meeting(preamble)
        members.append(.init("meeting", AnalysisText.optional(meeting)))
        members.append(.init("meeting_date", AnalysisText.optional(date)))
        members.append(.init("topic", AnalysisText.optional(topic(preamble))))
        members.append(.init("deadline", AnalysisText.optional(notes.lazy.compactMap(deadline).first)))
        members.append(.init("contact", contact(notes)))
        members.append(.init("items", .array(walk.items.map(\.json))))
        return .object(members)
    }

    // MARK: questions and answers

    struct Item {
        var id: String
        var question: String
        var answers: [String]

        var json: JSONValue {
            .object([.init("id", .string(id)), .init("question", .string(question)),
                     .init("answers", .array(answers.map { .string($0) }))])
        }
    }

    /// The state of the walk over the blocks after the first question.
    struct Walk {
        var items: [Item] = []
        /// Whether answers go to the last item (false after a section or a heading).
        var open = false
        /// Labels of the open questions and sections, outermost first.
        var chain: [AnalysisText.Label] = []
        /// The label of the last numbered answer of the current question.
        var lastAnswer: AnalysisText.Label?

        mutating func take(_ unit: AnalysisText.Unit, in units: [AnalysisText.Unit]) {
            let asked = unit.textAfterLabel.contains("?")
            guard let label = unit.numbering, !(unit.block.type == .heading && !asked) else {
                if unit.block.type == .heading {
                    open = false
                } else if open {
                    answer(unit.entry)
                }
                return
            }
            let continuesQuestions = chain.contains { label.follows($0) }
            if open, let last = lastAnswer, label.follows(last), !(asked && continuesQuestions) {
                answer(unit.entry)
                lastAnswer = label
            } else if asked {
                ask(unit, label)
            } else if QuestionnaireParser.isSection(unit, label, in: units) {
                push(label)
                open = false
            } else if open && continuesQuestions {
                ask(unit, label)
            } else if open {
                answer(unit.entry)
                lastAnswer = label
            }
        }

        mutating func ask(_ unit: AnalysisText.Unit, _ label: AnalysisText.Label) {
            let text = unit.textAfterLabel
            var question = text
            var answers: [String] = []
            if let mark = text.lastIndex(of: "?") {
                question = String(text[...mark])
                var rest = Substring(text[text.index(after: mark)...])
                while let c = rest.first, c.isWhitespace || c == "-" || c == "•" || c == "+" { rest.removeFirst() }
                if !rest.isEmpty { answers.append(String(rest)) }
            }
            items.append(Item(id: label.id, question: question, answers: answers))
            push(label)
            open = true
            lastAnswer = nil
        }

        mutating func answer(_ text: String) {
            guard !text.isEmpty, !items.isEmpty else { return }
            items[items.count - 1].answers.append(text)
        }

        mutating func push(_ label: AnalysisText.Label) {
            while let last = chain.last, last.depth >= label.depth { chain.removeLast() }
            chain.append(label)
        }
    }

    /// A numbered block whose text asks something.
    static func isQuestion(_ unit: AnalysisText.Unit) -> Bool {
        unit.numbering != nil && unit.textAfterLabel.contains("?")
    }

    /// A numbered line without a question that groups the questions after it: the next
    /// numbered block is a question numbered under it.
    static func isSection(_ unit: AnalysisText.Unit, _ label: AnalysisText.Label, in units: [AnalysisText.Unit]) -> Bool {
        for next in units[(unit.index + 1)...] {
            guard let nextLabel = next.numbering else {
                if next.block.type == .heading { return false }
                continue
            }
            return isQuestion(next) && nextLabel.isChild(of: label)
        }
        return false
    }

    // MARK: closing lines

    static let thanks = ["tran trong", "xin tran trong", "xin cam on", "cam on", "xin chan thanh cam on", "chan thanh cam on", "noi nhan"]
    /// "gửi" (send), in "xin gửi về", "gửi lại", "gửi phiếu trả lời về", ….
    static let send = ["gui"]

    static func isClosing(_ unit: AnalysisText.Unit) -> Bool {
        guard unit.block.type != .listItem || (unit.numbering == nil && !unit.isBullet) else { return false }
        if unit.entities.contains(where: { $0.type == "email" || $0.type == "phone" }) { return true }
        if unit.starts(with: thanks) { return true }
        return send.contains { unit.find($0) != nil } && deadline(unit) != nil
    }

    /// A date the text gives as a limit: "trước ngày 07/11/2016", "hạn gửi … ngày", "chậm nhất
    /// ngày" (one of these words among the four before the date).
    static func deadline(_ unit: AnalysisText.Unit) -> String? {
        for date in unit.entities("date") {
            let start = unit.range(of: date).lowerBound
            let before = String(String.UnicodeScalarView(unit.folded[0..<max(0, start)]))
            let words = before.split(whereSeparator: { !$0.isLetter }).suffix(4).map(String.init)
            let cue = words.contains("truoc") || words.contains("han") || words.joined(separator: " ").contains("cham nhat")
            if cue, let value = AnalysisText.string(date.value) { return value }
        }
        return nil
    }

    /// The e-mail address and phone number to send the answers to, and the line that gives them
    /// (or, without either, the line that says where to send them).
    static func contact(_ notes: [AnalysisText.Unit]) -> JSONValue {
        var email: String?
        var phone: String?
        var lines: [String] = []
        for unit in notes {
            let mail = unit.entities("email").first.flatMap { AnalysisText.string($0.value) }
            let tel = unit.entities("phone").first.flatMap { AnalysisText.string($0.value) }
            guard mail != nil || tel != nil else { continue }
            if email == nil { email = mail }
            if phone == nil { phone = tel }
            lines.append(AnalysisText.collapse(unit.text))
        }
        if lines.isEmpty, let sendLine = notes.first(where: { unit in send.contains { unit.find($0) != nil } }) {
            lines.append(AnalysisText.collapse(sendLine.text))
        }
        guard !lines.isEmpty else { return .null }
        return .object([.init("email", AnalysisText.optional(email)), .init("phone", AnalysisText.optional(phone)),
                        .init("text", .string(lines.joined(separator: " ")))])
    }

    // MARK: the preamble

    /// The first province named before the questions, preferring a heading ("TỈNH CAO BẰNG").
    static func province(_ preamble: [AnalysisText.Unit]) -> JSONValue {
        let headings = preamble.filter { $0.block.type == .heading }
        for unit in headings + preamble {
            if let entity = unit.entities("province").first { return entity.value }
        }
        return .null
    }

    static let meetingWords = ["cuoc hop", "phien hop", "hoi nghi", "hoi thao", "dien dan"]

    /// The first line naming a meeting and its date: the name runs from the meeting word
    /// nearest before the date up to the date ("Cuộc họp Nhóm Đối tác y tế (HPG)"), without the
    /// "ngày", "vào", "tổ chức" that lead to the date. A whole date is preferred to a month or
    /// a year in the same line.
    static func meeting(_ preamble: [AnalysisText.Unit]) -> (String?, String?) {
        for unit in preamble where !unit.starts(with: ["chu de"]) {
            let words = meetingWords.flatMap { unit.findAll($0) }
            // Dates after a meeting word; a whole date before a month or a year ("quý IV năm 2018").
            let dates = unit.entities("date").filter { date in words.contains { $0 < unit.range(of: date).lowerBound } }
            if let date = dates.first(where: { (AnalysisText.string($0.value)?.count ?? 0) >= 10 }) ?? dates.first,
               let value = AnalysisText.string(date.value) {
                let dateStart = unit.range(of: date).lowerBound
                let start = words.filter { $0 < dateStart }.max() ?? 0
                var name = AnalysisText.collapse(unit.slice(start, dateStart))
                while true {
                    name = AnalysisText.trim(name, [",", ";", ":", "-", "–", "("])
                    let folded = AnalysisText.fold(name)
                    guard let cut = [" ngay", " vao", " luc", " tu", " to chuc", " dien ra"].first(where: { folded.hasSuffix($0) }) else { break }
                    name = String(name.dropLast(cut.count))
                }
                return (name.isEmpty ? nil : name, value)
            }
        }
        return (nil, nil)
    }

    /// "Chủ đề cuộc họp: …" (or "Chủ đề: …"): the text after the colon, or the next line's
    /// when the colon ends the line.
    static func topic(_ preamble: [AnalysisText.Unit]) -> String? {
        for (n, unit) in preamble.enumerated() where unit.starts(with: ["chu de"]) {
            guard let colon = unit.scalars.firstIndex(of: ":") else { continue }
            let after = AnalysisText.collapse(unit.slice(colon + 1, unit.scalars.count))
            if !after.isEmpty { return after }
            if n + 1 < preamble.count { return AnalysisText.collapse(preamble[n + 1].text) }
        }
        return nil
    }
}
