import AspireModel

extension Analysis {
  /// The analysis as an HTML page with inline SVG charts: the distribution
  /// of gaps, the mean gap by subject, the share above, on and below target
  /// by group, and tables by subject, class, teacher and group.
  public var html: String {
    var page = HTML()
    page.markup("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
    page.content(named("results against targets, \(year)"))
    page.markup("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;")
    page.markup("margin:24px;color:#1a1a1a;max-width:960px;\">")
    page.element("h1", named("results against aspirational targets, \(year)"))
    if outside {
      page.element(
        "p",
        "For use outside the school: every group smaller than \(Analysis.smallestGroup) "
          + "is suppressed.", style: "font-style:italic;")
    }
    let all = Analysis.summarise(results)
    page.element(
      "p",
      "\(all.results) results, \(all.withTarget) with a target; mean gap "
        + "\(text(all.meanGap)) grade steps (target minus result); \(withdrawn) courses "
        + "withdrawn from and \(changedLevel) changed level during the year.")

    var distribution: [Int: Int] = [:]
    for result in results { if let gap = result.gap { distribution[Int(gap), default: 0] += 1 } }
    let low = min(-3, distribution.keys.min() ?? 0)
    let high = max(3, distribution.keys.max() ?? 0)
    page.markup(
      Charts.columns(
        (low...high).map {
          (label: $0 > 0 ? "+\($0)" : "\($0)", value: Double(distribution[$0] ?? 0))
        },
        title: "Distribution of gaps (target minus result, grade steps)"))

    let subjects = Analysis.grouped(results) { [$0.subject] }.filter(shown)
    page.markup(
      Charts.bars(
        subjects.compactMap { subject, rows in
          Analysis.summarise(rows).meanGap.map { (label: subject, value: $0) }
        }, title: "Mean gap by subject"))
    let groups = byGroup.filter(shown)
    page.markup(
      Charts.shares(
        groups.compactMap { group, rows in
          let summary = Analysis.summarise(rows)
          guard summary.withTarget > 0 else { return nil }
          return (
            label: group, above: summary.share(summary.above)!, on: summary.share(summary.on)!,
            below: summary.share(summary.below)!
          )
        }, title: "Share of results above, on and below target, by group"))

    table(&page, "By subject", subjects, previous: Analysis.grouped(previous) { [$0.subject] })
    table(&page, "By class", Analysis.grouped(results) { [$0.className] }.filter(shown))
    table(&page, "By group", groups)
    agreement(&page)
    page.markup("</body></html>\n")
    return page.text
  }

  /// `title` after the school's name (`Demo Academy: title`), or capitalised
  /// alone when the school's name is not known.
  func named(_ title: String) -> String {
    guard let school else { return title.prefix(1).uppercased() + title.dropFirst() }
    return "\(school): \(title)"
  }

  /// Whether a group may be shown: always inside the school, only with five
  /// or more results outside it.
  func shown(_ group: (String, [Result])) -> Bool {
    !outside || group.1.count >= Analysis.smallestGroup
  }

  func text(_ value: Double?) -> String {
    value.map { Charts.format($0, places: 2) } ?? "–"
  }

  func table(
    _ page: inout HTML, _ title: String, _ groups: [(String, [Result])],
    previous: [(String, [Result])] = []
  ) {
    let cell = "padding:3px 8px;border:1px solid #cccccc;font-size:13px;"
    let last = Dictionary(previous, uniquingKeysWith: { first, _ in first })
    page.element("h2", title)
    page.markup("<table style=\"border-collapse:collapse;\"><tr>")
    var headings = ["", "results", "with target", "above %", "on %", "below %", "mean gap"]
    if !previous.isEmpty { headings.append("mean gap \(year - 1)") }
    for heading in headings { page.element("th", heading, style: cell + "background:#eeeeee;") }
    page.markup("</tr>")
    for (name, rows) in groups {
      let summary = Analysis.summarise(rows)
      var cells = [
        name, "\(summary.results)", "\(summary.withTarget)", text(summary.share(summary.above)),
        text(summary.share(summary.on)), text(summary.share(summary.below)), text(summary.meanGap),
      ]
      if !previous.isEmpty {
        let earlier = last[name].map(Analysis.summarise)
        cells.append(
          earlier.map { outside && $0.results < Analysis.smallestGroup ? "–" : text($0.meanGap) }
            ?? "–")
      }
      page.markup("<tr>")
      for (index, value) in cells.enumerated() {
        page.element("td", value, style: cell + (index == 0 ? "" : "text-align:right;"))
      }
      page.markup("</tr>")
    }
    page.markup("</table>")
  }

  func agreement(_ page: inout HTML) {
    let cell = "padding:3px 8px;border:1px solid #cccccc;font-size:13px;"
    page.element("h2", "Teachers' last-round judgements against the results")
    page.markup("<table style=\"border-collapse:collapse;\"><tr>")
    for heading in ["teacher", "judged", "matched", "matched %"] {
      page.element("th", heading, style: cell + "background:#eeeeee;")
    }
    page.markup("</tr>")
    for row in teacherAgreement where !outside || row.judged >= Analysis.smallestGroup {
      page.markup("<tr>")
      page.element("td", row.teacher, style: cell)
      page.element("td", "\(row.judged)", style: cell + "text-align:right;")
      page.element("td", "\(row.matched)", style: cell + "text-align:right;")
      let share = row.judged == 0 ? nil : Double(row.matched) * 100 / Double(row.judged)
      page.element("td", text(share), style: cell + "text-align:right;")
      page.markup("</tr>")
    }
    page.markup("</table>")
  }
}
