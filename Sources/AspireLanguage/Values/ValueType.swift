import AspireModel

/// The type of a value, as the checker knows it before anything runs.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
  case number, text, boolean, date
  case grade(GradeScale)
  case stage, level, status
  case list(ValueType)
  /// One row of a table: a learner, an enrolment, a row a query made.
  case record(RecordType)
  /// Rows of one record type: a school table, a cohort, a query's result.
  case table(RecordType)
  /// A value that may be missing, such as a learner's prior grade.
  case optional(ValueType)
  /// The literal `missing`: no value, of no type yet.
  case missing
  /// The element type of an empty list, which fits any other.
  case unknown
  /// Where an error was already reported; fits anything, reports nothing more.
  case error

  /// The type with the possibility of being missing added.
  public var orMissing: ValueType {
    switch self {
    case .optional, .missing, .error: return self
    default: return .optional(self)
    }
  }

  /// The type without the possibility of being missing.
  public var present: ValueType {
    if case .optional(let base) = self { return base }
    return self
  }

  public var mayBeMissing: Bool {
    switch self {
    case .optional, .missing: return true
    default: return false
    }
  }

  /// Whether values of the type have an order, for `<`, `min` and `sort`.
  public var isOrdered: Bool {
    switch present {
    case .number, .text, .date, .grade, .stage, .level, .status: return true
    default: return false
    }
  }

  /// The one type that values of both types can share (as the branches of
  /// an `if` must), or nil when they cannot.
  public static func unify(_ a: ValueType, _ b: ValueType) -> ValueType? {
    switch (a, b) {
    case (.error, _), (_, .error): return .error
    case (.unknown, _): return b
    case (_, .unknown): return a
    case (.missing, .missing): return .missing
    case (.missing, _): return b.orMissing
    case (_, .missing): return a.orMissing
    case (.optional(let x), _), (_, .optional(let x)):
      let other = a.mayBeMissing ? b.present : a.present
      return unify(x, other)?.orMissing
    case (.list(let x), .list(let y)):
      return unify(x, y).map { .list($0) }
    case (.grade(let x), .grade(let y)) where x.isPerRow || y.isPerRow:
      return .grade(.perRow)
    default:
      return a == b ? a : nil
    }
  }

  public var description: String {
    switch self {
    case .number: return "number"
    case .text: return "text"
    case .boolean: return "boolean"
    case .date: return "date"
    case .grade(let scale): return scale.isPerRow ? "grade" : "grade (\(scale.name))"
    case .stage: return "stage"
    case .level: return "level"
    case .status: return "status"
    case .record(let record): return record.name
    case .table(let record): return "table of \(record.name)"
    case .list(.unknown): return "empty list"
    case .list(let element): return "list of \(element)"
    case .optional(let base): return "\(base) or missing"
    case .missing: return "missing"
    case .unknown: return "unknown"
    case .error: return "error"
    }
  }
}
