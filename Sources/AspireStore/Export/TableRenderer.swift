/// Draws a result table for people to read: aligned columns with a rule under
/// the header (`table`), Unicode box drawing (`box`) or a Markdown pipe table
/// (`markdown`). Number columns are right-aligned, text left-aligned; `table`
/// and `box` cut long text with `…` to fit a width and end with the row count.
public struct TableRenderer: Sendable {
  /// The ways a table can be drawn.
  public enum Style: String, CaseIterable, Sendable {
    case table, box, markdown
  }

  public var style: Style
  /// The widest a line may be, in terminal columns; nil for no limit. Markdown
  /// is never cut, since it is meant to be pasted elsewhere.
  public var maximumWidth: Int?
  /// Whether the header is printed in bold (only on a terminal, never with
  /// `NO_COLOR`: the caller decides).
  public var useColour: Bool

  public init(style: Style, maximumWidth: Int? = nil, useColour: Bool = false) {
    self.style = style
    self.maximumWidth = maximumWidth
    self.useColour = useColour
  }

  /// The table drawn in this style, every line ending with `\n`.
  public func render(_ table: ResultTable) -> String {
    switch style {
    case .table: return aligned(table)
    case .box: return boxed(table)
    case .markdown: return markdown(table)
    }
  }

  /// `3 rows`, `1 row`, `0 rows`.
  public static func rowCount(_ count: Int) -> String {
    count == 1 ? "1 row" : "\(count) rows"
  }

  private func aligned(_ table: ResultTable) -> String {
    var layout = TableLayout(table)
    let gap = 2
    if let maximumWidth {
      layout.fit(into: maximumWidth - gap * max(0, layout.columnCount - 1))
    }
    guard layout.columnCount > 0 else { return TableRenderer.rowCount(table.rows.count) + "\n" }
    func line(_ cells: [String]) -> String {
      var text = cells.joined(separator: String(repeating: " ", count: gap))
      while text.last == " " { text.removeLast() }
      return text + "\n"
    }
    var output = line(layout.header.indices.map { bold(layout.padded(header: $0)) })
    output += line(layout.widths.map { String(repeating: "-", count: $0) })
    for row in layout.rows {
      output += line(row.indices.map { layout.padded(row[$0], column: $0) })
    }
    return output + TableRenderer.rowCount(table.rows.count) + "\n"
  }

  private func boxed(_ table: ResultTable) -> String {
    var layout = TableLayout(table)
    if let maximumWidth {
      // Each column takes its width plus a space either side and one rule.
      layout.fit(into: maximumWidth - 3 * layout.columnCount - 1)
    }
    guard layout.columnCount > 0 else { return TableRenderer.rowCount(table.rows.count) + "\n" }
    func rule(_ left: String, _ middle: String, _ right: String) -> String {
      left + layout.widths.map { String(repeating: "─", count: $0 + 2) }.joined(separator: middle)
        + right + "\n"
    }
    func line(_ cells: [String]) -> String {
      "│ " + cells.joined(separator: " │ ") + " │\n"
    }
    var output = rule("┌", "┬", "┐")
    output += line(layout.header.indices.map { bold(layout.padded(header: $0)) })
    output += rule("├", "┼", "┤")
    for row in layout.rows {
      output += line(row.indices.map { layout.padded(row[$0], column: $0) })
    }
    output += rule("└", "┴", "┘")
    return output + TableRenderer.rowCount(table.rows.count) + "\n"
  }

  private func markdown(_ table: ResultTable) -> String {
    let layout = TableLayout(table, escapingPipes: true, minimumWidth: 3)
    guard layout.columnCount > 0 else { return "" }
    func line(_ cells: [String]) -> String {
      "| " + cells.joined(separator: " | ") + " |\n"
    }
    var output = line(layout.header.indices.map { layout.padded(header: $0) })
    output += line(
      layout.widths.indices.map { column in
        let width = layout.widths[column]
        return layout.rightAligned[column]
          ? String(repeating: "-", count: width - 1) + ":" : String(repeating: "-", count: width)
      })
    for row in layout.rows {
      output += line(row.indices.map { layout.padded(row[$0], column: $0) })
    }
    return output
  }

  private func bold(_ text: String) -> String {
    useColour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
  }
}
