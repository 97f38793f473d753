import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore

extension SchoolService {
  /// `mark "L00012" in "English" round 2 as Below comment "…"`: one teacher's
  /// return, entered through the importer as a file of one row would be, so
  /// it is checked the same way (a known learner enrolled in the subject, a
  /// round of their stored schedule) and a correction keeps its history.
  func mark(
    learner: String, subject: String, round: Int, status: Value, comment: String?,
    at range: SourceRange
  ) throws -> [Value] {
    guard case .status(let status) = status else {
      throw RuntimeError(message: "a mark is Above, On or Below", range: range)
    }
    let session = data.defaultSession
    var row: [(column: String, value: String)] = [
      ("learner_id", learner), ("subject", subject), ("round", String(round)),
      ("status", status.letter),
    ]
    if let comment { row.append(("comment", comment)) }
    let teacher = try store.database.scalar(
      "SELECT teacher_id FROM enrolments WHERE session = ? AND learner_id = ? AND subject = ?",
      [.text(session.description), .text(learner), .text(subject)])
    if let teacher = teacher.text { row.append(("teacher_id", teacher)) }

    let outcome = try Importer(store: store).run(
      kind: .assessments, row: row, source: "mark", session: session, by: user, at: now)
    guard outcome.succeeded else {
      throw RuntimeError(
        message: outcome.diagnostics.map(\.message).joined(separator: "; "), range: range)
    }
    data.reload()
    let effect = outcome.added > 0 ? "added" : outcome.changed > 0 ? "changed" : "unchanged"
    return [
      .text("marked \(learner) in \(subject) round \(round) as \(status) (\(effect))")
    ]
  }
}
