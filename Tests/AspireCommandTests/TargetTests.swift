import AspireStore
import Foundation
import Testing

/// End-to-end tests of the statements about targets: the built `aspire` sets,
/// revises and raises the tiny school's targets, and the store is read back.
@Suite struct TargetTests {
  static let allSet = [
    ["L00011", "English", "H", "B"], ["L00011", "Mathematics", "N5", "B"],
    ["L00012", "Biology", "H", "A"], ["L00012", "English", "AH", "B"],
    ["L00013", "English", "N5", "B"], ["L00013", "Mathematics", "N5", "A"],
  ]

  @Test func settingTargetsWritesOneOpenRowPerEnrolmentWithTheFormulaAndItsEvidence() throws {
    let folder = try TargetSchool.folder()

    let outcome = try folder.runTargets("targets.aspire")

    #expect(outcome.status == 0)
    #expect(outcome.standardError.isEmpty)
    let store = try folder.store("school.db")
    let formulas = try store.database.query("SELECT hash, name, text, first_used_by FROM formulas")
    try #require(formulas.count == 1)
    let hash = formulas[0][0].text ?? ""
    let text = formulas[0][2].text ?? ""
    #expect(hash == SHA256.hexDigest(of: Array(text.utf8)))
    #expect(formulas[0][1] == .text("aspirational"))
    #expect(formulas[0][3] == .text("T2"))
    // The text that versions the formula holds the helpers it calls.
    #expect(text.hasPrefix("formula aspirational(e, uplift = 1) =\n"))
    #expect(text.contains("let prior_evidence(e) = ") && text.contains("let gpa(l) = "))
    #expect(
      outcome.standardOutput
        == "targets by aspirational (\(hash.prefix(12))): 6 set, 0 unchanged, 0 closed, "
        + "0 without evidence\n")
    #expect(try folder.openTargets() == TargetTests.allSet)

