/// The school's data: one SQLite file holding learners, staff, courses, marks,
/// results and the audit trail, with its schema kept up to date.
public final class Store {
  /// The open database, for queries the store's own helpers do not cover.
  public let database: Database
  /// The backup taken before the last schema migration, when one was needed.
  public let migrationBackup: String?

  /// The store's file when neither `--db` nor `ASPIRE_DB` names another.
  public static let defaultPath = "aspire.db"

  /// Opens (or creates) the store at `path` and migrates its schema forward.
  public init(path: String, migrations: [Migration] = Schema.migrations) throws {
    database = try Database(path: path)
    migrationBackup = try Migrator(database: database, migrations: migrations).migrate()
  }

  /// The file the store lives in.
  public var path: String { database.path }

  /// The store's schema version.
  public func schemaVersion() throws -> Int {
    try Migrator(database: database, migrations: []).currentVersion()
  }

  /// A consistent copy of the store at `destination`, taken while it may be in use.
  public func backup(to destination: String) throws {
    try database.backup(to: destination)
  }
}
