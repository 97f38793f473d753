import AspireModel

/// The values of one expression for every row of a batch. Numbers and
/// booleans are kept in contiguous arrays, so kernels over them run as plain
/// loops; other values are held one `Value` per row.
public enum Column: Sendable {
  /// Numbers, with `present[i] == false` where row `i` is missing (nil: none is).
  case numbers([Double], present: [Bool]?)
  case booleans([Bool], present: [Bool]?)
  case values([Value])
  /// Rows of a table, by index; -1 where the row is missing.
  case records(TableData, [Int])

  /// A column holding `value` in each of `count` rows.
  public init(repeating value: Value, count: Int) {
    switch value {
    case .number(let number): self = .numbers(Array(repeating: number, count: count), present: nil)
    case .boolean(let flag): self = .booleans(Array(repeating: flag, count: count), present: nil)
    default: self = .values(Array(repeating: value, count: count))
    }
  }

  /// A column from one value per row, packed as the type calls for.
  public init(_ values: [Value], type: ValueType) {
    switch type.present {
    case .number:
      var numbers = [Double](repeating: 0, count: values.count)
      var present: [Bool]?
      for (row, value) in values.enumerated() {
        if case .number(let number) = value {
          numbers[row] = number
        } else {
          if present == nil { present = Array(repeating: true, count: values.count) }
          present![row] = false
        }
      }
      self = .numbers(numbers, present: present)
    case .boolean:
      var flags = [Bool](repeating: false, count: values.count)
      var present: [Bool]?
      for (row, value) in values.enumerated() {
        if case .boolean(let flag) = value {
          flags[row] = flag
        } else {
          if present == nil { present = Array(repeating: true, count: values.count) }
          present![row] = false
        }
      }
      self = .booleans(flags, present: present)
    default:
      self = .values(values)
    }
  }

  public var count: Int {
    switch self {
    case .numbers(let numbers, _): return numbers.count
    case .booleans(let flags, _): return flags.count
    case .values(let values): return values.count
    case .records(_, let rows): return rows.count
    }
  }

  /// The value in `row`.
  public func value(at row: Int) -> Value {
    switch self {
    case .numbers(let numbers, let present):
      return present?[row] == false ? .missing : .number(numbers[row])
    case .booleans(let flags, let present):
      return present?[row] == false ? .missing : .boolean(flags[row])
    case .values(let values):
      return values[row]
    case .records(let table, let rows):
      return rows[row] < 0 ? .missing : .record(table, rows[row])
    }
  }

  public var allValues: [Value] { (0..<count).map(value(at:)) }

  /// One value per row as a plain array: the stored array itself for a
  /// column of values, so loops over rows index an array instead of asking
  /// the column (which would count a reference on every call).
  public var valueArray: [Value] {
    if case .values(let values) = self { return values }
    return allValues
  }

  /// Whether each row is missing, as a plain array.
  public var missingFlags: [Bool] {
    switch self {
    case .numbers(let numbers, let present):
      return present?.map { !$0 } ?? Array(repeating: false, count: numbers.count)
    case .booleans(let flags, let present):
      return present?.map { !$0 } ?? Array(repeating: false, count: flags.count)
    case .values(let values): return values.map(\.isMissing)
    case .records(_, let rows): return rows.map { $0 < 0 }
    }
  }

  /// The rows at `indices`, in that order.
  public func gathered(_ indices: [Int]) -> Column {
    switch self {
    case .numbers(let numbers, let present):
      return .numbers(
        indices.map { numbers[$0] }, present: present.map { p in indices.map { p[$0] } })
    case .booleans(let flags, let present):
      return .booleans(
        indices.map { flags[$0] }, present: present.map { p in indices.map { p[$0] } })
    case .values(let values):
      return .values(indices.map { values[$0] })
    case .records(let table, let rows):
      return .records(table, indices.map { rows[$0] })
    }
  }

  /// The rows at `indices`, where -1 gives a missing value.
  public func gatheredAllowingMissing(_ indices: [Int]) -> Column {
    guard indices.contains(where: { $0 < 0 }) else { return gathered(indices) }
    switch self {
    case .numbers(let numbers, let present):
      return .numbers(
        indices.map { $0 < 0 ? 0 : numbers[$0] },
        present: indices.map { $0 >= 0 && (present?[$0] ?? true) })
    case .booleans(let flags, let present):
      return .booleans(
        indices.map { $0 >= 0 && flags[$0] },
        present: indices.map { $0 >= 0 && (present?[$0] ?? true) })
    case .values(let values):
      return .values(indices.map { $0 < 0 ? .missing : values[$0] })
    case .records(let table, let rows):
      return .records(table, indices.map { $0 < 0 ? -1 : rows[$0] })
    }
  }
}
