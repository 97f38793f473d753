import Testing

@testable import AspireStore

@Suite struct DatabaseTests {
  @Test func usesTheWriteAheadLog() throws {
    let scratch = Scratch()
    let database = try Database(path: scratch.file("a.db"))
    #expect(try database.scalar("PRAGMA journal_mode") == .text("wal"))
  }

  @Test func enforcesForeignKeys() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    #expect(throws: DatabaseError.self) {
      try store.database.run(
        "INSERT INTO learner_stages (learner_id, session, stage) VALUES (?, ?, ?)",
        [.text("nobody"), .text("2026-27"), .text("S4")])
    }
  }

  @Test func setsABusyTimeout() throws {
    let scratch = Scratch()
    let database = try Database(path: scratch.file("a.db"))
    #expect(try database.scalar("PRAGMA busy_timeout") == .integer(5000))
  }

  @Test func bindsValuesAsParametersSoQuotesAreData() throws {
    let scratch = Scratch()
    let database = try Database(path: scratch.file("a.db"))
    try database.execute("CREATE TABLE t (x)")
    let awkward = "O'Brien\"; DROP TABLE t; --"
    try database.run("INSERT INTO t VALUES (?)", [.text(awkward)])
    #expect(try database.query("SELECT x FROM t") == [[.text(awkward)]])
  }

  @Test func readsOneStateOfTheDatabaseWhileOthersCommit() throws {
    let scratch = Scratch()
    let reader = try Database(path: scratch.file("a.db"))
    try reader.execute("CREATE TABLE t (x)")
    let writer = try Database(path: scratch.file("a.db"))
    let counts = try reader.reading {
      let before = try reader.scalar("SELECT count(*) FROM t")
      try writer.run("INSERT INTO t VALUES (1)")
      return [before, try reader.scalar("SELECT count(*) FROM t")]
    }
    #expect(counts == [.integer(0), .integer(0)])
    #expect(try reader.scalar("SELECT count(*) FROM t") == .integer(1))
    // Inside a transaction it is a part of it.
    try reader.inTransaction {
      try reader.run("INSERT INTO t VALUES (2)")
      #expect(try reader.reading { try reader.scalar("SELECT count(*) FROM t") } == .integer(2))
    }
  }

  @Test func roundTripsEveryStorageClass() throws {
    let scratch = Scratch()
    let database = try Database(path: scratch.file("a.db"))
    try database.execute("CREATE TABLE t (a, b, c, d)")
    let row: [SQLValue] = [.null, .integer(-7), .real(2.5), .text("é")]
    try database.run("INSERT INTO t VALUES (?, ?, ?, ?)", row)
    #expect(try database.query("SELECT * FROM t") == [row])
  }

  @Test func rollsBackATransactionThatThrows() throws {
    let scratch = Scratch()
    let database = try Database(path: scratch.file("a.db"))
    try database.execute("CREATE TABLE t (x)")
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try database.inTransaction {
        try database.run("INSERT INTO t VALUES (1)")
        throw Stop()
      }
    }
    #expect(try database.scalar("SELECT count(*) FROM t") == .integer(0))
  }

  @Test func rollsBackOnlyTheInnerOfNestedTransactions() throws {
    let scratch = Scratch()
    let database = try Database(path: scratch.file("a.db"))
    try database.execute("CREATE TABLE t (x)")
    struct Stop: Error {}
    try database.inTransaction {
      try database.run("INSERT INTO t VALUES (1)")
      try? database.inTransaction {
        try database.run("INSERT INTO t VALUES (2)")
        throw Stop()
      }
    }
    #expect(try database.query("SELECT x FROM t") == [[.integer(1)]])
  }

  @Test func reportsSQLitesMessage() throws {
    let scratch = Scratch()
    let database = try Database(path: scratch.file("a.db"))
    #expect(throws: DatabaseError.self) { try database.run("SELECT * FROM missing") }
    do {
      try database.run("SELECT * FROM missing")
    } catch let error as DatabaseError {
      #expect(error.message == "no such table: missing")
      #expect(error.description == "store error: no such table: missing")
    }
  }

  @Test func reusesPreparedStatements() throws {
    let scratch = Scratch()
    let database = try Database(path: scratch.file("a.db"))
    let first = try database.prepare("SELECT 1")
    #expect(try database.prepare("SELECT 1") === first)
  }
}
