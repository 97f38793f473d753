import AspireEngine
import AspireMail
import AspireModel
import AspireStore
import Foundation
import Testing

/// Mentor allocation written to the store, rules raising and routing flags,
/// closing flags, glances, packs and summaries.
@Suite struct MentoringAndFlagTests {
  @Test func allocatesEveryLearnerAvoidingTheirTeachers() throws {
    let school = try SmallSchool()

    let printed = try school.run("allocate mentors for seniors")

    #expect(
      printed.first?.hasPrefix("mentors for 3 learners in 2026-27: 0 unchanged, 3 new") == true)
    let mentors = try openMentors(school)
    // Ann (T1) teaches L1 and L3 Mathematics: they go to Cara (T3).
    #expect(mentors == ["L1": "T3", "L2": "T1", "L3": "T3"])
  }

  @Test func reportsTheShortfallAndAllocatesUpToCapacity() throws {
    let school = try SmallSchool()
    try school.importCSV(
      .staff,
      """
      id,name,email,roles,mentor_capacity
      T1,Ann Maths,ann@school.example.org,teacher;mentor,1
      T3,Cara Guide,cara@school.example.org,pupil_support;mentor,1
      """)

    let printed = try school.run("allocate mentors for seniors")

    #expect(
      printed.contains(
        "too few mentor places: 1 learners left without a mentor; 1 more mentors with a "
          + "caseload of 6 would take them"))
    #expect(printed.contains("L3|Cal Craig|S6"))
    let loads = Dictionary(grouping: try openMentors(school).values, by: { $0 }).mapValues(\.count)
    #expect(loads == ["T1": 1, "T3": 1])
  }

  @Test func aChangedMentorClosesTheOldRowAndOpensANewOne() throws {
    let school = try SmallSchool()
    _ = try school.run("allocate mentors for seniors")
    #expect(try school.run("allocate mentors for seniors")[0].contains(": 3 unchanged, 0 new"))

    // Cara stops mentoring: her two learners move to Ann, given room for three.
    try school.importCSV(
      .staff,
      """
      id,name,email,roles,mentor_capacity
      T3,Cara Guide,cara@school.example.org,pupil_support,2
      T1,Ann Maths,ann@school.example.org,teacher;mentor,3
      """)
    school.asOf("2026-11-02")
    let printed = try school.run("allocate mentors for seniors")

    #expect(printed[0].contains(": 1 unchanged, 0 new, 2 changed"))
    let closed = try school.store.database.query(
      "SELECT learner_id, mentor_id, to_day, reason FROM mentor_allocations "
        + "WHERE to_day IS NOT NULL ORDER BY learner_id")
    #expect(closed.count == 2)
    #expect(closed[0][2] == .text("2026-11-02"))
    #expect(closed[0][3] == .text("allocated; closed: mentor changed to T1"))
    #expect(try openMentors(school) == ["L1": "T1", "L2": "T1", "L3": "T1"])
  }

  @Test func allocatingCohortByCohortCountsEveryLearnerAMentorHas() throws {
    // Seven learners, and two mentors with two places each.
    let school = try SmallSchool()
    try school.importCSV(
      .learners,
      """
      id,name,stage
      L4,Dee Dunn,S6
      L5,Eli Eng,S6
      L6,Flo Finn,S5
      L7,Gus Gray,S5
      """)

    let sixth = try school.run("allocate mentors for learners where stage == S6")
    let fifth = try school.run("allocate mentors for learners where stage == S5")

    #expect(sixth[0].contains(": 0 unchanged, 3 new, 0 changed, 0 without a mentor;"))
    #expect(
      fifth[0].contains(
        ": 0 unchanged, 1 new, 0 changed, 2 without a mentor; 2 of 2 mentors used, "
          + "caseloads 2 to 2"))
    #expect(
      fifth.contains(
        "too few mentor places: 2 learners left without a mentor; 1 more mentors with a "
          + "caseload of 6 would take them"))
    let loads = Dictionary(grouping: try openMentors(school).values, by: { $0 }).mapValues(\.count)
    #expect(loads == ["T1": 2, "T3": 2])
  }

  @Test func learnersLeftWithoutAMentorAreNotCountedAsUnchanged() throws {
    let school = try SmallSchool()
    try school.importCSV(
      .staff,
      """
      id,name,email,roles,mentor_capacity
      T1,Ann Maths,ann@school.example.org,teacher;mentor,1
      T3,Cara Guide,cara@school.example.org,pupil_support;mentor,1
      """)
    _ = try school.run("allocate mentors for seniors")

    let again = try school.run("allocate mentors for seniors")

    #expect(again[0].contains(": 2 unchanged, 0 new, 0 changed, 1 without a mentor;"))
  }

  @Test func leavesAsFewLearnersAsCanBeWithAMentorWhoTeachesThem() throws {
    // Ann (T1) teaches Mathematics, Bob (T2) English, Cara (T3) neither, two
    // places each. L1, L4 and L5 take both subjects, so only Cara is clear
    // of them and one must have a teacher for a mentor; no one else need.
    let school = try SmallSchool()
    try school.importCSV(
      .staff,
      """
      id,name,email,roles,mentor_capacity
      T2,Bob Head,bob@school.example.org,teacher;faculty_head;mentor,2
      """)
    try school.importCSV(
      .learners,
      """
      id,name,stage
      L4,Dee Dunn,S6
      L5,Eli Eng,S6
      L6,Flo Finn,S5
      """)
    try school.importCSV(
      .enrolments,
      """
      learner_id,subject,level,class,teacher_id
      L4,Mathematics,H,6M1,T1
      L4,English,H,6E1,T2
      L5,Mathematics,H,6M1,T1
      L5,English,H,6E1,T2
      L6,English,H,5E1,T2
      """)

    let printed = try school.run("allocate mentors for learners where stage >= S4")

    #expect(printed.contains { $0.hasPrefix("1 learners have a mentor who teaches them") })
    #expect(
      try openMentors(school) == [
        "L1": "T3", "L4": "T3", "L2": "T1", "L6": "T1", "L3": "T2", "L5": "T2",
      ])
  }

  @Test func routesEachRoleAndFallsBackToTheLowestSeniorLeaderWithANote() throws {
    let school = try flaggedSchool()
    let flags = try school.store.database.query(
      """
      SELECT rule, learner_id, subject, owner_id, routing_note FROM flags
      ORDER BY rule, learner_id, subject
      """)
    let seen = flags.map { row in row.map(\.description).joined(separator: " ") }
    #expect(
      seen == [
        "by_faculty L1 Biology T4 no faculty head for Sciences; sent to senior leader T4",
        "by_faculty L1 English T2 ",
        "by_leader L1  T4 ",
        "by_mentor L1  T3 ",
        "by_support L1  T3 ",
        "by_support L2  T4 no pupil support on record for L2; sent to senior leader T4",
        "by_teacher L1 Biology T6 ",
        "by_teacher L1 English T2 ",
      ])
    let owners = Set(flags.map { $0[3].description })
    let staff = Set(
      try school.store.database.query("SELECT id FROM staff").map { $0[0].description })
    #expect(owners.isSubset(of: staff))
  }

  @Test func aMentorFlagForALearnerWithNoMentorGoesToASeniorLeader() throws {
    let school = try SmallSchool()
    _ = try school.run(SmallSchool.schedule)
    school.asOf("2026-09-30")
    _ = try school.run(
      """
      rule by_mentor for seniors after each round of checks:
        when id == "L2"
        flag mentor "no meeting"
      """)
    let note = try school.store.database.scalar("SELECT routing_note FROM flags")
    #expect(note == .text("no mentor allocated to L2; sent to senior leader T4"))
  }

  @Test func runningTheRulesAgainAddsNoFlags() throws {
    let school = try flaggedSchool()
    let before = try school.snapshot()

    let printed = try school.run(SmallSchool.rules)

    #expect(printed.contains("rule by_support: 0 new flags, 2 already raised"))
    #expect(try school.snapshot() == before)
  }

  @Test func onlyRoundsEndedByTheAsOfDateAreChecked() throws {
    let school = try SmallSchool()
    _ = try school.run(SmallSchool.schedule)
    _ = try school.run(#"mark "L1" in "English" round 1 as Below"#)
    school.asOf("2026-08-27")
    #expect(
      try school.run(SmallSchool.rules).contains("rule by_teacher: 0 new flags, 0 already raised"))
    school.asOf("2026-08-28")
    #expect(
      try school.run(SmallSchool.rules).contains("rule by_teacher: 1 new flags, 0 already raised"))
  }

  @Test func closesAFlagOnceAndRefusesUnknownOnes() throws {
    let school = try flaggedSchool()

    #expect(
      try school.run(#"close flag 1 note "spoke to the family""#).first?.hasPrefix("closed flag 1")
        == true)
    #expect(
      school.failure(#"close flag 1 note "again""#)?.hasPrefix("flag 1 is already closed") == true)
    #expect(school.failure(#"close flag 99 note "x""#) == "there is no flag 99")
    let open = try school.run(
      "count(flags where not closed)\n"
        + "flags where not closed | sort age desc "
        + "| show owner.name, learner.id, flag.rule, round, age | limit 1")
    #expect(open[0] == "7")
    #expect(open[1].split(separator: "|").count == 5)
  }

  @Test func glanceShowsTheLearnersYearWithTheirOwnViewWhereItDiffers() throws {
    let school = try flaggedSchool()
    try school.importCSV(
      .meetings,
      """
      learner_id,round,mentor_id,date,subject,self_status
      L1,1,T3,2026-09-03,English,On
      L1,1,T3,2026-09-03,Biology,Below
      """)

    let printed = try school.run(#"glance "L1""#)

    #expect(printed[0].hasPrefix("Amy <b>Adams</b> (L1), S4, 2026-27: mentor Cara Guide"))
    #expect(printed.contains("English|N5|missing|B (self O)|missing|missing|missing"))
    #expect(printed.contains("Biology|N5|missing|B|missing|missing|missing"))
  }

  @Test func glanceAtACohortCountsStatusesAndMissingReturnsByTeacher() throws {
    let school = try flaggedSchool()

    let printed = try school.run("glance seniors")

    #expect(printed.contains("English|1|0|0|2"))
    #expect(printed.contains("Mathematics|1|1|0|0"))
    #expect(printed.contains("2 returns missing for the latest round, from 2 teachers"))
    #expect(printed.contains("T1|Ann Maths|1|1"))
    #expect(printed.contains("T6|Fay Science|1|1"))
  }

  @Test func writesOnePackAMentorWithEveryValueEscaped() throws {
    let school = try flaggedSchool()

    let printed = try school.run("write packs for round 1 of checks")

    #expect(
      printed.first?.hasPrefix("wrote 2 mentor packs for round 1 of checks (3 learners)") == true)
    let pack = school.out.appendingPathComponent("packs/checks-round-1/T3.html")
    let html = try String(contentsOf: pack, encoding: .utf8)
    #expect(html.contains("Amy &lt;b&gt;Adams&lt;/b&gt; (L1)"))
    #expect(!html.contains("<b>Adams"))
    let mode = try FileManager.default.attributesOfItem(atPath: pack.path)[.posixPermissions]
    #expect((mode as? NSNumber)?.intValue == 0o600)
    #expect(
      school.failure("write packs for round 9 of checks")
        == "schedule checks has no round 9; expected 1 to 4")
  }

  @Test func refusesPacksForARoundWhoseCheckWeekHasNotEndedAndWritesNothing() throws {
    let school = try flaggedSchool()
    let service = try #require(school.interpreter.schoolHandler as? SchoolService)
    service.sender = try SenderIdentity(from: MailAddress("office@school.example.org"))
    let before = try school.snapshot()

    #expect(
      school.failure("write packs for round 2 of checks")
        == "round 2 of checks runs 2026-10-05 to 2026-10-09 and has not ended by 2026-08-28")

    #expect(try school.snapshot() == before)
    #expect(try Outbox(store: school.store).allEntries().allSatisfy { $0.kind == "flags" })
    let folder = school.out.appendingPathComponent("packs/checks-round-2")
    #expect(!FileManager.default.fileExists(atPath: folder.path))
    school.asOf("2026-10-09")
    #expect(
      try school.run("write packs for round 2 of checks").first?.hasPrefix("wrote 2 mentor packs")
        == true)
  }

  @Test func writesTheFacultySummaryAndRefusesAnUnknownFaculty() throws {
    let school = try flaggedSchool()

    let printed = try school.run(#"write summary for faculty "Languages""#)

    #expect(printed.first?.hasSuffix("summary-Languages-2026-27.html") == true)
    let html = try String(
      contentsOf: school.out.appendingPathComponent("summary-Languages-2026-27.html"),
      encoding: .utf8)
    #expect(html.contains("<h2>English</h2>"))
    #expect(html.contains("for Bob Head"))
    #expect(
      school.failure(#"write summary for faculty "Art""#)
        == "there is no faculty \"Art\"; the faculties are Languages, Mathematics, Sciences")
  }

  /// The school after round 1: a schedule, mentors, some Below marks and the
  /// rules run as of the round's end.
  private func flaggedSchool() throws -> SmallSchool {
    let school = try SmallSchool()
    _ = try school.run(SmallSchool.schedule)
    _ = try school.run("allocate mentors for seniors")
    _ = try school.run(
      """
      mark "L1" in "English" round 1 as Below
      mark "L1" in "Biology" round 1 as Below
      mark "L1" in "Mathematics" round 1 as Above
      mark "L2" in "English" round 1 as Below
      """)
    school.asOf("2026-08-28")
    _ = try school.run(SmallSchool.rules)
    return school
  }

  private func openMentors(_ school: SmallSchool) throws -> [String: String] {
    var mentors: [String: String] = [:]
    for row in try school.store.database.query(
      "SELECT learner_id, mentor_id FROM mentor_allocations WHERE to_day IS NULL")
    {
      mentors[row[0].description] = row[1].description
    }
    return mentors
  }
}

extension SmallSchool {
  /// One rule for each role, all on round marks of Below.
  static let rules = """
    rule by_support for seniors after each round of checks:
      when count(a in assessments where a.round == round and a.status == Below) >= 1
      flag pupil_support "Below in a subject"
    rule by_mentor for seniors after each round of checks:
      when id == "L1" and count(a in assessments where a.round == round and a.status == Below) >= 2
      flag mentor "Below in two subjects"
    rule by_leader for seniors after each round of checks:
      when id == "L1" and any(a in assessments: a.round == round and a.status == Below)
      flag senior_leader "Below: for the record"
    rule by_teacher for seniors.enrolments where learner.id == "L1" after each round of checks:
      when any(a in assessments: a.round == round and a.status == Below)
      flag class_teacher "Below in " + subject
    rule by_faculty for seniors.enrolments where learner.id == "L1" after each round of checks:
      when any(a in assessments: a.round == round and a.status == Below)
      flag faculty_head "Below in " + subject
    """
}
