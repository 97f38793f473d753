import AspireStore
import Foundation

/// A tiny school for the tests of targets: three learners with courses in
/// 2026-27, their predictions and priors, and last August's results, small
/// enough that every target can be worked out by hand.
///
/// By `aspirational` (the demo's formula, uplift 1) the targets are:
///
/// | learner | subject | level | predicted | prior | gpa | target |
/// |---|---|---|---|---|---|---|
/// | L00011 | English | H | C | N5 C (H No Award) | 1.5 (C) | B |
/// | L00011 | Mathematics | N5 | D | | 1.5 (C) | B |
/// | L00012 | Biology | H | B | H C | 1 (D) | A |
/// | L00012 | English | AH | C | H B (AH D) | 1 (D) | B |
/// | L00013 | English | N5 | D | | 2, from predictions (C) | B |
/// | L00013 | Mathematics | N5 | B | | 2, from predictions (C) | A |
///
/// `generous` (two steps above the prediction) differs from it in two:
/// L00011 English (A) and L00012 English (A).
enum TargetSchool {
  static let enrolmentsHeader =
    "learner_id,subject,level,class,teacher_id,predicted,prior,prior_level,withdrawn"

  static let enrolmentRows = [
    "L00011,English,H,5E1,T2,C,C,N5,",
    "L00011,Mathematics,N5,5M1,T1,D,,,",
    "L00012,English,AH,6E1,T2,C,B,H,",
    "L00012,Biology,H,6B1,T1,B,C,H,",
    "L00013,English,N5,4E1,T2,D,,,",
    "L00013,Mathematics,N5,4M1,T1,B,,,",
  ]

  /// The enrolments file with some rows replaced, by their learner and subject.
  static func enrolments(replacing changed: [String] = []) -> String {
    let rows = enrolmentRows.map { row in
      let key = row.split(separator: ",").prefix(2)
      return changed.first { $0.split(separator: ",").prefix(2) == key } ?? row
    }
    return ([enrolmentsHeader] + rows).joined(separator: "\n") + "\n"
  }

  /// Every file, in import order, with the session each belongs to.
  static let files: [(kind: String, name: String, session: String, text: String)] = [
    (
      "subjects", "subjects.csv", "2026-27",
      "subject,faculty\nEnglish,Languages\n"
        + "Mathematics,Mathematics\nBiology,Sciences\n"
    ),
    (
      "staff", "staff.csv", "2026-27",
      "id,name,email,roles\n"
        + "T1,Ann Teacher,ann.teacher@school.example.org,teacher\n"
        + "T2,Bob Head,bob.head@school.example.org,teacher;senior_leader\n"
    ),
    (
      "learners", "learners-2025-26.csv", "2025-26",
      "id,name,stage\n"
        + "L00011,Amy Adams,S4\nL00012,Ben Brown,S5\n"
    ),
    (
      "learners", "learners-2026-27.csv", "2026-27",
      "id,name,stage\n"
        + "L00011,Amy Adams,S5\nL00012,Ben Brown,S6\nL00013,Cal Craig,S4\n"
    ),
    ("enrolments", "enrolments.csv", "2026-27", enrolments()),
    (
      "results", "results-2026.csv", "2026-27",
      "learner_id,subject,level,grade,year\n"
        + "L00011,English,N5,C,2026\nL00011,Mathematics,N4,Pass,2026\n"
        + "L00012,English,H,D,2026\nL00012,Biology,N5,D,2026\n"
    ),
  ]

  /// The demo's formula as 30-targets.aspire states it, laid out untidily.
  static let untidyTargets = """
    let gpa(l) = mean(r in l.results: points(r.grade))
        ?? mean(x in l.enrolments: points(x.predicted))
    let prior_evidence(e) = if (e.prior_level ?? e.level) == e.level then e.prior else grade(
      points(e.prior) - 2, e.level)
    formula aspirational(e, uplift = 1) = let evidence = max(e.predicted,
            prior_evidence(e), grade(gpa(e.learner) ?? 0, e.level))
      in min(evidence + uplift,
             top(e.level))
    set targets for seniors.enrolments using aspirational

    """

  /// Another formula: two steps above the prediction.
  static let generous = "formula generous(e) = min(e.predicted + 2, top(e.level))\n"

  /// A folder holding the school's files, imported into `school.db`, and the
  /// demo's cohorts and target scripts as `cohorts.aspire` and `targets.aspire`,
  /// and the target script without its `set` statement as `formula.aspire`.
  static func folder() throws -> DataFolder {
    let folder = try DataFolder()
    for file in files {
      try folder.write(file.name, file.text)
      let outcome = try folder.aspire(
        "import", file.kind, file.name, "--db", "school.db", "--session", file.session)
      guard outcome.status == 0 else {
        throw TargetSchoolError(message: "\(file.name): \(outcome.standardError)")
      }
    }
    let school = CommandRunner.root.appendingPathComponent("scripts/school")
    try folder.write(
      "cohorts.aspire", String(contentsOf: school.appendingPathComponent("10-cohorts.aspire")))
    let targets = try String(contentsOf: school.appendingPathComponent("30-targets.aspire"))
    try folder.write("targets.aspire", targets)
    let setLine = "set targets for seniors.enrolments using aspirational\n"
    guard targets.contains(setLine) else {
      throw TargetSchoolError(message: "30-targets.aspire no longer sets the seniors' targets")
    }
    try folder.write("formula.aspire", targets.replacingOccurrences(of: setLine, with: ""))
    return folder
  }
}

/// The tiny school could not be set up.
struct TargetSchoolError: Error {
  let message: String
}

extension DataFolder {
  /// Runs `aspire run` on the cohorts and the scripts named, for 2026-27, as T2.
  @discardableResult
  func runTargets(_ scripts: String..., by user: String = "T2") throws -> CommandRunner.Outcome {
    try CommandRunner.run(
      ["run", "--db", "school.db", "--session", "2026-27", "--by", user, "cohorts.aspire"]
        + scripts,
      in: url)
  }

  /// Writes `text` to `name` and runs it after the cohorts and the demo's
  /// formula (without setting targets by it).
  @discardableResult
  func runStatements(_ name: String, _ text: String, by user: String = "T2") throws
    -> CommandRunner.Outcome
  {
    try write(name, text)
    return try runTargets("formula.aspire", name, by: user)
  }

  /// Every row of the targets table in the order written: learner, subject,
  /// level, target, kind, reason, close reason.
  func targetRows() throws -> [[String]] {
    try store("school.db").database.query(
      """
      SELECT learner_id, subject, level, target, kind, reason, close_reason FROM targets
      ORDER BY id
      """
    ).map { $0.map(\.description) }
  }

  /// The open targets: learner, subject, level and target.
  func openTargets() throws -> [[String]] {
    try store("school.db").database.query(
      """
      SELECT learner_id, subject, level, target FROM targets WHERE closed_at IS NULL
      ORDER BY learner_id, subject
      """
    ).map { $0.map(\.description) }
  }

  /// Every row of the store's tables, the targets and formulas among them.
  func everything() throws -> [String: [[SQLValue]]] {
    try store("school.db").snapshot()
  }
}
