/// `report.html`: one page, no scripts, no network (its Content-Security-Policy forbids every
/// load, so a browser would report any as an error), charts as inline SVG, every text escaped.
/// The same report gives the same bytes (everything is sorted; no clock).
public enum RunReportPage {
    public static func html(_ r: RunReport, title: String = "vndoc run report") -> String {
        var h = """
            <!DOCTYPE html>
            <html lang="vi">
            <head>
            <meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title>
            <style>
            body { font-family: system-ui, "Noto Sans", "DejaVu Sans", sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1d2430; }
            h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d5dae1; padding-bottom: .2rem; }
            .figures { display: flex; flex-wrap: wrap; gap: 1rem; padding: 0; list-style: none; }
            .figures li { background: #f1f4f8; border-radius: 6px; padding: .6rem 1rem; }
            .figures b { display: block; font-size: 1.4rem; }
            table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
            th, td { border: 1px solid #d5dae1; padding: .25rem .5rem; text-align: left; vertical-align: top; }
            td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
            svg text { font-size: 12px; fill: #1d2430; }
            .empty { color: #6b7480; font-style: italic; }
            </style>
            </head>
            <body>
            <h1>\(escape(title))</h1>

            """
        var figures = [("documents", r.documents), ("failed", r.failed), ("entities", r.entities)]
        for outcome in [SQLiteDataset.Outcome.added, .updated, .unchanged] {
            if let n = r.database[outcome] { figures.append(("\(outcome) in the database", n)) }
        }
        h += "<ul class=\"figures\">\n"
        for (label, n) in figures { h += "<li><b>\(grouped(n))</b>\(escape(label))</li>\n" }
        h += "<li><b>\(megabytes(r.bytes))</b>MB read</li>\n</ul>\n"

        h += section("Documents by kind", bars(sorted(r.kinds), label: "Documents by kind"))
        h += section("Documents by format", bars(sorted(r.formats), label: "Documents by format"))
        h += section("Entities by type", bars(sorted(r.entityTypes), label: "Entities by type"))
        h += provinces(r)
        h += section("Development partners", tallies(r.partners, heading: "Partner", label: "Partner mentions"))
        h += section("Technical working groups", tallies(r.twgs, heading: "TWG", label: "TWG mentions"))
        h += budgets(r)
        h += section("Timeline of dated items", timeline(r))
        h += section("Warnings", r.warnings.isEmpty ? empty("No warnings.") : table(["Warning code", "Count"], sorted(r.warnings).map { [escape($0.0), grouped($0.1)] }, numeric: [1]))
        h += errors(r)
        h += "</body>\n</html>\n"
        return h
    }

    // MARK: sections

    static func provinces(_ r: RunReport) -> String {
        let rows = r.provinces.values.sorted {
            ($0.tally.mentions, $1.name, $1.country) > ($1.tally.mentions, $0.name, $0.country)
        }
        guard !rows.isEmpty else { return section("Provinces mentioned", empty("No provinces mentioned.")) }
        var body = bars(rows.prefix(25).map { ($0.name + ($0.country == "VN" ? "" : " (\($0.country))"), $0.tally.mentions) },
                        label: "Province mentions")
        var bySuccessor: [String: Int] = [:]
        for p in rows where p.country == "VN" { bySuccessor[p.successor ?? p.name, default: 0] += p.tally.mentions }
        if !bySuccessor.isEmpty {
            body += "<p>The same mentions counted by the province each belongs to since 2025:</p>\n"
            body += bars(sorted(bySuccessor).prefix(25).map { ($0.0, $0.1) }, label: "Mentions by 2025 province")
        }
        body += table(["Province as named", "Code", "Country", "2025 province", "Mentions", "Documents"],
                      rows.map { [escape($0.name), escape($0.code ?? ""), escape($0.country), escape($0.successor ?? ""),
                                  grouped($0.tally.mentions), grouped($0.tally.documents)] },
                      numeric: [4, 5])
        return section("Provinces mentioned", body)
    }

    static func tallies(_ t: [String: RunReport.Tally], heading: String, label: String) -> String {
        guard !t.isEmpty else { return empty("None mentioned.") }
        let rows = t.sorted { ($0.value.mentions, $1.key) > ($1.value.mentions, $0.key) }
        return bars(rows.prefix(25).map { ($0.key, $0.value.mentions) }, label: label)
            + table([heading, "Mentions", "Documents"], rows.map { [escape($0.key), grouped($0.value.mentions), grouped($0.value.documents)] }, numeric: [1, 2])
    }

    static func budgets(_ r: RunReport) -> String {
        var body = ""
        if r.budgets.isEmpty {
            body += empty("No plan states a total budget.")
        } else {
            body += "<p>Total budgets stated by plans:</p>\n"
            body += table(["Currency", "Plans", "Total"], r.budgets.sorted { $0.key < $1.key }.map { [escape($0.key), grouped($0.value.count), amount($0.value.total)] }, numeric: [1, 2])
        }
        if !r.money.isEmpty {
            body += "<p>Every amount of money mentioned:</p>\n"
            body += bars(r.money.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.map { ($0.key, $0.value.count) }, label: "Money mentions by currency")
            body += table(["Currency", "Mentions", "Sum of amounts"], r.money.sorted { $0.key < $1.key }.map { [escape($0.key), grouped($0.value.count), amount($0.value.total)] }, numeric: [1, 2])
        }
        return section("Budgets by currency", body)
    }

    static func errors(_ r: RunReport) -> String {
        guard r.failed > 0 else { return section("Errors", empty("Every input was processed.")) }
        var body = table(["Input", "Stage", "Code", "Reason"], r.errors.map { [escape($0.path), escape($0.stage), escape($0.code.rawValue), escape($0.reason)] }, numeric: [])
        if r.failed > r.errors.count { body += "<p>… and \(grouped(r.failed - r.errors.count)) more (all in errors.jsonl).</p>\n" }
        return section("Errors (\(grouped(r.failed)))", body)
    }

