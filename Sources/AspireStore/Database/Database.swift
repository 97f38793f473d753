import CSQLite

/// An open SQLite database file: WAL journal, foreign keys on, a busy timeout,
/// cached prepared statements and transactions that roll back on a throw.
public final class Database {
  let handle: OpaquePointer
  /// The file the database lives in.
  public let path: String
  private var statements: [String: Statement] = [:]
  private var transactionDepth = 0

  /// How long a writer waits for another process's lock before giving up.
  public static let busyTimeoutMilliseconds: Int32 = 5000

  /// Opens `path`, creating it (mode 0600) when it does not exist.
  public init(path: String) throws {
    let isNew = !OwnerOnlyFile.exists(path)
    var handle: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
    let code = OwnerOnlyFile.creating { sqlite3_open_v2(path, &handle, flags, nil) }
    guard code == SQLITE_OK, let handle else {
      let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
      sqlite3_close_v2(handle)
      throw DatabaseError(code: code, message: "cannot open \(path): \(message)")
    }
    self.handle = handle
    self.path = path
    sqlite3_extended_result_codes(handle, 1)
    sqlite3_busy_timeout(handle, Database.busyTimeoutMilliseconds)

    try OwnerOnlyFile.creating {
      if isNew { try OwnerOnlyFile.restrict(path) }
      try execute("PRAGMA foreign_keys = ON")
      try execute("PRAGMA journal_mode = WAL")
      try execute("PRAGMA synchronous = NORMAL")
      // 64 MB of page cache keeps a national import's indexes in memory.
      try execute("PRAGMA cache_size = -65536")
    }
  }

  deinit {
    statements.removeAll()
    sqlite3_close_v2(handle)
  }

  /// Runs SQL text without parameters, such as schema statements; may hold several.
  public func execute(_ sql: String) throws {
    var message: UnsafeMutablePointer<CChar>?
    let code = sqlite3_exec(handle, sql, nil, nil, &message)
    guard code == SQLITE_OK else {
      let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
      sqlite3_free(message)
      throw DatabaseError(code: code, message: text, sql: sql)
    }
  }

  /// The prepared statement for `sql`, from the cache when it was prepared before.
  public func prepare(_ sql: String) throws -> Statement {
    if let statement = statements[sql] {
      statement.reset()
      return statement
    }
    let statement = try Statement(database: self, sql: sql)
    statements[sql] = statement
    return statement
  }

  /// Runs one statement that returns no rows, with `values` bound to its parameters.
  public func run(_ sql: String, _ values: [SQLValue] = []) throws {
    let statement = try prepare(sql)
    try statement.bind(values)
    try statement.step()
    statement.reset()
  }

  /// Runs a query and returns all its rows.
  public func query(_ sql: String, _ values: [SQLValue] = []) throws -> [[SQLValue]] {
    let statement = try prepare(sql)
    try statement.bind(values)
    defer { statement.reset() }
    var rows: [[SQLValue]] = []
    while try statement.step() { rows.append(statement.row()) }
    return rows
  }

  /// The first column of the first row of a query, or null when there is no row.
  public func scalar(_ sql: String, _ values: [SQLValue] = []) throws -> SQLValue {
    let statement = try prepare(sql)
    try statement.bind(values)
    defer { statement.reset() }
    return try statement.step() ? statement.value(at: 0) : .null
  }

  /// How many rows the last statement inserted, updated or deleted.
  public var changes: Int { Int(sqlite3_changes(handle)) }

  /// The rowid of the last row inserted through this connection.
  public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

  /// Runs `body` in a transaction: committed when it returns, rolled back when it
  /// throws. Nested calls become savepoints inside the outer transaction.
  public func inTransaction<T>(_ body: () throws -> T) throws -> T {
    let savepoint = "aspire_\(transactionDepth)"
    try execute(transactionDepth == 0 ? "BEGIN IMMEDIATE" : "SAVEPOINT \(savepoint)")
    transactionDepth += 1
    do {
      let result = try body()
      transactionDepth -= 1
      try execute(transactionDepth == 0 ? "COMMIT" : "RELEASE \(savepoint)")
      return result
    } catch {
      transactionDepth -= 1
      if transactionDepth == 0 {
        try? execute("ROLLBACK")
      } else {
        try? execute("ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
      }
      throw error
    }
  }

  /// Runs `body`, which only reads, against one state of the database: every
  /// query in it sees the same rows, whatever other connections commit
  /// meanwhile. Inside a transaction it runs as a part of that transaction.
  public func reading<T>(_ body: () throws -> T) throws -> T {
    let savepoint = "aspire_read_\(transactionDepth)"
    try execute("SAVEPOINT \(savepoint)")
    transactionDepth += 1
    defer {
      transactionDepth -= 1
      try? execute("RELEASE \(savepoint)")
    }
    return try body()
  }

  /// The error SQLite reports for `code` on this connection.
  func error(code: Int32, sql: String? = nil) -> DatabaseError {
    DatabaseError(code: code, message: String(cString: sqlite3_errmsg(handle)), sql: sql)
  }
}
