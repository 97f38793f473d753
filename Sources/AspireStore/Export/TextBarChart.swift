/// A bar chart in text for a grouped result: one bar a row, labelled by the
/// first column, as long as the last column's number allows.
public enum TextBarChart {
  /// The most rows a chart draws; a longer result is better read as a table.
  public static let maximumRows = 40

  /// The chart, or nil when the table is not of the shape it draws: a first
  /// column that names the rows and a last column of numbers.
  public static func render(_ table: ResultTable, width: Int) -> String? {
    guard table.columns.count >= 2, !table.rows.isEmpty, table.rows.count <= maximumRows
    else { return nil }
    var values: [Double] = []
    for row in table.rows {
      switch row[row.count - 1] {
      case .number(let number): values.append(number)
      case .missing: values.append(0)
      default: return nil
      }
    }
    let labels = table.rows.map { $0[0].plainText }
    let labelWidth = min(30, labels.map(\.count).max() ?? 0)
    let numbers = values.map(NumberFormatting.format)
    let numberWidth = numbers.map(\.count).max() ?? 0
    let barWidth = max(10, width - labelWidth - numberWidth - 4)
    let largest = values.map { abs($0) }.max() ?? 0
    var lines = ["\(table.columns[table.columns.count - 1]):"]
    for (index, value) in values.enumerated() {
      let length = largest == 0 ? 0 : Int((abs(value) / largest * Double(barWidth)).rounded())
      var label = labels[index]
      if label.count > labelWidth { label = String(label.prefix(labelWidth - 1)) + "…" }
      let padding = String(repeating: " ", count: labelWidth - label.count)
      let bar = String(repeating: value < 0 ? "░" : "█", count: length)
      lines.append("\(label)\(padding) │\(bar) \(numbers[index])")
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
