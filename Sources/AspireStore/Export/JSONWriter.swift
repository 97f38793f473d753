/// Writes a result table as one JSON document on one line: an array with one
/// object a row, keyed by column name.
enum JSONWriter {
  /// The whole table as one line of JSON.
  static func document(_ table: ResultTable) -> String {
    let keys = table.columns.map(quoted)
    var output = "["
    for (rowIndex, row) in table.rows.enumerated() {
      if rowIndex > 0 { output += "," }
      output += "{"
      for (column, cell) in row.enumerated() {
        if column > 0 { output += "," }
        output += column < keys.count ? keys[column] : quoted("column\(column + 1)")
        output += ":"
        output += value(cell)
      }
      output += "}"
    }
    return output + "]"
  }

  /// A cell as a JSON value: numbers bare, missing (and non-finite numbers) as null.
  static func value(_ cell: Cell) -> String {
    switch cell {
    case .number(let number):
      return number.isFinite ? NumberFormatting.format(number) : "null"
    case .boolean(let flag): return flag ? "true" : "false"
    case .missing: return "null"
    case .text, .date, .grade: return quoted(cell.plainText)
    }
  }

  /// `text` as a JSON string, escaping quotes, backslashes and control characters.
  static func quoted(_ text: String) -> String {
    var output = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": output += "\\\""
      case "\\": output += "\\\\"
      case "\n": output += "\\n"
      case "\r": output += "\\r"
      case "\t": output += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
        let hex = String(scalar.value, radix: 16)
        output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      default: output.unicodeScalars.append(scalar)
      }
    }
    return output + "\""
  }
}
