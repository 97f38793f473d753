import Testing

@testable import AspireStore

/// Rows read a batch at a time on another thread are the rows a query gives.
@Suite struct RowBatchTests {
  let scratch = Scratch()

  /// Every storage class, empty and non-ASCII texts, and a blob, in 7 rows.
  func sample() throws -> Database {
    let database = try Database(path: scratch.file("a.db"))
    try database.execute("CREATE TABLE t (n, x, y)")
    let rows: [[SQLValue]] = [
      [.integer(1), .integer(-7), .text("Fran\u{E7}ais")], [.integer(2), .real(2.5), .null],
      [.integer(3), .text(""), .text("A")], [.integer(4), .null, .integer(9)],
      [.integer(5), .text("12"), .real(-0.5)], [.integer(6), .integer(Int64.max), .text("é")],
    ]
    for row in rows { try database.run("INSERT INTO t VALUES (?, ?, ?)", row) }
    try database.execute("INSERT INTO t VALUES (7, x'6869', 'end')")
    return database
  }

  @Test(arguments: [1, 2, 3, 100])
  func givesEachValueAsTheStatementDoes(batchSize: Int) throws {
    let database = try sample()
    let expected = try database.query("SELECT n, x, y FROM t ORDER BY n")
    var seen: [[SQLValue]] = []
    try database.readRows("SELECT n, x, y FROM t ORDER BY n", batchSize: batchSize) { batch in
      for row in 0..<batch.count {
        seen.append(
          (0..<3).map { column in
            if let text = batch.withText(row, column, { String(decoding: $0, as: UTF8.self) }) {
              return .text(text)
            }
            if let whole = batch.integerValue(row, column) { return .integer(whole) }
            return batch.number(row, column).map(SQLValue.real) ?? .null
          })
      }
    }
    #expect(seen == expected)
  }

  @Test func throwsTheErrorOfAStepThatFails() throws {
    let database = try sample()
    #expect(throws: DatabaseError.self) {
      try database.readRows("SELECT abs(-9223372036854775807 - n) FROM t", batchSize: 2) { _ in }
    }
    // The statement is ready to run again.
    #expect(try database.query("SELECT count(*) FROM t") == [[.integer(7)]])
  }

  @Test func stopsWhenTheReaderThrows() throws {
    struct Enough: Error {}
    let database = try sample()
    var batches = 0
    #expect(throws: Enough.self) {
      try database.readRows("SELECT n FROM t", batchSize: 1) { _ in
        batches += 1
        if batches == 2 { throw Enough() }
      }
    }
    #expect(batches == 2)
    #expect(try database.query("SELECT count(*) FROM t") == [[.integer(7)]])
  }
}
