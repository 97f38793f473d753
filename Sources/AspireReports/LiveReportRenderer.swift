import AspireModel

extension LiveReport {
  /// The report as email HTML: a table layout with inline styles only, no
  /// scripts, no SVG and no images, narrow enough for a phone and short
  /// enough to print on one page. Every value from data is escaped.
  public var html: String {
    var page = HTML()
    page.markup("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
    page.markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    page.markup("<title>")
    page.content(title)
    page.markup("</title></head>")
    page.markup(
      "<body style=\"margin:0;padding:0;background:#ffffff;"
        + "font-family:Arial,Helvetica,sans-serif;color:#1a1a1a;\">")
    page.markup(
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
        + "style=\"max-width:640px;margin:0 auto;border-collapse:collapse;\"><tr>"
        + "<td style=\"padding:16px;\">")
    if let school {
      page.element("p", school, style: "margin:0;font-size:13px;color:#555555;")
    }
    page.element("h1", "Live Report: \(learner)", style: "margin:4px 0 2px;font-size:22px;")
    page.element(
      "p", "\(stage), \(session), after round \(round) of \(rounds)",
      style: "margin:0 0 12px;font-size:14px;color:#333333;")
    renderGrid(&page)
    renderLegend(&page)
    renderComments(&page)
    renderActions(&page)
    page.markup("</td></tr></table></body></html>\n")
    return page.text
  }

  func renderGrid(_ page: inout HTML) {
    let cell = "padding:6px 4px;border:1px solid #cccccc;font-size:13px;"
    page.markup(
      "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" "
        + "style=\"border-collapse:collapse;margin:0 0 12px;\"><tr>")
    page.element("th", "Subject", style: cell + "text-align:left;background:#eeeeee;")
    page.element("th", "Target", style: cell + "text-align:center;background:#eeeeee;")
    for number in 1...rounds {
      page.element("th", "R\(number)", style: cell + "text-align:center;background:#eeeeee;")
    }
    page.markup("</tr>")
    for subject in subjects {
      page.markup("<tr>")
      page.element("td", "\(subject.name) (\(subject.level))", style: cell + "text-align:left;")
      page.element(
        "td", subject.target ?? "–", style: cell + "text-align:center;font-weight:bold;")
      for number in 1...rounds {
        let status = number <= subject.statuses.count ? subject.statuses[number - 1] : nil
        let (background, colour) = StatusStyle.colours(status)
        page.element(
          "td", status?.letter ?? (number <= round ? "–" : ""),
          style: cell + "text-align:center;font-weight:bold;background:\(background);"
            + "color:\(colour);")
      }
      page.markup("</tr>")
    }
    page.markup("</table>")
  }

  func renderLegend(_ page: inout HTML) {
    page.markup("<p style=\"margin:0 0 16px;font-size:12px;color:#333333;\">")
    for (index, status) in [Status.above, .on, .below].enumerated() {
      let (background, colour) = StatusStyle.colours(status)
      if index > 0 { page.markup(" &nbsp; ") }
      page.markup(
        "<span style=\"background:\(background);color:\(colour);font-weight:bold;"
          + "padding:1px 5px;\">")
      page.content(status.letter)
      page.markup("</span> ")
      page.content(StatusStyle.word(status))
    }
    page.markup("</p>")
  }

  func renderComments(_ page: inout HTML) {
    let commented = subjects.filter { $0.latestComment?.isEmpty == false }
    guard !commented.isEmpty else { return }
    page.element("h2", "What the teachers say", style: "margin:0 0 6px;font-size:17px;")
    for subject in commented {
      page.markup("<p style=\"margin:0 0 8px;font-size:14px;\">")
      page.element("strong", subject.name)
      if let label = commentRoundLabel(subject) {
        page.markup(" ")
        page.content(label)
      }
      page.markup(": ")
      page.content(subject.latestComment!)
      page.markup("</p>")
    }
  }

  func renderActions(_ page: inout HTML) {
    guard !actions.isEmpty else { return }
    page.element(
      "h2", "Next steps agreed with the mentor", style: "margin:12px 0 6px;font-size:17px;")
    page.markup("<ul style=\"margin:0;padding-left:20px;font-size:14px;\">")
    for action in actions { page.element("li", action, style: "margin:0 0 4px;") }
    page.markup("</ul>")
    if let mentor {
      page.element("p", "Mentor: \(mentor)", style: "margin:8px 0 0;font-size:13px;color:#555555;")
    }
  }

  /// The report as plain text, for mail clients that show no HTML.
  public var plainText: String {
    var lines = school.map { [$0] } ?? []
    lines += [
      "Live Report: \(learner)", "\(stage), \(session), after round \(round) of \(rounds)", "",
    ]
    let width = max(7, subjects.map { $0.name.count + $0.level.count + 3 }.max() ?? 7)
    func padded(_ text: String, _ size: Int) -> String {
      text + String(repeating: " ", count: max(0, size - text.count))
    }
    var header = padded("Subject", width) + "  Target"
    for number in 1...rounds { header += "  R\(number)" }
    lines.append(header)
    for subject in subjects {
      var line =
        padded("\(subject.name) (\(subject.level))", width) + "  "
        + padded(subject.target ?? "-", 6)
      for number in 1...rounds {
        let status = number <= subject.statuses.count ? subject.statuses[number - 1] : nil
        line += "  " + padded(status?.letter ?? (number <= round ? "-" : " "), 2)
      }
      lines.append(line.trimmingTrailingSpaces())
    }
    lines.append("")
    lines.append("A = above target, O = on target, B = below target")
    let commented = subjects.filter { $0.latestComment?.isEmpty == false }
    if !commented.isEmpty {
      lines += ["", "What the teachers say"]
      lines += commented.map { subject in
        let label = commentRoundLabel(subject).map { " \($0)" } ?? ""
        return "- \(subject.name)\(label): \(subject.latestComment!)"
      }
    }
    if !actions.isEmpty {
      lines += ["", "Next steps agreed with the mentor"]
      lines += actions.map { "- \($0)" }
      if let mentor { lines.append("Mentor: \(mentor)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
