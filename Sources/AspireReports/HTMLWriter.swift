/// Writes one HTML5 document for people to read: a page with its styles
/// inline, headings, paragraphs and tables. Tags come from the code; every
/// text passed in is escaped, so data can never become markup.
public struct HTMLWriter {
  private var html = ""
  private var open: [String] = []

  /// The styles every page shares: plain, printable, no outside resources.
  static let style = """
    body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; margin: 2em; }
    h1 { font-size: 1.5em; margin-bottom: 0.2em; }
    h2 { font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
    p.note { color: #555; margin-top: 0; }
    table { border-collapse: collapse; margin: 0.5em 0 1em; }
    th, td { border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; }
    th { background: #eef1f4; }
    td.A { background: #dff0d8; } td.O { background: #f4f4f4; } td.B { background: #f8d7d7; }
    td.differs { font-weight: bold; }
    section.learner { page-break-inside: avoid; }
    """

  /// The same styles written into each element, for email, whose clients
  /// drop style sheets: by tag, then by tag and class.
  static let inlineStyles: [String: String] = [
    "body": "font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; margin: 1em",
    "h1": "font-size: 1.5em; margin-bottom: 0.2em",
    "h2": "font-size: 1.2em; margin-top: 1.6em; border-bottom: 1px solid #ccc",
    "p.note": "color: #555; margin-top: 0",
    "table": "border-collapse: collapse; margin: 0.5em 0 1em",
    "th": "border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left; background: #eef1f4",
    "td": "border: 1px solid #bbb; padding: 0.25em 0.6em; text-align: left",
    "td.A": "background: #dff0d8", "td.O": "background: #f4f4f4", "td.B": "background: #f8d7d7",
    "td.differs": "font-weight: bold",
  ]

  /// Whether styles go into each element (for email) rather than a style sheet.
  private let inline: Bool

  /// Starts a page titled `title`; with `inlineStyles`, every element carries
  /// its own style attribute and there is no style sheet, as email needs.
  public init(title: String, inlineStyles: Bool = false) {
    inline = inlineStyles
    html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<title>\(HTMLEscaping.escape(title))</title>\n"
    if inline {
      html += "</head>\n\(opening("body", nil))\n"
    } else {
      html += "<style>\n\(HTMLWriter.style)\n</style>\n</head>\n<body>\n"
    }
  }

  /// The opening tag of `tag` with its class, or in inline mode its style.
  private func opening(_ tag: String, _ cssClass: String?) -> String {
    guard inline else {
      return cssClass.map { "<\(tag) class=\"\(HTMLEscaping.escape($0))\">" } ?? "<\(tag)>"
    }
    let styles = [HTMLWriter.inlineStyles[tag], cssClass.flatMap {
      HTMLWriter.inlineStyles["\(tag).\($0)"]
    }].compactMap { $0 }
    guard !styles.isEmpty else { return "<\(tag)>" }
    return "<\(tag) style=\"\(HTMLEscaping.escape(styles.joined(separator: "; ")))\">"
  }

  /// Opens an element; `tag` and `cssClass` are the code's own words.
  public mutating func open(_ tag: String, cssClass: String? = nil) {
    html += opening(tag, cssClass)
    html += "\n"
    open.append(tag)
  }

  /// Closes the innermost open element.
  public mutating func close() {
    guard let tag = open.popLast() else { return }
    html += "</\(tag)>\n"
  }

  /// An element holding escaped text: `<h1>…</h1>`, `<p>…</p>`.
  public mutating func element(_ tag: String, _ text: String, cssClass: String? = nil) {
    html += "\(opening(tag, cssClass))\(HTMLEscaping.escape(text))</\(tag)>\n"
  }

  /// A table with a header row; each cell's text is escaped, and its class
  /// (a status letter, say) styles it.
  public mutating func table(header: [String], rows: [[HTMLCell]]) {
    html += "\(opening("table", nil))\n<thead><tr>"
    for name in header { html += "\(opening("th", nil))\(HTMLEscaping.escape(name))</th>" }
    html += "</tr></thead>\n<tbody>\n"
    for row in rows {
      html += "<tr>"
      for cell in row {
        html += "\(opening("td", cell.cssClass))\(HTMLEscaping.escape(cell.text))</td>"
      }
      html += "</tr>\n"
    }
    html += "</tbody>\n</table>\n"
  }

  /// The whole document, every open element closed.
  public mutating func finish() -> String {
    while !open.isEmpty { close() }
    return html + "</body>\n</html>\n"
  }
}

/// One cell of an HTML table: its text and, optionally, a style class.
public struct HTMLCell: Hashable, Sendable, ExpressibleByStringLiteral {
  public var text: String
  public var cssClass: String?

  public init(_ text: String, cssClass: String? = nil) {
    self.text = text
    self.cssClass = cssClass
  }

  public init(stringLiteral text: String) {
    self.init(text)
  }
}
