import AspireLanguage

/// Where the school's tables come from when a script names them: the store,
/// in the command line; tables built in memory, in tests.
public protocol DataSource: AnyObject {
  /// The rows of `entity`: of the session named by `selector` (a text such
  /// as `"2025-26"`), of the year (a number, for results), or, when nil, of
  /// the default session.
  func table(_ entity: Entity, selector: Value?) throws -> TableData

  /// For each row of `parent`, the rows of the relation's child table that
  /// belong to it.
  func related(_ relation: Relation, of parent: TableData) throws
    -> (child: TableData, rows: [[Int]])

  /// Forgets the tables loaded so far, after the store changed underneath.
  func reload()
}

/// A data source's failure, shown as a runtime error at the table's name.
public struct DataSourceError: Error, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
