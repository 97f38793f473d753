/// One value as SQLite stores it: the four storage classes the store uses.
public enum SQLValue: Hashable, Sendable, CustomStringConvertible {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)

  /// The value as plain text, as the `sqlite3` shell would show it; empty for null.
  public var description: String {
    switch self {
    case .null: return ""
    case .integer(let value): return String(value)
    case .real(let value): return String(value)
    case .text(let value): return value
    }
  }

  /// The text, or nil when the value is not text.
  public var text: String? {
    if case .text(let value) = self { return value }
    return nil
  }

  /// The whole number, or nil when the value is not an integer.
  public var integer: Int64? {
    if case .integer(let value) = self { return value }
    return nil
  }

  /// Whether the value is SQL NULL.
  public var isNull: Bool { self == .null }
}

extension SQLValue {
  /// Text, or null when `value` is nil.
  static func text(_ value: String?) -> SQLValue { value.map { .text($0) } ?? .null }

  /// A boolean as SQLite stores it: 1 or 0.
  static func boolean(_ value: Bool) -> SQLValue { .integer(value ? 1 : 0) }
}
