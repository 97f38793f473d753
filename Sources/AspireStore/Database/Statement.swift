import CSQLite

/// A prepared SQL statement. Values are only ever bound as parameters, never
/// written into the SQL text.
public final class Statement {
  let handle: OpaquePointer
  /// The SQL text, for error messages.
  public let sql: String
  private unowned let database: Database

  /// Prepares `sql` on `database`; throws SQLite's message when the SQL is wrong.
  init(database: Database, sql: String) throws {
    var handle: OpaquePointer?
    let code = sqlite3_prepare_v2(database.handle, sql, -1, &handle, nil)
    guard code == SQLITE_OK, let handle else {
      throw database.error(code: code, sql: sql)
    }
    self.handle = handle
    self.sql = sql
    self.database = database
  }

  deinit {
    sqlite3_finalize(handle)
  }

  /// Clears earlier bindings and state, then binds `values` to ?1, ?2, …
  public func bind(_ values: [SQLValue]) throws {
    sqlite3_reset(handle)
    sqlite3_clear_bindings(handle)
    for (offset, value) in values.enumerated() {
      try bind(value, at: Int32(offset + 1))
    }
  }

  /// Binds one value to the 1-based parameter `index`.
  public func bind(_ value: SQLValue, at index: Int32) throws {
    let code: Int32
    switch value {
    case .null:
      code = sqlite3_bind_null(handle, index)
    case .integer(let number):
      code = sqlite3_bind_int64(handle, index, number)
    case .real(let number):
      code = sqlite3_bind_double(handle, index, number)
    case .text(let text):
      var text = text
      code = text.withUTF8 { buffer in
        guard let base = buffer.baseAddress else {
          return aspire_sqlite3_bind_text_copy(handle, index, "", 0)
        }
        let characters = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
        return aspire_sqlite3_bind_text_copy(handle, index, characters, Int32(buffer.count))
      }
    }
    guard code == SQLITE_OK else { throw database.error(code: code, sql: sql) }
  }

  /// Runs one step: true while a row is ready to read, false when done.
  @discardableResult
  public func step() throws -> Bool {
    let code = sqlite3_step(handle)
    switch code {
    case SQLITE_ROW: return true
    case SQLITE_DONE: return false
    default:
      let error = database.error(code: code, sql: sql)
      sqlite3_reset(handle)
      throw error
    }
  }

  /// Makes the statement ready to run again with new bindings.
  public func reset() {
    sqlite3_reset(handle)
  }

  /// How many columns each row has.
  public var columnCount: Int { Int(sqlite3_column_count(handle)) }

  /// The name of the 0-based column `index`.
  public func columnName(_ index: Int) -> String {
    sqlite3_column_name(handle, Int32(index)).map { String(cString: $0) } ?? ""
  }

  /// The value of the 0-based column `index` in the current row.
  public func value(at index: Int) -> SQLValue {
    let column = Int32(index)
    switch sqlite3_column_type(handle, column) {
    case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, column))
    case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, column))
    case SQLITE_NULL: return .null
    default: return .text(text(at: index) ?? "")
    }
  }

  /// The text of column `index`, or nil when it is null.
  public func text(at index: Int) -> String? {
    let column = Int32(index)
    guard let bytes = sqlite3_column_text(handle, column) else { return nil }
    let count = Int(sqlite3_column_bytes(handle, column))
    return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
  }

  /// The whole number in column `index` (0 when null).
  public func integer(at index: Int) -> Int64 {
    sqlite3_column_int64(handle, Int32(index))
  }

  /// The number in column `index`: an integer or a real; nil for null and
  /// for text, as `value(at:)` would not give a number either.
  public func number(at index: Int) -> Double? {
    let column = Int32(index)
    switch sqlite3_column_type(handle, column) {
    case SQLITE_INTEGER: return Double(sqlite3_column_int64(handle, column))
    case SQLITE_FLOAT: return sqlite3_column_double(handle, column)
    default: return nil
    }
  }

  /// The whole number in column `index`, or nil unless it holds an integer.
  public func integerValue(at index: Int) -> Int64? {
    let column = Int32(index)
    guard sqlite3_column_type(handle, column) == SQLITE_INTEGER else { return nil }
    return sqlite3_column_int64(handle, column)
  }

  /// Calls `body` with the UTF-8 bytes of column `index`, without making a
  /// `String` of them, when it holds text (or a blob, read as text as
  /// `value(at:)` reads it); nil, without calling `body`, for anything else.
  /// The bytes are valid only during the call.
  public func withText<Result>(
    at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
  ) rethrows -> Result? {
    let column = Int32(index)
    let type = sqlite3_column_type(handle, column)
    guard type == SQLITE_TEXT || type == SQLITE_BLOB else { return nil }
    guard let bytes = sqlite3_column_text(handle, column) else {
      return try body(UnsafeBufferPointer(start: nil, count: 0))
    }
    let count = Int(sqlite3_column_bytes(handle, column))
    return try body(UnsafeBufferPointer(start: bytes, count: count))
  }

  /// All values of the current row.
  public func row() -> [SQLValue] {
    (0..<columnCount).map { value(at: $0) }
  }
}
