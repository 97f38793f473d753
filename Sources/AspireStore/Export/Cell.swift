import AspireModel

/// One value in a result table, typed so each output format can write it right.
public enum Cell: Hashable, Sendable {
  case number(Double)
  case text(String)
  case date(CalendarDate)
  case grade(Grade)
  case boolean(Bool)
  case missing

  /// A cell for a value read from the store: numbers, text, or missing for null.
  public init(_ value: SQLValue) {
    switch value {
    case .null: self = .missing
    case .integer(let number): self = .number(Double(number))
    case .real(let number): self = .number(number)
    case .text(let text): self = .text(text)
    }
  }

  /// The cell as plain text: numbers like C's `%.15g`, dates as `2026-08-24`,
  /// grades by name, booleans as `true`/`false`, missing as empty.
  public var plainText: String {
    switch self {
    case .number(let number): return NumberFormatting.format(number)
    case .text(let text): return text
    case .date(let date): return date.description
    case .grade(let grade): return grade.name
    case .boolean(let value): return value ? "true" : "false"
    case .missing: return ""
    }
  }
}
