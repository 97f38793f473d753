import AspireEngine
import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore
import Testing

/// The enrolments table joins each enrolment's faculty and open target after
/// reading the enrolments; it holds what the join in SQL gives.
@Suite struct EnrolmentLoadTests {
  @Test func holdsEachEnrolmentsFacultyAndOpenTargetAsTheJoinInSQLDoes() throws {
    let school = try SmallSchool()
    let targets: [(String, String, String, String, String?)] = [
      ("L1", "Mathematics", "N5", "A", nil), ("L1", "English", "N5", "B", "2026-09-01"),
      ("L1", "English", "N5", "C", nil), ("L2", "Biology", "H", "Pass", nil),
      ("L3", "Mathematics", "H", "B", "2026-09-02"),
    ]
    for (learner, subject, level, target, closed) in targets {
      try school.store.database.run(
        """
        INSERT INTO targets (session, learner_id, subject, level, target, kind, evidence,
          set_at, set_by, closed_at)
        VALUES ('2026-27', ?, ?, ?, ?, 'raise', '{}', '2026-08-20', 'tester', ?)
        """,
        [
          .text(learner), .text(subject), .text(level), .text(target),
          closed.map(SQLValue.text) ?? .null,
        ])
    }
    school.data.reload()
    let table = try school.data.table(.enrolments, selector: nil)
    let record = table.record
    let shown = (0..<table.count).map { row in
      ["learner", "subject", "faculty", "target"].map { field -> String in
        let value = table.value(record.index(of: field)!, at: row)
        if case .record(let learners, let index) = value {
          return ValuePrinter.print(learners.value(learners.record.index(of: "id")!, at: index))
        }
        return value.isMissing ? "" : ValuePrinter.print(value)
      }
    }
    let joined = try school.store.database.query(
      """
      SELECT e.learner_id, e.subject, s.faculty, coalesce(t.target, '')
      FROM enrolments e JOIN subjects s ON s.subject = e.subject
      LEFT JOIN targets t ON t.session = e.session AND t.learner_id = e.learner_id
        AND t.subject = e.subject AND t.closed_at IS NULL
      WHERE e.session = '2026-27' ORDER BY e.learner_id, e.subject
      """
    ).map { $0.map(\.description) }
    // A target that is no grade of its level's scale (Pass at Higher) is read
    // on the first scale that has it, as every grade is.
    #expect(shown == joined)
    #expect(shown.contains { $0[3] == "A" } && shown.contains { $0[3] == "C" })
  }
}
