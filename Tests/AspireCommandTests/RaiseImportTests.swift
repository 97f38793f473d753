import AspireStore
import Foundation
import Testing

/// End-to-end tests of `aspire import raises`: a teacher's file of raised
/// targets against the tiny school once its targets are set.
@Suite struct RaiseImportTests {
  /// The tiny school with its targets set by the demo's formula.
  static func school() throws -> DataFolder {
    let folder = try TargetSchool.folder()
    let outcome = try folder.runTargets("targets.aspire")
    guard outcome.status == 0 else { throw TargetSchoolError(message: outcome.standardError) }
    return folder
  }

  static let goodFile = """
    learner_id,subject,target,reason
    L00011,English,A,"Strong prelim, and
    extra tutoring"
    L00013,English,A,Mock exam

    """

  @Test func aGoodFileRaisesEachTargetAndIsLogged() throws {
    let folder = try RaiseImportTests.school()
    try folder.write("raises.csv", RaiseImportTests.goodFile)

    let outcome = try folder.aspire(
      "import", "raises", "raises.csv", "--db", "school.db", "--session", "2026-27", "--by", "T1")

    #expect(outcome.status == 0)
    #expect(outcome.standardError == "raises.csv: 2 rows, 2 raised, 0 unchanged\n")
    let raised = try folder.targetRows().filter { $0[0] != "L00012" && $0[1] == "English" }
    #expect(
      raised == [
        [
          "L00011", "English", "H", "B", "formula", "",
          "raised: Strong prelim, and\nextra tutoring",
        ],
        ["L00013", "English", "N5", "B", "formula", "", "raised: Mock exam"],
        ["L00011", "English", "H", "A", "raise", "Strong prelim, and\nextra tutoring", ""],
        ["L00013", "English", "N5", "A", "raise", "Mock exam", ""],
      ])
    let store = try folder.store("school.db")
    let log = try store.database.query(
      """
      SELECT file_name, kind, rows, added, changed, imported_by, session FROM import_log
      WHERE kind = 'raises'
      """)
    #expect(
      log == [
        [
          .text("raises.csv"), .text("raises"), .integer(2), .integer(0), .integer(2),
          .text("T1"), .text("2026-27"),
        ]
      ])
    let setBy = try store.database.query("SELECT DISTINCT set_by FROM targets WHERE kind = 'raise'")
    #expect(setBy == [[.text("T1")]])
  }

  @Test func settingTargetsAgainKeepsTheRaises() throws {
    let folder = try RaiseImportTests.school()
    try folder.write("raises.csv", RaiseImportTests.goodFile)
    try folder.aspire("import", "raises", "raises.csv", "--db", "school.db", "--session", "2026-27")

    let outcome = try folder.runTargets("targets.aspire")

    #expect(outcome.standardOutput.contains(": 0 set, 6 unchanged, 0 closed"))
    #expect(
      try folder.openTargets().filter { $0[1] == "English" }.map { $0[3] } == ["A", "B", "A"])
  }

  @Test func everyBadRowIsReportedAtItsPhysicalLineAndNothingIsWritten() throws {
    let folder = try RaiseImportTests.school()
    let before = try folder.everything()
    try folder.write(
      "raises.csv",
      """
      learner_id,subject,target,reason
      L00011,English,A,"A long reason
      over two lines"
      L00012,Biology,B,lower it
      L00013,Mathematics,A,keep it
      L00012,English,Pass,wrong scale
      L00099,English,A,no such learner
      L00013,Biology,A,no such course
      L00013,English,A,
      L00011,English,A,twice
      L00013,Mathematics,A,extra,value

      """)

    let outcome = try folder.aspire(
      "import", "raises", "raises.csv", "--db", "school.db", "--session", "2026-27")

    #expect(outcome.status == 1)
    #expect(outcome.standardOutput.isEmpty)
    #expect(
      outcome.standardError == """
        raises.csv:4: error: target "B" is below L00012's target in Biology, which is A; \
        a target can only be raised
        raises.csv:6: error: target "Pass" is not a grade on AH; expected A, B, C, D or No Award
        raises.csv:7: error: learner_id "L00099" has no open target in English in 2026-27 to raise
        raises.csv:8: error: learner_id "L00013" has no open target in Biology in 2026-27 to raise
        raises.csv:9: error: reason is empty; expected why the target is raised
        raises.csv:10: error: duplicate learner_id "L00011", subject "English"; first on line 2
        raises.csv:11: error: row has 5 values; expected 4, one per column
        raises.csv: nothing imported

        """)
    #expect(try folder.everything() == before)
  }

  @Test func importingTheSameFileTwiceRaisesOnce() throws {
    let folder = try RaiseImportTests.school()
    try folder.write("raises.csv", RaiseImportTests.goodFile)
    let importRaises = {
      try folder.aspire(
        "import", "raises", "raises.csv", "--db", "school.db", "--session", "2026-27", "--by", "T1")
    }
    #expect(try importRaises().status == 0)
    let once = try folder.targetRows()

    let again = try importRaises()

    #expect(again.status == 0)
    #expect(again.standardError == "raises.csv: 2 rows, 0 raised, 2 unchanged\n")
    #expect(try folder.targetRows() == once)
    let logged = try folder.store("school.db").database.query(
      "SELECT count(*) FROM import_log WHERE kind = 'raises'")
    #expect(logged == [[.integer(2)]])
  }

  @Test func aFileWithAMissingColumnIsRefusedAtItsHeader() throws {
    let folder = try RaiseImportTests.school()
    let before = try folder.everything()
    try folder.write("raises.csv", "learner_id,subject,grade\nL00011,English,A\n")

    let outcome = try folder.aspire(
      "import", "raises", "raises.csv", "--db", "school.db", "--session", "2026-27")

    #expect(outcome.status == 1)
    #expect(
      outcome.standardError == """
        raises.csv:1: error: unknown column "grade"; expected one of learner_id, subject, target, \
        reason
        raises.csv:1: error: missing column "target"; a raises file needs learner_id, subject, \
        target, reason
        raises.csv:1: error: missing column "reason"; a raises file needs learner_id, subject, \
        target, reason
        raises.csv: nothing imported

        """)
    #expect(try folder.everything() == before)
  }

  @Test func aDryRunSaysWhatWouldBeRaisedAndWritesNothing() throws {
    let folder = try RaiseImportTests.school()
    let before = try folder.everything()
    try folder.write("raises.csv", RaiseImportTests.goodFile)

    let outcome = try folder.aspire(
      "import", "raises", "raises.csv", "--db", "school.db", "--session", "2026-27", "--dry-run")

    #expect(outcome.status == 0)
    #expect(outcome.standardError == "raises.csv: 2 rows, would be 2 raised, 0 unchanged\n")
    #expect(try folder.everything() == before)
  }

  @Test func theSessionIsTheOneContainingTheAsOfDateUnlessNamed() throws {
    let folder = try RaiseImportTests.school()
    try folder.write("raises.csv", RaiseImportTests.goodFile)

    let lastYear = try folder.aspire(
      "import", "raises", "raises.csv", "--db", "school.db", "--as-of", "2026-07-31")
    let thisYear = try folder.aspire(
      "import", "raises", "raises.csv", "--db", "school.db", "--as-of", "2026-08-01")

    #expect(lastYear.status == 1)
    #expect(
      lastYear.standardError.hasPrefix(
        "raises.csv:2: error: learner_id \"L00011\" has no open target in English in 2025-26"))
    #expect(thisYear.status == 0)
    #expect(thisYear.standardError == "raises.csv: 2 rows, 2 raised, 0 unchanged\n")
  }
}
