import AspireLanguage

/// A small table for people to read, built row by row: what the statements
/// about targets print.
struct ReportTable {
  var columns: [RecordType.Field]
  var rows: [[Value]] = []

  init(_ columns: [(String, ValueType)]) {
    self.columns = columns.map { RecordType.Field($0.0, $0.1) }
  }

  mutating func append(_ row: [Value]) {
    rows.append(row)
  }

  /// The table as a value that prints as a table.
  var value: Value {
    let record = RecordType(name: "row", fields: columns)
    let data = TableData(
      record: record, count: rows.count,
      columns: columns.indices.map { index in
        Column(rows.map { $0[index] }, type: columns[index].type)
      })
    return .table(TableValue(all: data))
  }
}

/// A number rounded for reading: 2 decimal places.
func rounded(_ number: Double) -> Value {
  number.isFinite ? .number((number * 100).rounded() / 100) : .missing
}

/// A share as a percentage with one decimal place.
func percent(_ part: Int, of whole: Int) -> Value {
  whole == 0 ? .missing : .number((Double(part) * 1000 / Double(whole)).rounded() / 10)
}
