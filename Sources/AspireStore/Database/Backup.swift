import CSQLite

extension Database {
  /// Copies the whole database to `destination` with SQLite's online backup,
  /// so the copy is consistent even while others write. The copy is mode 0600.
  public func backup(to destination: String) throws {
    var target: OpaquePointer?
    let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
    let openCode = OwnerOnlyFile.creating { sqlite3_open_v2(destination, &target, flags, nil) }
    defer { sqlite3_close_v2(target) }
    guard openCode == SQLITE_OK, let target else {
      throw DatabaseError(code: openCode, message: "cannot create backup \(destination)")
    }
    try OwnerOnlyFile.restrict(destination)
    try copy(into: target, named: destination)
  }

  /// A copy of the whole database in memory, taken as `backup(to:)` takes
  /// one: what is done to the copy never reaches the file.
  public func copyInMemory() throws -> Database {
    let copy = try Database(path: ":memory:")
    try self.copy(into: copy.handle, named: "memory")
    return copy
  }

  /// Copies this database into the open database `target` in steps.
  private func copy(into target: OpaquePointer, named name: String) throws {
    guard let backup = sqlite3_backup_init(target, "main", handle, "main") else {
      let message = String(cString: sqlite3_errmsg(target))
      throw DatabaseError(code: sqlite3_errcode(target), message: message)
    }
    var code: Int32
    repeat {
      // Copy in steps so that a writer elsewhere is not locked out for long.
      code = sqlite3_backup_step(backup, 1024)
      if code == SQLITE_BUSY || code == SQLITE_LOCKED { sqlite3_sleep(20) }
    } while code == SQLITE_OK || code == SQLITE_BUSY || code == SQLITE_LOCKED
    sqlite3_backup_finish(backup)
    guard code == SQLITE_DONE else {
      let message = String(cString: sqlite3_errstr(code))
      throw DatabaseError(code: code, message: "backup to \(name) failed: \(message)")
    }
  }
}
