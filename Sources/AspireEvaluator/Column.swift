import AspireLanguage
import AspireModel

/// The values of one expression for every row of a batch. Numbers and
/// booleans are kept in contiguous arrays, so kernels over them run as plain
/// loops; other values are held one `Value` per row.
public enum Column: Sendable {
  /// Numbers, with `present[i] == false` where row `i` is missing (nil: none is).
  case numbers([Double], present: [Bool]?)
  case booleans([Bool], present: [Bool]?)
  case values([Value])

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
    }
  }

  public var allValues: [Value] { (0..<count).map(value(at:)) }

  /// The rows at `indices`, in that order.
  public func gathered(_ indices: [Int]) -> Column {
    switch self {
    case .numbers(let numbers, let present):
      return .numbers(indices.map { numbers[$0] }, present: present.map { p in indices.map { p[$0] } })
    case .booleans(let flags, let present):
      return .booleans(indices.map { flags[$0] }, present: present.map { p in indices.map { p[$0] } })
    case .values(let values):
      return .values(indices.map { values[$0] })
    }
  }

  /// Builds a column of `count` rows from parts evaluated on subsets of rows.
  static func scatter(_ parts: [(indices: [Int], column: Column)], count: Int, type: ValueType)
    -> Column
  {
    if type.present == .number {
      var numbers = [Double](repeating: 0, count: count)
      var present = [Bool](repeating: false, count: count)
      var anyMissing = false
      var filled = 0
      for (indices, column) in parts {
        guard case .numbers(let values, let mask) = column else {
          for (offset, row) in indices.enumerated() {
            if case .number(let number) = column.value(at: offset) {
              numbers[row] = number
              present[row] = true
            }
          }
          anyMissing = true
          continue
        }
        for (offset, row) in indices.enumerated() {
          numbers[row] = values[offset]
          let here = mask?[offset] ?? true
          present[row] = here
          if !here { anyMissing = true }
        }
        filled += indices.count
      }
      return .numbers(numbers, present: anyMissing || filled < count ? present : nil)
    }
    var values = [Value](repeating: .missing, count: count)
    for (indices, column) in parts {
      for (offset, row) in indices.enumerated() { values[row] = column.value(at: offset) }
    }
    return Column(values, type: type)
  }
}
