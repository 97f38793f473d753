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
  public convenience init(path: String, migrations: [Migration] = Schema.migrations) throws {
    try self.init(database: Database(path: path), migrations: migrations)
  }

  /// The store over an open database, its schema migrated forward.
  private init(database: Database, migrations: [Migration]) throws {
    self.database = database
    migrationBackup = try Migrator(database: database, migrations: migrations).migrate()
  }

  /// The store at `path` for a dry run, which must write nothing: an empty
  /// store in memory when there is no file, the file itself when its schema
  /// is current, else a copy in memory brought up to date (migrating the
  /// file would change it and leave a backup beside it).
  public static func forDryRun(path: String, migrations: [Migration] = Schema.migrations)
    throws -> Store
  {
    guard OwnerOnlyFile.exists(path) else {
      return try Store(path: ":memory:", migrations: migrations)
    }
    let file = try Database(path: path)
    let version = try Migrator(database: file, migrations: []).currentVersion()
    let isCurrent = migrations.allSatisfy { $0.version <= version }
    return try Store(database: isCurrent ? file : file.copyInMemory(), migrations: migrations)
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