    let rows = try store.database.query(
      """
      SELECT kind, formula_hash, set_by, set_at, closed_at, session FROM targets
      """)
    #expect(rows.count == 6)
    for row in rows {
      #expect(row[0] == .text("formula"))
      #expect(row[1] == .text(hash))
      #expect(row[2] == .text("T2"))
      #expect(row[3].text?.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil)
      #expect(row[4] == .null)
      #expect(row[5] == .text("2026-27"))
    }
    let evidence = try store.database.query(
      "SELECT learner_id, subject, evidence FROM targets ORDER BY learner_id, subject"
    ).map { $0[2].text ?? "" }
    #expect(
      evidence[0] == """
        {"predicted":"C","prior_level":"N5","level":"H","prior":"C",\
        "prior_evidence(e)":"No Award","gpa(e.learner)":1.5}
        """)
    #expect(
      evidence[5] == """
        {"predicted":"B","prior_level":null,"level":"N5","prior":null,\
        "prior_evidence(e)":null,"gpa(e.learner)":2}
        """)
  }

  @Test func resultsOfALearnerNotOnLastSessionsRollStillCountForTheAverage() throws {
    let folder = try TargetSchool.folder()
    // L00013 joined this session, bringing last August's results from another school.
    try folder.write("arrival.csv", "learner_id,subject,level,grade,year\nL00013,Art,N5,A,2026\n")
    try folder.write("art.csv", "subject,faculty\nArt,Expressive Arts\n")
    try folder.aspire("import", "subjects", "art.csv", "--db", "school.db")
    let imported = try folder.aspire("import", "results", "arrival.csv", "--db", "school.db")
    #expect(imported.status == 0)

    try folder.runTargets("targets.aspire")

    let rows = try folder.store("school.db").database.query(
      "SELECT subject, target, evidence FROM targets WHERE learner_id = 'L00013' ORDER BY subject")
    #expect(rows.map { $0[1] } == [.text("A"), .text("A")])
    #expect(rows.allSatisfy { $0[2].text?.hasSuffix("\"gpa(e.learner)\":4}") == true })
  }

  @Test func settingTheSameTargetsAgainChangesNothing() throws {
    let folder = try TargetSchool.folder()
    try folder.runTargets("targets.aspire")
    let before = try folder.everything()

    let outcome = try folder.runTargets("targets.aspire")

    #expect(outcome.status == 0)
    #expect(outcome.standardOutput.contains(": 0 set, 6 unchanged, 0 closed, 0 without evidence"))
    #expect(try folder.everything() == before)
  }

  @Test func aFormulaInAnotherLayoutIsTheSameFormula() throws {
    let folder = try TargetSchool.folder()
    try folder.write("untidy.aspire", TargetSchool.untidyTargets)
    let first = try folder.runTargets("untidy.aspire")
    #expect(first.standardOutput.contains(": 6 set, 0 unchanged"))
    let before = try folder.everything()

    let formatted = try folder.aspire("fmt", "--write", "untidy.aspire")
    let tidy = try String(contentsOf: folder.url.appendingPathComponent("untidy.aspire"))
    let again = try folder.runTargets("untidy.aspire")
    let demo = try folder.runTargets("targets.aspire")

    #expect(formatted.status == 0)
    #expect(tidy != TargetSchool.untidyTargets)
    #expect(again.status == 0)
    #expect(again.standardOutput.contains(": 0 set, 6 unchanged, 0 closed"))
    #expect(demo.standardOutput.contains(": 0 set, 6 unchanged, 0 closed"))
    #expect(try folder.everything() == before)
  }

  @Test func aDifferentFormulaIsRefusedSayingHowManyWouldChangeAndWritesNothing() throws {
    let folder = try TargetSchool.folder()
    try folder.runTargets("targets.aspire")
    let before = try folder.everything()

    let outcome = try folder.runStatements(
      "generous.aspire",
      TargetSchool.generous + "set targets for seniors.enrolments using generous\n")

    #expect(outcome.status == 1)
    #expect(
      outcome.standardError.contains(
        "error: targets are locked: 2 set by another formula would change, so nothing was written"
      ))
    #expect(
      outcome.standardError.contains(
        "help: to change them on purpose, write: revise targets for … using generous reason"))
    #expect(try folder.everything() == before)
  }

  @Test func aChangedHelperMakesADifferentFormula() throws {
    let folder = try TargetSchool.folder()
    try folder.runTargets("targets.aspire")
    let before = try folder.everything()
    let script = try String(contentsOf: folder.url.appendingPathComponent("targets.aspire"))
    let gpaLine = try #require(script.split(separator: "\n").first { $0.hasPrefix("let gpa(l)") })
    try folder.write(
      "changed.aspire", script.replacingOccurrences(of: gpaLine, with: "let gpa(l) = 4"))

    let outcome = try folder.runTargets("changed.aspire")

    #expect(outcome.status == 1)
    #expect(outcome.standardError.contains("targets are locked: 4 set by another formula"))
    #expect(try folder.everything() == before)
  }

  @Test func aRevisionClosesTheChangedTargetsWithItsReasonAndOpensNewOnes() throws {
    let folder = try TargetSchool.folder()
    try folder.runTargets("targets.aspire")

    let outcome = try folder.runStatements(
      "revise.aspire",
      TargetSchool.generous
        + "revise targets for seniors.enrolments using generous reason \"aim higher in English\"\n")

    #expect(outcome.status == 0)
    #expect(
      outcome.standardOutput.contains(": 2 revised, 4 unchanged, 2 closed, 0 without evidence"))
    let changed = try folder.targetRows().filter { $0[1] == "English" && $0[0] != "L00013" }
    #expect(
      changed == [
        ["L00011", "English", "H", "B", "formula", "", "revised: aim higher in English"],
        ["L00012", "English", "AH", "B", "formula", "", "revised: aim higher in English"],
        ["L00011", "English", "H", "A", "revision", "aim higher in English", ""],
        ["L00012", "English", "AH", "A", "revision", "aim higher in English", ""],
      ])
    let hashes = try folder.store("school.db").database.query(
      """
      SELECT DISTINCT f.name FROM targets t JOIN formulas f ON f.hash = t.formula_hash
      WHERE t.kind = 'revision'
      """)
    #expect(hashes == [[.text("generous")]])
  }

  @Test func aRevisionWithAnEmptyReasonIsRefused() throws {
    let folder = try TargetSchool.folder()
    try folder.runTargets("targets.aspire")
    let before = try folder.everything()

    let outcome = try folder.runStatements(
      "revise.aspire",
      TargetSchool.generous + "revise targets for seniors.enrolments using generous reason \"  \"\n"
    )

    #expect(outcome.status == 1)
    #expect(outcome.standardError.contains("error: a revision needs a reason"))
    #expect(try folder.everything() == before)
  }

  @Test func aTeacherRaisesOneTargetWithAReason() throws {
    let folder = try TargetSchool.folder()
    try folder.runTargets("targets.aspire")

    let outcome = try folder.runStatements(
      "raise.aspire", "raise target for \"L00012\" in \"English\" to A reason \"strong prelim\"\n",
      by: "T1")

    #expect(outcome.status == 0)
    #expect(outcome.standardOutput == "raised L00012's target in English from B to A\n")
    let rows = try folder.targetRows().filter { $0[0] == "L00012" && $0[1] == "English" }
    #expect(
      rows == [
        ["L00012", "English", "AH", "B", "formula", "", "raised: strong prelim"],
        ["L00012", "English", "AH", "A", "raise", "strong prelim", ""],
      ])
    let raisedBy = try folder.store("school.db").database.query(
      "SELECT set_by FROM targets WHERE kind = 'raise'")
    #expect(raisedBy == [[.text("T1")]])
    #expect(try folder.targetRows().count == 7)
  }

  @Test(arguments: ["B", "A"])
  func aTargetIsNeverLoweredOrKeptByARaise(grade: String) throws {
    let folder = try TargetSchool.folder()
    try folder.runTargets("targets.aspire")
    let before = try folder.everything()

    let outcome = try folder.runStatements(
      "raise.aspire", "raise target for \"L00012\" in \"Biology\" to \(grade) reason \"oops\"\n")

    #expect(outcome.status == 1)
    #expect(
      outcome.standardError.contains(
        "error: a target can only be raised: L00012's target in Biology is A, and \(grade) is "
          + "not above it"))
    #expect(try folder.everything() == before)
  }

  @Test func aChangedLevelClosesTheOldTargetAndTheFormulaSetsANewOne() throws {
    let folder = try TargetSchool.folder()
    try folder.runTargets("targets.aspire")
    try folder.write(
      "enrolments.csv", TargetSchool.enrolments(replacing: ["L00011,English,N5,5E1,T2,C,C,N5,"]))
    let reimport = try folder.aspire(
      "import", "enrolments", "enrolments.csv", "--db", "school.db", "--session", "2026-27")
    #expect(reimport.standardError == "enrolments.csv: 6 rows, 0 added, 1 changed, 5 unchanged\n")

    let outcome = try folder.runTargets("targets.aspire")

    #expect(outcome.standardOutput.contains(": 1 set, 5 unchanged, 1 closed, 0 without evidence"))
    let rows = try folder.targetRows().filter { $0[0] == "L00011" && $0[1] == "English" }
    #expect(
      rows == [
        ["L00011", "English", "H", "B", "formula", "", "level changed from H to N5"],
        // On N5 the prior C counts as it stands: max(C, C, C) + 1.
        ["L00011", "English", "N5", "B", "formula", "", ""],
      ])
  }

  @Test func aWithdrawalClosesTheTarget() throws {
    let folder = try TargetSchool.folder()
    try folder.runTargets("targets.aspire")
    try folder.write(
      "enrolments.csv",
      TargetSchool.enrolments(replacing: ["L00013,Mathematics,N5,4M1,T1,B,,,true"]))
    try folder.aspire(
      "import", "enrolments", "enrolments.csv", "--db", "school.db", "--session", "2026-27")

    let outcome = try folder.runTargets("targets.aspire")

    #expect(outcome.standardOutput.contains(": 0 set, 5 unchanged, 1 closed, 0 without evidence"))
    let rows = try folder.targetRows().filter { $0[0] == "L00013" && $0[1] == "Mathematics" }
    #expect(
      rows == [["L00013", "Mathematics", "N5", "A", "formula", "", "withdrawn from the course"]])
    #expect(try folder.openTargets().count == 5)
  }

  @Test func theAuditTrailOfOneCourseShowsEveryStepInOrder() throws {
    let folder = try TargetSchool.folder()
    let setByGenerous =
      TargetSchool.generous + "set targets for seniors.enrolments using generous\n"
    func reimport(_ row: String) throws {
      try folder.write("enrolments.csv", TargetSchool.enrolments(replacing: [row]))
      try folder.aspire(
        "import", "enrolments", "enrolments.csv", "--db", "school.db", "--session", "2026-27")
    }
    try folder.runTargets("targets.aspire")
    try folder.runStatements(
      "revise.aspire",
      TargetSchool.generous
        + "revise targets for seniors.enrolments using generous reason \"aim higher\"\n")
    try reimport("L00011,English,N5,5E1,T2,D,C,N5,")
    try folder.runStatements("generous.aspire", setByGenerous)
    try folder.runStatements(
      "raise.aspire", "raise target for \"L00011\" in \"English\" to A reason \"mock exam\"\n")
    try reimport("L00011,English,N5,5E1,T2,D,C,N5,yes")
    let last = try folder.runStatements("generous.aspire", setByGenerous)

    #expect(last.standardOutput.contains(": 0 set, 5 unchanged, 1 closed"))
    let trail = try folder.store("school.db").database.query(
      """
      SELECT level, target, kind, f.name, reason, close_reason, closed_at IS NOT NULL
      FROM targets t LEFT JOIN formulas f ON f.hash = t.formula_hash
      WHERE learner_id = 'L00011' AND subject = 'English' ORDER BY t.id
      """
    ).map { $0.map(\.description) }
    #expect(
      trail == [
        ["H", "B", "formula", "aspirational", "", "revised: aim higher", "1"],
        ["H", "A", "revision", "generous", "aim higher", "level changed from H to N5", "1"],
        ["N5", "B", "formula", "generous", "", "raised: mock exam", "1"],
        ["N5", "A", "raise", "generous", "mock exam", "withdrawn from the course", "1"],
      ])
  }
}
