/// For each row of a batch, the rows of one table that belong to it: a
/// learner's results. Every row's rows are a slice of one shared array of
/// row numbers, the related table's rows grouped by parent, so a column of
/// them is two bounds a row, never an array a row.
public struct RelatedRows: Sendable {
  /// The table the rows are rows of.
  public let table: TableData
  /// Row numbers of `table`, each parent's together.
  public let rows: [Int]
  /// For each row of the batch, where its rows start and end in `rows`.
  public var lower: [Int]
  public var upper: [Int]
  /// Whether each row has rows at all (false: its record was missing); nil
  /// when every row has.
  public var present: [Bool]?

  public init(table: TableData, rows: [Int], lower: [Int], upper: [Int], present: [Bool]?) {
    precondition(lower.count == upper.count)
    self.table = table
    self.rows = rows
    self.lower = lower
    self.upper = upper
    self.present = present
  }

  public var count: Int { lower.count }

  /// The rows of `row`, as a table value; nil where its record was missing.
  public func table(at row: Int) -> TableValue? {
    if present?[row] == false { return nil }
    return TableValue(data: table, rows: Array(rows[lower[row]..<upper[row]]))
  }

  /// The batch rows at `indices`, in that order; -1 gives a missing row.
  public func gathered(_ indices: [Int]) -> RelatedRows {
    var lower = [Int](repeating: 0, count: indices.count)
    var upper = [Int](repeating: 0, count: indices.count)
    var present: [Bool]?
    for (offset, index) in indices.enumerated() {
      if index < 0 || self.present?[index] == false {
        if present == nil { present = Array(repeating: true, count: indices.count) }
        present![offset] = false
        continue
      }
      lower[offset] = self.lower[index]
      upper[offset] = self.upper[index]
    }
    return RelatedRows(table: table, rows: rows, lower: lower, upper: upper, present: present)
  }

  /// Every row's rows one after another, and where each row's start among
  /// them (`bounds[row]..<bounds[row + 1]`). When the slices already lie end
  /// to end in `rows`, as they do for every record of a table in order, they
  /// are shared, not copied.
  public func flattened() -> (rows: [Int], bounds: [Int]) {
    var bounds = [Int](repeating: 0, count: count + 1)
    var contiguous = true
    var start: Int?
    var end = 0
    for row in 0..<count {
      let size = upper[row] - lower[row]
      bounds[row + 1] = bounds[row] + size
      guard size > 0 else { continue }
      if start == nil { start = lower[row] } else if lower[row] != end { contiguous = false }
      end = upper[row]
    }
    let total = bounds[count]
    if contiguous {
      let first = start ?? 0
      if first == 0 && total == rows.count { return (rows, bounds) }
      return (Array(rows[first..<(first + total)]), bounds)
    }
    var flat = [Int]()
    flat.reserveCapacity(total)
    for row in 0..<count { flat.append(contentsOf: rows[lower[row]..<upper[row]]) }
    return (flat, bounds)
  }
}
