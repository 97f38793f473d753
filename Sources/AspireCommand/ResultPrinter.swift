import AspireEngine
import AspireLanguage
import AspireStore
import Foundation

/// Prints a statement's value in the `--format` asked for: a table's rows as
/// a table, CSV, JSON…; a bare value as itself.
enum ResultPrinter {
  static func print(_ value: Value, format: OutputFormat) -> String {
    if case .table(let table) = value {
      return render(ResultTable(table), format: format)
    }
    switch format {
    case .json:
      return json(value)
    case .csv, .tsv:
      if case .number = value { return ValuePrinter.print(value) }
      let text = ValuePrinter.print(value)
      let cell = ["=", "+", "-", "@"].contains(where: text.hasPrefix) ? "'" + text : text
      let separator: Character = format == .csv ? "," : "\t"
      if cell.contains(separator) || cell.contains("\"") || cell.contains("\n") {
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      }
      return cell
    default:
      return ValuePrinter.print(value)
    }
  }

  /// A result table in the format asked for, without a final line break.
  static func render(_ table: ResultTable, format: OutputFormat) -> String {
    var text: String
    switch format {
    case .csv: text = ExportFormat.csv.render(table)
    case .tsv: text = ExportFormat.tsv.render(table)
    case .json: text = ExportFormat.json.render(table)
    case .table, .box, .markdown: text = ExportFormat.csv.render(table)
    }
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  /// A value as one JSON document: numbers as numbers, missing as null,
  /// dates, grades and texts as strings.
  static func json(_ value: Value) -> String {
    switch value {
    case .number: return ValuePrinter.print(value)
    case .boolean(let flag): return flag ? "true" : "false"
    case .missing: return "null"
    case .list(let items): return "[" + items.map(json).joined(separator: ",") + "]"
    default: return jsonString(ValuePrinter.print(value))
    }
  }

  static func jsonString(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case _ where scalar.value < 0x20:
        let hex = String(scalar.value, radix: 16)
        result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }
}
