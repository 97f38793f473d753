import AspireModel

/// One value at run time, as printed and as held in lists. Columns of many
/// values use `Column`, which keeps numbers in contiguous arrays.
public enum Value: Hashable, Sendable {
  case number(Double)
  case text(String)
  case boolean(Bool)
  case date(CalendarDate)
  case grade(Grade)
  case stage(Stage)
  case level(Level)
  case status(Status)
  case list([Value])
  /// One row of a loaded table.
  case record(TableData, Int)
  /// Rows of a loaded table: a school table, a cohort, a query's result.
  case table(TableValue)
  case missing

  public var isMissing: Bool {
    if case .missing = self { return true }
    return false
  }
}

/// A table loaded into columns: one `Column` per field of its record type,
/// each with `count` rows. Immutable once built.
public final class TableData: Hashable, Sendable {
  public let record: RecordType
  public let count: Int
  public let columns: [Column]

  public init(record: RecordType, count: Int, columns: [Column]) {
    precondition(columns.count == record.fields.count)
    self.record = record
    self.count = count
    self.columns = columns
  }

  /// The value of field `field` in row `row`.
  public func value(_ field: Int, at row: Int) -> Value {
    columns[field].value(at: row)
  }

  public static func == (lhs: TableData, rhs: TableData) -> Bool { lhs === rhs }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(ObjectIdentifier(self))
  }
}

/// Some rows of a table, in order: what a query step produces.
public struct TableValue: Hashable, Sendable {
  public let data: TableData
  public let rows: [Int]

  public init(data: TableData, rows: [Int]) {
    self.data = data
    self.rows = rows
  }

  /// Every row of the table, in order.
  public init(all data: TableData) {
    self.init(data: data, rows: Array(0..<data.count))
  }
}
