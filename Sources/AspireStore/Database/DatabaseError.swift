/// A failure of SQLite or of the files around the store, with SQLite's own message.
public struct DatabaseError: Error, Equatable, CustomStringConvertible {
  /// SQLite's result code (`SQLITE_BUSY` is 5), or -1 when SQLite was not involved.
  public let code: Int32
  /// What went wrong, as SQLite (or the file system) said it.
  public let message: String
  /// The statement being run, when there was one.
  public let sql: String?

  public init(code: Int32, message: String, sql: String? = nil) {
    self.code = code
    self.message = message
    self.sql = sql
  }

  public var description: String {
    "store error: \(message)"
  }
}
