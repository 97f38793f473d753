/// Brings a store's schema up to date, one migration at a time, after taking a
/// backup of a store that already holds a schema.
struct Migrator {
  let database: Database
  let migrations: [Migration]

  /// The schema version the store has now (PRAGMA user_version).
  func currentVersion() throws -> Int {
    Int(try database.scalar("PRAGMA user_version").integer ?? 0)
  }

  /// Runs every migration newer than the store's version. Returns the path of
  /// the backup taken first, or nil when none was needed.
  @discardableResult
  func migrate() throws -> String? {
    let version = try currentVersion()
    let pending = migrations.filter { $0.version > version }
    guard !pending.isEmpty else { return nil }

    var backupPath: String?
    // A store in memory (a dry run's copy) has no file to keep a backup of.
    if try database.path != ":memory:" && (version > 0 || hasTables()) {
      let path = "\(database.path).v\(version).bak"
      try database.backup(to: path)
      backupPath = path
    }
    for migration in pending {
      try database.inTransaction {
        try database.execute(migration.sql)
        // PRAGMA takes no parameters; the version is an integer from our own code.
        try database.execute("PRAGMA user_version = \(migration.version)")
      }
    }
    return backupPath
  }

  /// Whether the file already holds any table, even without a schema version.
  private func hasTables() throws -> Bool {
    try database.scalar("SELECT count(*) FROM sqlite_master").integer ?? 0 > 0
  }
}
