import AspireEngine
import AspireModel
import AspireStore
import Testing

/// Schedules stored by the script, and teachers' returns checked against them.
@Suite struct ScheduleAndReturnTests {
  @Test func storesTheScheduleAndPrintsItsCalendar() throws {
    let school = try SmallSchool()

    let printed = try school.run(SmallSchool.schedule)

    #expect(printed[0] == "schedule checks for 2026-27: 4 rounds for 3 learners, stored")
    #expect(printed[4] == "4|2026-12-28|2027-01-06|2027-01-10|true")
    let rounds = try school.store.database.query(
      "SELECT round, planned, start, end FROM rounds ORDER BY round")
    #expect(rounds.count == 4)
    #expect(
      rounds[3] == [.integer(4), .text("2026-12-28"), .text("2027-01-06"), .text("2027-01-10")])
    #expect(
      try school.store.database.scalar("SELECT count(*) FROM schedule_learners") == .integer(3))
  }

  @Test func leavesAnUnchangedScheduleAsItIsAndReplacesAChangedOne() throws {
    let school = try SmallSchool()
    _ = try school.run(SmallSchool.schedule)
    let stored = try school.snapshot()

    #expect(try school.run(SmallSchool.schedule)[0].hasSuffix(", unchanged"))
    #expect(try school.snapshot() == stored)

    let printed = try school.run(
      "schedule checks for seniors: from 2026-08-24 every 6 weeks, 3 rounds")
    #expect(printed[0] == "schedule checks for 2026-27: 3 rounds for 3 learners, replaced")
    #expect(try school.store.database.scalar("SELECT count(*) FROM rounds") == .integer(3))
  }

  @Test func refusesAScheduleThatDoesNotFitAndWritesNothing() throws {
    let school = try SmallSchool()
    let message = school.failure(
      "schedule checks for seniors: from 2026-10-05 every 1 weeks, 4 rounds, "
        + "skip 2026-10-12 to 2026-10-23")
    #expect(
      message == "the schedule does not fit: round 2 moves past a holiday to 2026-10-24, "
        + "on or after round 3's day 2026-10-19")
    #expect(try school.snapshot().isEmpty)
  }

  @Test func refusesALearnerOnTwoSchedulesOfASession() throws {
    let school = try SmallSchool()
    _ = try school.run(SmallSchool.schedule)
    let before = try school.snapshot()
    let message = school.failure(
      "schedule other for learners where stage == S6: from 2026-08-31 every 6 weeks, 3 rounds")
    #expect(
      message == "1 learners of this cohort are already on schedule checks in 2026-27; "
        + "a learner follows one schedule")
    #expect(try school.snapshot() == before)
  }

  @Test func importRefusesARoundTheStoredScheduleDoesNotHaveAtItsLine() throws {
    let school = try SmallSchool()
    _ = try school.run(SmallSchool.schedule)
    let before = try school.snapshot()

    let outcome = try school.importCSV(
      .assessments,
      """
      learner_id,subject,round,status
      L1,Mathematics,4,A
      L1,English,5,B
      """, name: "returns.csv")

    #expect(
      outcome.diagnostics.map(\.description) == [
        "returns.csv:3: error: round \"5\" is not a round of schedule \"checks\" for L1; "
          + "expected 1 to 4"
      ])
    #expect(try school.snapshot() == before)
  }

  @Test func importChecksALearnerOnNoScheduleAgainstTheSessionsSchedules() throws {
    let school = try SmallSchool()
    _ = try school.run(
      "schedule checks for learners where stage == S4: from 2026-08-24 every 6 weeks, 4 rounds")
    let before = try school.snapshot()

    let outcome = try school.importCSV(
      .assessments,
      """
      learner_id,subject,round,status
      L2,English,04,A
      L2,Biology,05,B
      """, name: "returns.csv")

    #expect(
      outcome.diagnostics.map(\.description) == [
        "returns.csv:3: error: round \"05\" is not a round of any schedule of 2026-27 (L2 is on "
          + "none); expected 1 to 4"
      ])
    #expect(try school.snapshot() == before)
  }

  @Test func importAcceptsAnyRoundWhileNoScheduleIsStored() throws {
    let school = try SmallSchool()
    let outcome = try school.importCSV(
      .assessments, "learner_id,subject,round,status\nL1,Mathematics,9,A")
    #expect(outcome.succeeded)
  }

  @Test func importRefusesAReturnForASubjectTheLearnerDoesNotTake() throws {
    let school = try SmallSchool()
    let before = try school.snapshot()

    let outcome = try school.importCSV(
      .assessments, "learner_id,subject,round,status\nL3,English,1,O", name: "returns.csv")

    #expect(
      outcome.diagnostics.map(\.description) == [
        "returns.csv:2: error: learner_id \"L3\" is not enrolled in \"English\" in 2026-27; "
          + "import enrolments first"
      ])
    #expect(try school.snapshot() == before)
  }

  @Test func markEntersOneReturnWithTheEnrolmentsTeacher() throws {
    let school = try SmallSchool()
    _ = try school.run(SmallSchool.schedule)

    let printed = try school.run(#"mark "L1" in "English" round 2 as Below comment "Read more""#)

    #expect(printed == ["marked L1 in English round 2 as Below (added)"])
    let row = try school.store.database.query(
      "SELECT status, comment, teacher_id FROM assessments WHERE learner_id = 'L1'")
    #expect(row == [[.text("B"), .text("Read more"), .text("T2")]])
  }

  @Test func aCorrectedMarkKeepsTheOldValueInHistory() throws {
    let school = try SmallSchool()
    _ = try school.run(#"mark "L1" in "English" round 2 as Below"#)

    let printed = try school.run(#"mark "L1" in "English" round 2 as On"#)

    #expect(printed == ["marked L1 in English round 2 as On (changed)"])
    let history = try school.store.database.query(
      "SELECT column_name, old_value, new_value FROM history WHERE table_name = 'assessments'")
    #expect(history == [[.text("status"), .text("B"), .text("O")]])
  }

  @Test func markRefusesARoundOffTheScheduleAndASubjectNotTakenAndWritesNothing() throws {
    let school = try SmallSchool()
    _ = try school.run(SmallSchool.schedule)
    let before = try school.snapshot()

    #expect(
      school.failure(#"mark "L1" in "English" round 5 as Below"#)
        == "round \"5\" is not a round of schedule \"checks\" for L1; expected 1 to 4")
    #expect(
      school.failure(#"mark "L3" in "English" round 1 as On"#)
        == "learner_id \"L3\" is not enrolled in \"English\" in 2026-27; import enrolments first")
    #expect(try school.snapshot() == before)
  }

  @Test func meetingsImportRefusesARoundOffTheScheduleAndASubjectNotTaken() throws {
    let school = try SmallSchool()
    _ = try school.run(SmallSchool.schedule)
    let before = try school.snapshot()

    let outcome = try school.importCSV(
      .meetings,
      """
      learner_id,round,mentor_id,date,subject,self_status,action,family_visible
      L1,1,T3,2026-09-03,English,A,Read more,yes
      L1,5,T3,2026-09-03,,,,
      L3,1,T3,2026-09-03,English,O,,
      L3,1,T3,2029-09-03,,,,
      """, name: "meetings.csv")

    #expect(
      outcome.diagnostics.map(\.description) == [
        "meetings.csv:3: error: round \"5\" is not a round of schedule \"checks\" for L1; "
          + "expected 1 to 4",
        "meetings.csv:4: error: learner_id \"L3\" is not enrolled in \"English\" in 2026-27; "
          + "import enrolments first",
        "meetings.csv:5: error: date \"2029-09-03\" is not in the session 2026-27; expected "
          + "2026-08-01 to 2027-07-31",
      ])
    #expect(try school.snapshot() == before)
  }

  @Test func meetingsImportMergesOnLearnerRoundAndSubject() throws {
    let school = try SmallSchool()
    let file = """
      learner_id,round,mentor_id,date,subject,self_status,action,family_visible
      L1,1,T3,2026-09-03,English,A,Read more,yes
      L1,1,T3,2026-09-03,,,Keep a diary,no
      """
    #expect(try school.importCSV(.meetings, file).added == 2)
    let again = try school.importCSV(.meetings, file.replacingOccurrences(of: ",A,", with: ",O,"))
    #expect(again.added == 0 && again.changed == 1)
    #expect(try school.store.database.scalar("SELECT count(*) FROM meetings") == .integer(2))
  }
}