    /// Stacked columns, one per year from the first to the last, a colour per series.
    static func timeline(_ r: RunReport) -> String {
        guard let first = r.timeline.keys.min(), let last = r.timeline.keys.max() else { return empty("No dated items.") }
        let years: [Int] = last - first <= 80 ? Array(first...last) : r.timeline.keys.sorted()
        let series = RunReport.DatedItem.allCases.filter { s in r.timeline.values.contains { ($0[s] ?? 0) > 0 } }
        let colours = ["#3b6fb6", "#d9822b", "#3a9d5d", "#9b59b6"]
        let peak = max(1, years.map { y in r.timeline[y]?.values.reduce(0, +) ?? 0 }.max() ?? 1)
        let column = max(8, min(40, 720 / max(1, years.count)))
        let height = 200, top = 20, bottom = 40, left = 40
        let width = left + column * years.count + 10
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"\(height + top + bottom)\" viewBox=\"0 0 \(width) \(height + top + bottom)\"><title>Dated items by year</title>\n"
        svg += "<text x=\"\(left - 4)\" y=\"\(top + 4)\" text-anchor=\"end\">\(peak)</text><text x=\"\(left - 4)\" y=\"\(top + height)\" text-anchor=\"end\">0</text>\n"
        svg += "<line x1=\"\(left)\" y1=\"\(top + height)\" x2=\"\(width - 10)\" y2=\"\(top + height)\" stroke=\"#8a929c\"/>\n"
        let labelEvery = max(1, years.count / 12)
        for (i, year) in years.enumerated() {
            let x = left + i * column
            var y = top + height
            for (k, s) in series.enumerated() {
                let n = r.timeline[year]?[s] ?? 0
                guard n > 0 else { continue }
                let h = max(1, n * height / peak)
                y -= h
                svg += "<rect x=\"\(x + 1)\" y=\"\(y)\" width=\"\(column - 2)\" height=\"\(h)\" fill=\"\(colours[k % colours.count])\"><title>\(year) \(escape(s.rawValue)): \(n)</title></rect>\n"
            }
            if i % labelEvery == 0 {
                svg += "<text x=\"\(x + column / 2)\" y=\"\(top + height + 16)\" text-anchor=\"middle\">\(year)</text>\n"
            }
        }
        for (k, s) in series.enumerated() {
            let x = left + k * 150
            svg += "<rect x=\"\(x)\" y=\"\(top + height + 26)\" width=\"10\" height=\"10\" fill=\"\(colours[k % colours.count])\"/><text x=\"\(x + 14)\" y=\"\(top + height + 35)\">\(escape(s.rawValue))</text>\n"
        }
        svg += "</svg>\n"
        let rows = years.compactMap { y -> [String]? in
            guard let counts = r.timeline[y] else { return nil }
            return [String(y)] + RunReport.DatedItem.allCases.map { grouped(counts[$0] ?? 0) }
        }
        return svg + table(["Year"] + RunReport.DatedItem.allCases.map(\.rawValue), rows, numeric: Array(1...RunReport.DatedItem.allCases.count))
    }

    // MARK: building blocks

    /// Horizontal bars with their labels and counts.
    static func bars(_ rows: [(String, Int)], label: String) -> String {
        guard !rows.isEmpty else { return empty("Nothing to show.") }
        let labelWidth = 230, barWidth = 400, rowHeight = 22
        let peak = max(1, rows.map(\.1).max() ?? 1)
        let height = rows.count * rowHeight + 4
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(labelWidth + barWidth + 80)\" height=\"\(height)\" viewBox=\"0 0 \(labelWidth + barWidth + 80) \(height)\"><title>\(escape(label))</title>\n"
        for (i, (name, n)) in rows.enumerated() {
            let y = i * rowHeight + 2
            let w = max(1, n * barWidth / peak)
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 15)\" text-anchor=\"end\">\(escape(clipped(name)))</text>"
            svg += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" fill=\"#3b6fb6\"><title>\(escape(name)): \(n)</title></rect>"
            svg += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + 15)\">\(grouped(n))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func table(_ headings: [String], _ rows: [[String]], numeric: [Int]) -> String {
        var t = "<table>\n<tr>"
        for (i, heading) in headings.enumerated() { t += numeric.contains(i) ? "<th class=\"n\">\(escape(heading))</th>" : "<th>\(escape(heading))</th>" }
        t += "</tr>\n"
        for row in rows {
            t += "<tr>"
            for (i, cell) in row.enumerated() { t += numeric.contains(i) ? "<td class=\"n\">\(cell)</td>" : "<td>\(cell)</td>" }
            t += "</tr>\n"
        }
        return t + "</table>\n"
    }

    static func section(_ heading: String, _ body: String) -> String {
        "<section>\n<h2>\(escape(heading))</h2>\n\(body)</section>\n"
    }

    static func empty(_ text: String) -> String { "<p class=\"empty\">\(escape(text))</p>\n" }

    static func sorted(_ counts: [String: Int]) -> [(String, Int)] {
        counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }

    static func clipped(_ s: String) -> String {
        s.unicodeScalars.count <= 36 ? s : String(String.UnicodeScalarView(s.unicodeScalars.prefix(35))) + "…"
    }

    /// 1234567 → "1,234,567".
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    static func amount(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 9e15 { return grouped(Int(x)) }
        return String(x)
    }

    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 524_288) / 1_048_576
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// Text for HTML content and attribute values.
    public static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
