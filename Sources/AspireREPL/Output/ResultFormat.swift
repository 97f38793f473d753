import AspireEngine
import AspireLanguage
import AspireStore

/// How the REPL prints results, as `.mode` and `--format` name them. A bare
/// value prints as `aspire run` prints it; a table is drawn (`table`, `box`,
/// `markdown`) or written as data (`csv`, `tsv`, `json`).
public enum ResultFormat: String, CaseIterable, Sendable {
  case table, box, csv, tsv, json, markdown

  /// A value standing alone, without a line break: as its text for the drawn
  /// formats, as one field for CSV and TSV (numbers bare, other values
  /// neutralised and quoted as a spreadsheet needs), as one JSON value.
  public func render(_ value: Value) -> String {
    if case .table(let table) = value {
      var text = render(ResultTable(table), width: nil, colour: false)
      while text.hasSuffix("\n") { text.removeLast() }
      return text
    }
    switch self {
    case .table, .box, .markdown:
      return ValuePrinter.print(value)
    case .csv:
      return ExportFormat.csv.render(cell(value))
    case .tsv:
      return ExportFormat.tsv.render(cell(value))
    case .json:
      return json(value)
    }
  }

  /// A result table, every line ending with a line break (JSON is one line).
  /// `width` cuts the drawn formats to a terminal's width; `colour` makes the
  /// header bold.
  public func render(_ table: ResultTable, width: Int?, colour: Bool) -> String {
    switch self {
    case .table, .box, .markdown:
      let style = TableRenderer.Style(rawValue: rawValue) ?? .table
      return TableRenderer(style: style, maximumWidth: width, useColour: colour).render(table)
    case .csv: return ExportFormat.csv.render(table)
    case .tsv: return ExportFormat.tsv.render(table)
    case .json: return ExportFormat.json.render(table) + "\n"
    }
  }

  /// The cell CSV and TSV write for a value: a number stays a number; anything
  /// else is the text it prints as.
  private func cell(_ value: Value) -> Cell {
    if case .number(let number) = value { return .number(number) }
    return .text(ValuePrinter.print(value))
  }

  /// A value as JSON: numbers as numbers, missing as null, lists as arrays,
  /// everything else as the string it prints as.
  private func json(_ value: Value) -> String {
    switch value {
    case .number(let number): return ExportFormat.json.render(.number(number))
    case .boolean(let flag): return ExportFormat.json.render(.boolean(flag))
    case .missing: return ExportFormat.json.render(.missing)
    case .list(let items): return "[" + items.map(json).joined(separator: ",") + "]"
    default: return ExportFormat.json.render(.text(ValuePrinter.print(value)))
    }
  }
}
