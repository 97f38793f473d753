import AspireModel

/// The values of one expression for every row of a batch. Numbers, booleans,
/// grades and levels are kept in contiguous arrays, so kernels over them run
/// as plain loops; other values are held one `Value` per row.
public enum Column: Sendable {
  /// Numbers, with `present[i] == false` where row `i` is missing (nil: none is).
  case numbers([Double], present: [Bool]?)
  case booleans([Bool], present: [Bool]?)
  /// Grades as ranks on their scales.
  case grades(GradeColumn)
  /// Levels, nil where missing.
  case levels([Level?])
  case values([Value])
  /// Rows of a table, by index; -1 where the row is missing.
  case records(TableData, [Int])
  /// For each row, the rows of another table that belong to it.
  case related(RelatedRows)

  /// A column holding `value` in each of `count` rows.
  public init(repeating value: Value, count: Int) {
    switch value {
    case .number(let number): self = .numbers(Array(repeating: number, count: count), present: nil)
    case .boolean(let flag): self = .booleans(Array(repeating: flag, count: count), present: nil)
    case .level(let level): self = .levels(Array(repeating: level, count: count))
    case .grade(let grade):
      guard let packed = GradeColumn([value]) else {
        self = .values(Array(repeating: value, count: count))
        return
      }
      self = .grades(
        GradeColumn(
          scales: packed.scales, scale: Array(repeating: packed.scale[0], count: count),
          rank: Array(repeating: Int8(grade.rank), count: count)))
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
    case .grade:
      self = GradeColumn(values).map(Column.grades) ?? .values(values)
    case .level:
      var levels = [Level?](repeating: nil, count: values.count)
      for (row, value) in values.enumerated() {
        switch value {
        case .level(let level): levels[row] = level
        case .missing: continue
        default:
          self = .values(values)
          return
        }
      }
      self = .levels(levels)
    default:
      self = .values(values)
    }
  }

  public var count: Int {
    switch self {
    case .numbers(let numbers, _): return numbers.count
    case .booleans(let flags, _): return flags.count
    case .grades(let grades): return grades.count
    case .levels(let levels): return levels.count
    case .values(let values): return values.count
    case .records(_, let rows): return rows.count
    case .related(let related): return related.count
    }
  }

  /// The value in `row`.
  public func value(at row: Int) -> Value {
    switch self {
    case .numbers(let numbers, let present):
      return present?[row] == false ? .missing : .number(numbers[row])
    case .booleans(let flags, let present):
      return present?[row] == false ? .missing : .boolean(flags[row])
    case .grades(let grades):
      return grades.grade(at: row).map(Value.grade) ?? .missing
    case .levels(let levels):
      return levels[row].map(Value.level) ?? .missing
    case .values(let values):
      return values[row]
    case .records(let table, let rows):
      return rows[row] < 0 ? .missing : .record(table, rows[row])
    case .related(let related):
      return related.table(at: row).map(Value.table) ?? .missing
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
    case .grades(let grades): return grades.rank.map { $0 < 0 }
    case .levels(let levels): return levels.map { $0 == nil }
    case .values(let values): return values.map(\.isMissing)
    case .records(_, let rows): return rows.map { $0 < 0 }
    case .related(let related):
      return related.present?.map { !$0 } ?? Array(repeating: false, count: related.count)
    }
  }

  /// The rows at `indices`, in that order.
  public func gathered(_ indices: [Int]) -> Column {
    switch self {
    case .numbers(let numbers, let present):
      return .numbers(numbers.gathered(indices), present: present?.gathered(indices))
    case .booleans(let flags, let present):
      return .booleans(flags.gathered(indices), present: present?.gathered(indices))
    case .grades(let grades):
      return .grades(grades.gathered(indices))
    case .levels(let levels):
      return .levels(levels.gathered(indices))
    case .values(let values):
      return .values(values.gathered(indices))
    case .records(let table, let rows):
      return .records(table, rows.gathered(indices))
    case .related(let related):
      return .related(related.gathered(indices))
    }
  }

  /// The rows at `indices`, where -1 gives a missing value.
  public func gatheredAllowingMissing(_ indices: [Int]) -> Column {
    switch self {
    case .numbers(let numbers, let present):
      let known = (present ?? Array(repeating: true, count: numbers.count))
        .gathered(indices, filler: false)
      let anyMissing = known.contains(false)
      return .numbers(numbers.gathered(indices, filler: 0), present: anyMissing ? known : nil)
    case .booleans(let flags, let present):
      let known = (present ?? Array(repeating: true, count: flags.count))
        .gathered(indices, filler: false)
      let anyMissing = known.contains(false)
      return .booleans(flags.gathered(indices, filler: false), present: anyMissing ? known : nil)
    case .grades(let grades):
      return .grades(grades.gathered(indices))
    case .levels(let levels):
      return .levels(levels.gathered(indices, filler: nil))
    case .values(let values):
      return .values(values.gathered(indices, filler: .missing))
    case .records(let table, let rows):
      return .records(table, rows.gathered(indices, filler: -1))
    case .related(let related):
      return .related(related.gathered(indices))
    }
  }
}
