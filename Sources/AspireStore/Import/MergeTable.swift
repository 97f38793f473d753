/// How an import writes one table: the columns that identify a row and the
/// columns it sets.
struct MergeTable {
  let name: String
  let keyColumns: [String]
  let valueColumns: [String]
  /// The value a new row gets for a value column the file leaves unsaid.
  let defaults: [SQLValue]
  /// Key columns compared without regard to ASCII case (a contact's email).
  let caseFoldedKeys: Set<String>
  /// Only rows with this value in this column are candidates (the session).
  let scope: (column: String, value: SQLValue)?

  /// A table matched on `keyColumns`; `defaults` fill value columns a new row lacks.
  init(
    name: String, keyColumns: [String], valueColumns: [String],
    defaults: [String: SQLValue] = [:], caseFoldedKeys: Set<String> = [],
    scope: (column: String, value: SQLValue)? = nil
  ) {
    self.name = name
    self.keyColumns = keyColumns
    self.valueColumns = valueColumns
    self.defaults = valueColumns.map { defaults[$0] ?? .null }
    self.caseFoldedKeys = caseFoldedKeys
    self.scope = scope
  }

  /// Inserts a whole row: key columns, then value columns.
  var insertSQL: String {
    let columns = keyColumns + valueColumns
    let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
    return "INSERT INTO \(name) (\(columns.joined(separator: ", "))) VALUES (\(placeholders))"
  }

  /// Reads a stored row's value columns by rowid.
  var selectValuesSQL: String {
    "SELECT \(valueColumns.joined(separator: ", ")) FROM \(name) WHERE rowid = ?"
  }

  /// Sets one value column of a row, by rowid.
  func updateSQL(column: String) -> String {
    "UPDATE \(name) SET \(column) = ? WHERE rowid = ?"
  }

  /// The text a key is matched by: its values joined, folded where asked.
  func matchKey(_ values: [SQLValue]) -> String {
    var key = ""
    for (index, value) in values.enumerated() {
      if index > 0 { key.append("\u{1F}") }
      let text = value.description
      key.append(caseFoldedKeys.contains(keyColumns[index]) ? text.asciiLowercased() : text)
    }
    return key
  }
}

/// One row an import wants in one table. A nil value leaves the stored value
/// as it is (or takes the default in a new row).
struct RowWrite {
  /// Index of the table in the converter's `tables`.
  let table: Int
  let key: [SQLValue]
  let values: [SQLValue?]
}

/// What one row of a file did to the store.
enum RowEffect {
  case added, changed, unchanged
}

extension String {
  /// The text with ASCII letters lowercased, as SQLite's NOCASE compares.
  func asciiLowercased() -> String {
    String(decoding: utf8.map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }, as: UTF8.self)
  }
}
