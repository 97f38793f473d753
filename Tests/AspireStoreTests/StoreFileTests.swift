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

  @Test func linksTheFlagsAlreadyEmailedToTheirMessageWhenMigrating() throws {
    let scratch = Scratch()
    let path = scratch.file("aspire.db")
    do {
      // A store from before flags recorded their message: two runs of rule
      // low emailed T1 flags 1 and 2, then flag 3; T2's flag 4 was never emailed.
      let old = try Store(path: path, migrations: Array(Schema.migrations.prefix(4)))
      try old.database.execute(
        """
        INSERT INTO sessions VALUES ('2026-27', '2026-08-01', '2027-07-31');
        INSERT INTO staff (id, name, email, roles) VALUES
          ('T1', 'Ann', 'ann@school.org', 'teacher'), ('T2', 'Bob', 'bob@school.org', 'teacher');
        INSERT INTO learners (id, name) VALUES ('L1', 'Amy'), ('L2', 'Ben');
        INSERT INTO flags (id, session, learner_id, rule, round, role, owner_id, message,
          raised_on, raised_at) VALUES
          (1, '2026-27', 'L1', 'low', 1, 'mentor', 'T1', 'm', '2026-08-28', 'run one'),
          (2, '2026-27', 'L2', 'low', 1, 'mentor', 'T1', 'm', '2026-08-28', 'run one'),
          (3, '2026-27', 'L1', 'low', 2, 'mentor', 'T1', 'm', '2026-10-09', 'run two'),
          (4, '2026-27', 'L2', 'low', 2, 'mentor', 'T2', 'm', '2026-10-09', 'run two');
        INSERT INTO outbox (id, key, kind, recipient, subject, message_id, message, queued_at)
        VALUES
          (7, 'flags|2026-27|low|T1|from flag 1', 'flags', 'ann@school.org', 's', 'a', 'x', 't'),
          (8, 'flags|2026-27|low|T1|from flag 3', 'flags', 'ann@school.org', 's', 'b', 'x', 't');
        """)
    }

    let migrated = try Store(path: path)

    let linked = try migrated.database.query("SELECT id, mailed_in FROM flags ORDER BY id")
    #expect(
      linked == [
        [.integer(1), .integer(7)], [.integer(2), .integer(7)], [.integer(3), .integer(8)],
        [.integer(4), .null],
      ])
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
