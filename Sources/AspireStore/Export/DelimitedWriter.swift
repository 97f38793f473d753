/// Writes result tables as CSV (RFC 4180 quoting) or TSV, with text that a
/// spreadsheet would run as a formula neutralised by a leading `'`.
enum DelimitedWriter {
  /// The table as CSV: a header line, then one line a row.
  static func csv(_ table: ResultTable) -> String {
    write(table, separator: ",", field: csvField)
  }

  /// One cell as a CSV field, quoted when it holds a comma, quote or line break.
  static func csvField(_ cell: Cell) -> String {
    let text = neutralised(cell)
    let needsQuotes = text.utf8.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
    guard needsQuotes else { return text }
    return "\"" + text.replacingAll("\"", with: "\"\"") + "\""
  }

  /// The table as TSV; a tab, line break or backslash inside a cell is written
  /// as `\t`, `\n`, `\r` or `\\` so that every row stays one line.
  static func tsv(_ table: ResultTable) -> String {
    write(table, separator: "\t", field: tsvField)
  }

  /// One cell as a TSV field, with tabs, line breaks and backslashes escaped.
  static func tsvField(_ cell: Cell) -> String {
    var escaped = ""
    for character in neutralised(cell).unicodeScalars {
      switch character {
      case "\\": escaped += "\\\\"
      case "\t": escaped += "\\t"
      case "\n": escaped += "\\n"
      case "\r": escaped += "\\r"
      default: escaped.unicodeScalars.append(character)
      }
    }
    return escaped
  }

  private static func write(
    _ table: ResultTable, separator: String, field: (Cell) -> String
  ) -> String {
    var output = table.columns.map { field(.text($0)) }.joined(separator: separator) + "\n"
    for row in table.rows {
      output += row.map(field).joined(separator: separator)
      output += "\n"
    }
    return output
  }

  /// The cell's text, with `'` put before text starting with `=`, `+`, `-` or `@`.
  /// Numbers, dates and grades are never formulas and are left alone.
  static func neutralised(_ cell: Cell) -> String {
    guard case .text(let text) = cell, let first = text.unicodeScalars.first,
      first == "=" || first == "+" || first == "-" || first == "@"
    else { return cell.plainText }
    return "'" + text
  }
}

extension String {
  /// The text with every `target` replaced by `replacement`.
  func replacingAll(_ target: Character, with replacement: String) -> String {
    var output = ""
    for character in self {
      if character == target { output += replacement } else { output.append(character) }
    }
    return output
  }
}
