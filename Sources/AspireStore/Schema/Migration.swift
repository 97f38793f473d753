/// One forward step of the store's schema: the SQL that takes a store from
/// `version - 1` to `version`.
public struct Migration: Sendable {
  /// The schema version after this step (PRAGMA user_version).
  public let version: Int
  /// Schema statements, run in one transaction.
  public let sql: String

  public init(version: Int, sql: String) {
    self.version = version
    self.sql = sql
  }
}
