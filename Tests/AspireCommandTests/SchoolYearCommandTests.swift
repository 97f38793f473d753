import AspireStore
import Foundation
import Testing

/// The demo school's year end to end through the built `aspire`: check
/// weeks, mentors, flags and packs, and the rule file run again.
@Suite struct SchoolYearCommandTests {
  /// A private copy of the demo school's store, in a scratch folder.
  func demoCopy() throws -> DataFolder {
    let source = try #require(GoldenTests.demoStore, "the demo school could not be built")
    let folder = try DataFolder()
    try FileManager.default.copyItem(atPath: source, toPath: folder.path("school.db"))
    return folder
  }

  @Test func theDemoStoresTheHandCheckedCalendars() throws {
    let store = try demoCopy().store("school.db")
    let rounds = try store.database.query(
      "SELECT schedule, round, start, end FROM rounds ORDER BY schedule, round"
    ).map { $0.map(\.description).joined(separator: " ") }
    #expect(
      rounds == [
        "checks 1 2026-08-24 2026-08-28", "checks 2 2026-10-05 2026-10-09",
        "checks 3 2026-11-16 2026-11-20", "checks 4 2027-01-06 2027-01-10",
        "s3_checks 1 2026-09-07 2026-09-11", "s3_checks 2 2026-11-30 2026-12-04",
        "s3_checks 3 2027-02-22 2027-02-26",
      ])
  }

  @Test func everySeniorHasAMentorAndNoMentorIsOverCapacity() throws {
    let store = try demoCopy().store("school.db")
    let without = try store.database.scalar(
      """
      SELECT count(*) FROM learner_stages s WHERE s.session = '2026-27'
        AND s.stage IN ('S4', 'S5', 'S6') AND NOT EXISTS (SELECT 1 FROM mentor_allocations a
          WHERE a.learner_id = s.learner_id AND a.session = s.session AND a.to_day IS NULL)
      """)
    #expect(without == .integer(0))
    let over = try store.database.scalar(
      """
      SELECT count(*) FROM (SELECT a.mentor_id, count(*) AS caseload FROM mentor_allocations a
        WHERE a.to_day IS NULL GROUP BY a.mentor_id) c JOIN staff m ON m.id = c.mentor_id
      WHERE c.caseload > m.mentor_capacity OR m.roles NOT LIKE '%mentor%'
      """)
    #expect(over == .integer(0))
  }

  @Test func theDemosMeetingsAreWithTheMentorsTheAllocationGave() throws {
    let store = try demoCopy().store("school.db")
    let others = try store.database.scalar(
      """
      SELECT count(*) FROM meetings m JOIN mentor_allocations a ON a.learner_id = m.learner_id
        AND a.session = m.session AND a.to_day IS NULL WHERE a.mentor_id != m.mentor_id
      """)
    #expect(others == .integer(0))
  }

  @Test func everyFlagGoesToAMemberOfStaff() throws {
    let store = try demoCopy().store("school.db")
    #expect(try store.database.scalar("SELECT count(*) FROM flags").integer ?? 0 > 100)
    let strays = try store.database.scalar(
      "SELECT count(*) FROM flags WHERE owner_id NOT IN (SELECT id FROM staff)")
    #expect(strays == .integer(0))
  }

  @Test func runningTheRuleFileAgainLeavesTheSameFlags() throws {
    let folder = try demoCopy()
    let before = try folder.store("school.db").database.query("SELECT * FROM flags ORDER BY id")

    let outcome = try CommandRunner.run([
      "run", "scripts/school/10-cohorts.aspire", "scripts/school/50-rules.aspire",
      "--db", folder.path("school.db"), "--as-of", "2027-06-30", "--out", folder.path("out"),
    ])

    #expect(outcome.status == 0, "\(outcome.standardError)")
    for rule in ["below_in_three", "below_twice", "above_to_below", "no_meeting"] {
      #expect(outcome.standardOutput.contains("rule \(rule): 0 new flags, "))
    }
    let after = try folder.store("school.db").database.query("SELECT * FROM flags ORDER BY id")
    #expect(after == before)
    #expect(try folder.permissions("out") == 0o700)
    #expect(try folder.permissions("out/packs/checks-round-4/T004.html") == 0o600)
  }

  @Test func refusesPacksBeforeTheRoundsCheckWeekHasEnded() throws {
    let folder = try demoCopy()
    try folder.write("packs.aspire", "write packs for round 2 of checks\n")
    let before = try folder.store("school.db").database.query("SELECT * FROM outbox ORDER BY id")

    let outcome = try folder.aspire(
      "run", "packs.aspire", "--db", "school.db", "--as-of", "2026-08-20", "--out", "early")

    #expect(outcome.status == 1)
    #expect(
      outcome.standardError.contains(
        "error: round 2 of checks runs 2026-10-05 to 2026-10-09 and has not ended by 2026-08-20"))
    #expect(!folder.exists("early/packs"))
    let after = try folder.store("school.db").database.query("SELECT * FROM outbox ORDER BY id")
    #expect(after == before)
  }

  @Test func reportsTheShortfallWhenMentorCapacityIsCut() throws {
    let folder = try demoCopy()
    try folder.store("school.db").database.run("UPDATE staff SET mentor_capacity = 4")
    try folder.write(
      "allocate.aspire",
      "cohort seniors = learners where stage in [S4, S5, S6]\n"
        + "allocate mentors for seniors\n")

    let outcome = try folder.aspire(
      "run", "allocate.aspire", "--db", "school.db", "--as-of", "2026-09-14")

    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("too few mentor places: 116 learners left without"))
    #expect(outcome.standardOutput.contains("20 more mentors with a caseload of 6 would take them"))
    let store = try folder.store("school.db")
    let over = try store.database.scalar(
      """
      SELECT count(*) FROM (SELECT mentor_id FROM mentor_allocations WHERE to_day IS NULL
        GROUP BY mentor_id HAVING count(*) > 4)
      """)
    #expect(over == .integer(0))
    let closed = try store.database.scalar(
      "SELECT count(*) FROM mentor_allocations WHERE to_day = '2026-09-14'")
    #expect(closed == .integer(116))
  }

  @Test func glancesAtALearnerAndAtTheSeniors() throws {
    let folder = try demoCopy()
    try folder.write(
      "glance.aspire",
      "cohort seniors = learners where stage in [S4, S5, S6]\n"
        + "glance \"L00200\"\nglance seniors\n")

    let outcome = try folder.aspire(
      "run", "glance.aspire", "--db", "school.db", "--as-of", "2027-06-30")

    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardOutput.contains("(L00200), S6, 2026-27: mentor "))
    #expect(outcome.standardOutput.contains("(self "))
    #expect(
      outcome.standardOutput.contains("returns missing for the latest round, from 3 teachers"))
  }
}
