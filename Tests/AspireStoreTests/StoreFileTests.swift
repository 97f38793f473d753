import Foundation
import Testing

@testable import AspireStore

@Suite struct StoreFileTests {
  @Test func createsTheStoreAndItsLogFilesForTheOwnerOnly() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    try load(.subjects, "subject,faculty\nMaths,Mathematics\n", into: store)
    for suffix in ["", "-wal", "-shm"] {
      let path = store.path + suffix
      #expect(OwnerOnlyFile.exists(path), "\(path) exists")
      #expect(OwnerOnlyFile.permissions(of: path) == 0o600, "\(path) is private")
    }
  }

  @Test func startsAtTheCurrentSchemaVersion() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    #expect(try store.schemaVersion() == Schema.currentVersion)
    #expect(store.migrationBackup == nil)
  }

  @Test func backsUpToAFileSQLiteOpensWithTheSameRows() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let copy = scratch.file("copy.db")
    try store.backup(to: copy)
    #expect(OwnerOnlyFile.permissions(of: copy) == 0o600)
    let opened = try Database(path: copy)
    for table in Store.tableNames {
      let sql = "SELECT * FROM \(table) ORDER BY rowid"
      #expect(try opened.query(sql) == store.database.query(sql), "\(table)")
    }
  }

  @Test func takesABackupBeforeMigratingAStoreWithData() throws {
    let scratch = Scratch()
    let path = scratch.file("aspire.db")
    do {
      let store = try Store(path: path)
      try load(.subjects, "subject,faculty\nMaths,Mathematics\n", into: store)
    }
    let current = Schema.currentVersion
    let step = Migration(version: current + 1, sql: "ALTER TABLE subjects ADD COLUMN colour TEXT")
    let migrated = try Store(path: path, migrations: Schema.migrations + [step])

    #expect(migrated.migrationBackup == path + ".v\(current).bak")
    #expect(try migrated.schemaVersion() == current + 1)
    let backup = try Database(path: path + ".v\(current).bak")
    #expect(try backup.scalar("PRAGMA user_version") == .integer(Int64(current)))
    #expect(try backup.query("SELECT subject FROM subjects") == [[.text("Maths")]])
  }

  @Test func leavesAStoreAtTheCurrentVersionAlone() throws {
    let scratch = Scratch()
    let path = scratch.file("aspire.db")
    _ = try Store(path: path)
    let reopened = try Store(path: path)
    #expect(reopened.migrationBackup == nil)
    #expect(!OwnerOnlyFile.exists(path + ".v1.bak"))
  }
}
