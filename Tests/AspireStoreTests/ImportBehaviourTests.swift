import Foundation
import Testing

@testable import AspireStore

@Suite struct ImportBehaviourTests {
  @Test func reportsAMissingColumnOnTheHeaderLine() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.learners, "id,name\nL1,Amy\n", into: store)
    #expect(
      lines(outcome) == [
        "learners.csv:1: error: missing column \"stage\"; a learners file needs id, name, stage"
      ])
  }

  @Test func reportsAnUnknownColumnWithASuggestion() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.learners, "id,name,stage,midyes\nL1,Amy,S4,100\n", into: store)
    #expect(
      lines(outcome) == [
        "learners.csv:1: error: unknown column \"midyes\"; did you mean \"midyis\"?"
      ])
  }

  @Test func matchesHeaderNamesIgnoringCaseAndSpaces() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.subjects, " SUBJECT , Faculty \nMaths,Mathematics\n", into: store)
    #expect(lines(outcome) == [])
  }

  @Test func reportsARowWithTooFewValues() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.subjects, "subject,faculty,sqa_code\nMaths,Mathematics\n", into: store)
    #expect(
      lines(outcome) == ["subjects.csv:2: error: row has 2 values; expected 3, one per column"])
  }

  @Test func refusesInvalidUTF8WithTheHintAndWritesNothing() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let bytes = Array("subject,faculty\nFran".utf8) + [0xE7] + Array("ais,Languages\n".utf8)
    let outcome = try Importer(store: store).run(
      kind: .subjects, data: bytes, fileName: "subjects.csv", session: testSession, by: "tester")
    #expect(
      lines(outcome) == [
        "subjects.csv:2: error: file is not valid UTF-8 (byte 0xE7); if Excel saved it as "
          + "\"CSV (Comma delimited)\", read it with --encoding windows-1252"
      ])
    #expect(try store.count("import_log") == 0)
  }

  @Test func importsWindows1252WhenAsked() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let bytes = Array("subject,faculty\nFran".utf8) + [0xE7] + Array("ais,Languages\n".utf8)
    _ = try Importer(store: store).run(
      kind: .subjects, data: bytes, fileName: "subjects.csv", session: testSession,
      encoding: .windows1252, by: "tester")
    #expect(try store.texts("SELECT subject FROM subjects") == ["Français"])
  }

  @Test func leavesEveryTableUnchangedWhenAnyRowIsBad() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let before = try store.snapshot()
    let outcome = try load(
      .learners,
      """
      id,name,stage
      L1,Amy Adams Renamed,S5
      L9,New Learner,S4
      L2,Ben Brown,S9
      """, into: store)
    #expect(!outcome.succeeded)
    #expect(try store.snapshot() == before)
  }

  @Test func reportsAtMostFiftyProblems() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let rows = (1...80).map { "L\($0),Name,S9" }.joined(separator: "\n")
    let outcome = try load(.learners, "id,name,stage\n" + rows, into: store)
    #expect(outcome.diagnostics.count == Importer.diagnosticLimit)
  }

  @Test func importingTheSameFileTwiceLeavesTheDataAsOnce() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let file =
      "learner_id,subject,level,class,teacher_id\nL1,Maths,N5,4M1,T1\nL2,English,H,5E1,T2\n"
    try load(.enrolments, file, into: store)
    let before = try store.snapshot()
    let again = try load(.enrolments, file, into: store)

    #expect((again.added, again.changed, again.unchanged) == (0, 0, 2))
    var after = try store.snapshot()
    #expect(after["import_log"]!.count == before["import_log"]!.count + 1)
    after["import_log"] = before["import_log"]
    #expect(after == before)
  }

  @Test func keepsTheOldValueInHistoryOnUpdate() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.learners, "id,name,stage\nL1,Amy Adamson,S4\n", into: store)
    #expect((outcome.added, outcome.changed) == (0, 1))
    let history = try store.database.query(
      """
      SELECT table_name, row_key, column_name, old_value, new_value, changed_at, changed_by,
        import_id FROM history
      """)
    #expect(
      history == [
        [
          .text("learners"), .text("L1"), .text("name"), .text("Amy Adams"), .text("Amy Adamson"),
          .text("2026-08-24T08:26:40Z"), .text("tester"), .integer(outcome.importID!),
        ]
      ])
  }

  @Test func leavesRowsAbsentFromTheFileAlone() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try load(.learners, "id,name,stage\nL1,Amy Adams,S4\n", into: store)
    #expect(try store.count("learners") == 3)
  }

  @Test func dryRunCountsButWritesNothing() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let before = try store.snapshot()
    let outcome = try load(
      .learners,
      """
      id,name,stage
      L1,Amy Adams,S4
      L2,Ben Renamed,S5
      L4,Dee Dunn,S4
      """, into: store, dryRun: true)
    #expect((outcome.added, outcome.changed, outcome.unchanged) == (1, 1, 1))
    #expect(
      outcome.summary == "learners.csv: 3 rows, would be 1 added, would be 1 changed, 1 unchanged")
    #expect(outcome.importID == nil)
    #expect(try store.snapshot() == before)
  }

  @Test func logsTheFileWithItsHash() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let text = "subject,faculty\nMaths,Mathematics\n"
    let path = scratch.write("subjects.csv", text)
    let outcome = try Importer(store: store).run(
      kind: .subjects, file: path, session: testSession, by: "T1", at: testInstant)
    let log = try store.database.query(
      "SELECT file_name, sha256, kind, rows, added, changed, imported_by, session FROM import_log")
    #expect(
      log == [
        [
          .text(path), .text(SHA256.hexDigest(of: Array(text.utf8))), .text("subjects"),
          .integer(1), .integer(1), .integer(0), .text("T1"), .null,
        ]
      ])
    #expect(outcome.importID == 1)
  }

  @Test func throwsWhenTheFileCannotBeRead() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    #expect(throws: ImportError.cannotRead(path: "missing.csv")) {
      try Importer(store: store).run(
        kind: .subjects, file: "missing.csv", session: testSession, by: "T1")
    }
  }

  @Test func matchesTextWrittenComposedOrDecomposedAsTheSameKey() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    // "Gàidhlig" with "à" as one character, then as "a" and a combining accent.
    try load(.subjects, "subject,faculty\nG\u{E0}idhlig,Languages\n", into: store)
    let outcome = try load(
      .enrolments,
      "learner_id,subject,level,class,teacher_id\nL1,Ga\u{300}idhlig,N5,5G,T1\n", into: store)
    #expect(lines(outcome) == [])
    #expect(try store.texts("SELECT subject FROM enrolments") == ["G\u{E0}idhlig"])
    #expect(
      try store.database.query("SELECT hex(subject) FROM enrolments")
        == [[.text("47C3A06964686C6967")]])
  }

  @Test func reportsADuplicateKeyWhenItsFirstRowHasAnotherProblem() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(
      .learners, "id,name,stage\nL30,Bad first,S9\nL30,Second,S4\n", into: store)
    #expect(
      lines(outcome) == [
        "learners.csv:2: error: stage \"S9\" is not a stage; expected S1 to S6",
        "learners.csv:3: error: duplicate id \"L30\"; first on line 2",
      ])
  }

  @Test func dryRunOnAnOlderStoreMigratesACopyAndLeavesTheFile() throws {
    let scratch = Scratch()
    let path = scratch.file("old.db")
    _ = try Store(path: path, migrations: Array(Schema.migrations.prefix(1)))
    let before = try Data(contentsOf: URL(fileURLWithPath: path))

    let store = try Store.forDryRun(path: path)
    let outcome = try load(
      .subjects, "subject,faculty\nMaths,Mathematics\n", into: store, dryRun: true)

    #expect(outcome.succeeded && outcome.added == 1)
    #expect(try store.schemaVersion() == Schema.migrations.last!.version)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    let files = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
    #expect(!files.contains { $0.hasSuffix(".bak") })
  }
}
