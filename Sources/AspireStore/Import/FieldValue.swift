/// One column's value in one row, once read and checked.
enum FieldValue<Value> {
  /// The file has no such column.
  case absent
  /// The column is there but the cell is empty.
  case empty
  case value(Value)
  /// The cell could not be read; the row already has a problem for it.
  case invalid

  /// The value, when there is one.
  var value: Value? {
    if case .value(let value) = self { return value }
    return nil
  }

  /// The value for the store: nil leaves the stored value alone, as an absent
  /// column does (and an empty cell when `emptyLeavesAlone`); an empty cell
  /// otherwise clears it.
  func stored(emptyLeavesAlone: Bool = false, _ convert: (Value) -> SQLValue) -> SQLValue? {
    switch self {
    case .absent, .invalid: return nil
    case .empty: return emptyLeavesAlone ? nil : .null
    case .value(let value): return convert(value)
    }
  }
}

extension FieldValue where Value == String {
  /// Text for the store, as `stored(_:)` describes.
  var storedText: SQLValue? { stored { .text($0) } }
}
