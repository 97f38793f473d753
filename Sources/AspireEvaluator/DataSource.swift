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
  func related(_ relation: Relation, of parent: TableData) throws -> Relationship

  /// Forgets the tables loaded so far, after the store changed underneath.
  func reload()
}

/// For each row of a parent table, the rows of a child table that belong to
/// it (a learner's results), in the child's order: one array of child rows,
/// each parent's together, cut by offsets.
public struct Relationship: Sendable {
  public let child: TableData
  /// Parent row `p`'s child rows are `rows[offsets[p]..<offsets[p + 1]]`.
  public let offsets: [Int]
  public let rows: [Int]

  public init(child: TableData, offsets: [Int], rows: [Int]) {
    precondition(offsets.first == 0 && offsets.last == rows.count)
    self.child = child
    self.offsets = offsets
    self.rows = rows
  }

  /// From each parent row's child rows.
  public init(child: TableData, groups: [[Int]]) {
    var offsets = [0]
    offsets.reserveCapacity(groups.count + 1)
    for group in groups { offsets.append(offsets.last! + group.count) }
    self.init(child: child, offsets: offsets, rows: joined(groups))
  }

  /// How many parent rows there are.
  public var parentCount: Int { offsets.count - 1 }

  /// The child rows of parent row `parent`.
  public subscript(parent: Int) -> ArraySlice<Int> {
    rows[offsets[parent]..<offsets[parent + 1]]
  }

  /// For each of some parent rows (-1: a missing record), its child rows.
  public func rows(of parents: [Int]) -> RelatedRows {
    var lower = [Int](repeating: 0, count: parents.count)
    var upper = [Int](repeating: 0, count: parents.count)
    var present: [Bool]?
    for (offset, parent) in parents.enumerated() {
      guard parent >= 0 else {
        if present == nil { present = Array(repeating: true, count: parents.count) }
        present![offset] = false
        continue
      }
      lower[offset] = offsets[parent]
      upper[offset] = offsets[parent + 1]
    }
    return RelatedRows(table: child, rows: rows, lower: lower, upper: upper, present: present)
  }
}

/// A data source's failure, shown as a runtime error at the table's name.
public struct DataSourceError: Error, CustomStringConvertible {
  public var message: String

  public init(_ message: String) {
    self.message = message
  }

  public var description: String { message }
}
