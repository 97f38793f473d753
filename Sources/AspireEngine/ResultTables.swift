import AspireLanguage
import AspireModel
import AspireStore

extension ResultTable {
  /// A query's rows as a result table: one column per field the rows show
  /// (a group's own rows are left out), linked records by name.
  public init(_ table: TableValue) {
    let record = table.data.record
    let shown = record.fields.indices.filter {
      if case .table = record.fields[$0].type { return false }
      return true
    }
    self.init(
      columns: shown.map { record.fields[$0].name },
      rows: table.rows.map { row in
        shown.map { Cell(table.data.value($0, at: row)) }
      })
  }
}

extension Cell {
  /// A value as a cell: numbers, dates, grades and booleans keep their type.
  public init(_ value: Value) {
    switch value {
    case .number(let number): self = .number(number)
    case .text(let text): self = .text(text)
    case .boolean(let flag): self = .boolean(flag)
    case .date(let date): self = .date(date)
    case .grade(let grade): self = .grade(grade)
    case .missing: self = .missing
    default: self = .text(ValuePrinter.print(value))
    }
  }
}
