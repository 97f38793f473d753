import Testing

@testable import AspireStore

@Suite struct LearnerImportTests {
  @Test func addsLearnersWithTheirStageInTheSession() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(
      .learners,
      """
      ID,Name,Stage,simd_decile,midyis,asn,fsm,looked_after,pupil_support,scn,gender,registration
      L4,Dee Dunn,s3,2,104.5,yes,n,0,T2,123456789,F,3B
      """, into: store)
    #expect(lines(outcome) == [])
    #expect(outcome.added == 1)
    let row = try store.database.query(
      """
      SELECT name, simd_decile, midyis, asn, fsm, looked_after, pupil_support, scn, gender,
        registration FROM learners WHERE id = 'L4'
      """)
    #expect(
      row == [
        [
          .text("Dee Dunn"), .integer(2), .real(104.5), .integer(1), .integer(0), .integer(0),
          .text("T2"), .text("123456789"), .text("F"), .text("3B"),
        ]
      ])
    #expect(try store.texts("SELECT stage FROM learner_stages WHERE learner_id = 'L4'") == ["S3"])
    #expect(try store.texts("SELECT name FROM sessions") == ["2026-27"])
  }

  @Test func keepsLastSessionsStageWhenANewSessionIsImported() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try load(.learners, "id,name,stage\nL1,Amy Adams,S5\n", into: store, session: testSession.next)
    let stages = try store.texts(
      "SELECT session || ' ' || stage FROM learner_stages WHERE learner_id = 'L1' ORDER BY session")
    #expect(stages == ["2026-27 S4", "2027-28 S5"])
  }

  @Test func reportsAStageOutsideS1ToS6() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.learners, "id,name,stage\nL1,Amy,S4\nL2,Ben,S9\n", into: store)
    #expect(
      lines(outcome) == ["learners.csv:3: error: stage \"S9\" is not a stage; expected S1 to S6"])
  }

  @Test func reportsAnEmptyRequiredValue() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.learners, "id,name,stage\nL1,,S4\n", into: store)
    #expect(lines(outcome) == ["learners.csv:2: error: name is empty; expected the learner's name"])
  }

  @Test func reportsAMidYISScoreOutOfRange() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.learners, "id,name,stage,midyis\nL1,Amy,S4,170\n", into: store)
    #expect(
      lines(outcome) == [
        "learners.csv:2: error: midyis \"170\" is not a MidYIS score; "
          + "expected a number from 40 to 160"
      ])
  }

  @Test(arguments: ["0x64", "nan", "1e400", "100 points"])
  func reportsAMidYISScoreThatIsNotADecimalNumber(_ text: String) throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.learners, "id,name,stage,midyis\nL1,Amy,S4,\(text)\n", into: store)
    #expect(
      lines(outcome) == [
        "learners.csv:2: error: midyis \"\(text)\" is not a MidYIS score; "
          + "expected a number from 40 to 160"
      ])
  }

  @Test func reportsASIMDDecileOutOfRange() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.learners, "id,name,stage,simd_decile\nL1,Amy,S4,11\n", into: store)
    #expect(
      lines(outcome) == [
        "learners.csv:2: error: simd_decile \"11\" is not a SIMD decile; "
          + "expected a whole number from 1 to 10"
      ])
  }

  @Test func reportsABadBoolean() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.learners, "id,name,stage,fsm\nL1,Amy,S4,maybe\n", into: store)
    #expect(
      lines(outcome) == [
        "learners.csv:2: error: fsm \"maybe\" is not true or false; "
          + "expected true/false, yes/no, y/n or 1/0"
      ])
  }

  @Test func reportsAnUnknownPupilSupportTeacher() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.learners, "id,name,stage,pupil_support\nL1,Amy,S4,T9\n", into: store)
    #expect(
      lines(outcome) == [
        "learners.csv:2: error: pupil_support \"T9\" is not a known staff id; import staff first"
      ])
  }

  @Test func reportsADuplicateIdAtItsSecondLineNamingTheFirst() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(
      .learners, "id,name,stage\nL1,Amy,S4\nL2,Ben,S4\nL1,Amy,S5\n", into: store)
    #expect(lines(outcome) == ["learners.csv:4: error: duplicate id \"L1\"; first on line 2"])
  }

  @Test func reportsTheLineARecordStartsOnAfterAQuotedLineBreak() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(
      .learners, "id,name,stage\n\"L1\",\"Amy\nAdams\",S4\nL2,Ben,S0\n", into: store)
    #expect(
      lines(outcome) == ["learners.csv:4: error: stage \"S0\" is not a stage; expected S1 to S6"])
  }
}
