/// A result table's cells as the text a person sees, with a width for each
/// column: line breaks and tabs shown as `\n` and `\t`, number columns marked
/// for right alignment, and text cut with `…` once the widths are narrowed.
struct TableLayout {
  var header: [String]
  var rows: [[String]]
  /// Whether each column holds numbers (and missing values) only.
  var rightAligned: [Bool]
  var widths: [Int]
  /// The narrowest a column is ever made when fitting a width.
  static let narrowest = 4

  /// The table's text as shown, each column as wide as its widest cell (and
  /// at least `minimumWidth`); `escapingPipes` writes `|` as `\|` for Markdown.
  init(_ table: ResultTable, escapingPipes: Bool = false, minimumWidth: Int = 1) {
    func shown(_ text: String) -> String {
      var output = ""
      for character in text {
        switch character {
        case "\n", "\r\n": output += "\\n"
        case "\r": output += "\\r"
        case "\t": output += "\\t"
        case "|" where escapingPipes: output += "\\|"
        default: output.append(character)
        }
      }
      return output
    }
    let columnCount = table.columns.count
    header = table.columns.map(shown)
    rows = table.rows.map { row in
      (0..<columnCount).map { column in column < row.count ? shown(row[column].plainText) : "" }
    }
    rightAligned = (0..<columnCount).map { column in
      var sawNumber = false
      for row in table.rows where column < row.count {
        switch row[column] {
        case .number: sawNumber = true
        case .missing: continue
        default: return false
        }
      }
      return sawNumber
    }
    widths = header.map { max(minimumWidth, DisplayWidth.of($0)) }
    for row in rows {
      for (column, text) in row.enumerated() {
        widths[column] = max(widths[column], DisplayWidth.of(text))
      }
    }
  }

  /// How many columns the table has.
  var columnCount: Int { header.count }

  /// Narrows the widest columns until all of them together take at most
  /// `available` columns, never below `narrowest` (or a column's own width).
  mutating func fit(into available: Int) {
    guard widths.reduce(0, +) > available else { return }
    let floors = widths.map { min($0, TableLayout.narrowest) }
    func total(capped cap: Int) -> Int {
      widths.indices.reduce(0) { $0 + min(widths[$1], max(cap, floors[$1])) }
    }
    // The largest cap that fits, found by halving the range it lies in.
    var low = 0
    var high = widths.max() ?? 0
    while low < high {
      let middle = (low + high + 1) / 2
      if total(capped: middle) <= available { low = middle } else { high = middle - 1 }
    }
    var capped = widths.indices.map { min(widths[$0], max(low, floors[$0])) }
    // Hand the columns left over to the columns that were cut, left first.
    var spare = available - capped.reduce(0, +)
    for column in capped.indices where spare > 0 && capped[column] < widths[column] {
      capped[column] += 1
      spare -= 1
    }
    widths = capped
  }

  /// The header of `column`, cut and padded to its width.
  func padded(header column: Int) -> String {
    padded(header[column], column: column)
  }

  /// `text` cut to the column's width and padded on the side its alignment calls for.
  func padded(_ text: String, column: Int) -> String {
    let width = widths[column]
    let cut = TableLayout.cut(text, to: width)
    let padding = String(repeating: " ", count: max(0, width - DisplayWidth.of(cut)))
    return rightAligned[column] ? padding + cut : cut + padding
  }

  /// `text` unchanged if it fits in `width` columns, else as much of it as fits
  /// with `…` in the last column.
  static func cut(_ text: String, to width: Int) -> String {
    guard DisplayWidth.of(text) > width else { return text }
    guard width > 0 else { return "" }
    var output = ""
    var used = 0
    for character in text {
      let size = DisplayWidth.of(character)
      if used + size > width - 1 { break }
      output.append(character)
      used += size
    }
    return output + "…"
  }
}

/// How many terminal columns text takes: one a character, two for the wide
/// characters of East Asian scripts and emoji, none for a lone combining mark.
enum DisplayWidth {
  /// The columns `text` takes.
  static func of(_ text: String) -> Int {
    text.reduce(0) { $0 + of($1) }
  }

  /// The columns one character takes: 0, 1 or 2.
  static func of(_ character: Character) -> Int {
    guard let first = character.unicodeScalars.first else { return 0 }
    let value = first.value
    if value < 0x300 { return 1 }
    if first.properties.generalCategory == .nonspacingMark { return 0 }
    let wide: [ClosedRange<UInt32>] = [
      0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
      0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF,
      0x20000...0x3FFFD,
    ]
    return wide.contains { $0.contains(value) } ? 2 : 1
  }
}
