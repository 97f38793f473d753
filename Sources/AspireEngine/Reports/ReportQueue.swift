import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireReports
import Foundation

extension SchoolService {
  /// Writes each learner's Live Report for every round of the schedule
  /// closed by `today`, one file per learner and round under the output
  /// folder's `reports/` (the printable copy the office keeps).
  func queueReports(
    _ name: String, cohort: TableValue, schedule: String, asOf today: CalendarDate,
    at range: SourceRange
  ) throws -> [Value] {
    let session = data.defaultSession
    let rounds = try store.database.query(
      "SELECT schedule, round, end FROM rounds WHERE session = ? ORDER BY schedule, round",
      [.text(session.description)])
    let builder = LiveReportBuilder(data: data, school: school)
    let idField = cohort.data.record.index(of: "id")!
    var written = 0
    for row in cohort.rows {
      guard case .text(let id) = cohort.data.value(idField, at: row) else { continue }
      // A learner follows the schedule they are on (S3 has its own, lighter one).
      let onSchedule = try store.database.scalar(
        "SELECT schedule FROM schedule_learners WHERE session = ? AND learner_id = ?",
        [.text(session.description), .text(id)]
      ).text ?? schedule
      let theirs = rounds.filter { $0[0].text == onSchedule }
      let closed = theirs.filter { ($0[2].text.flatMap { CalendarDate(parsing: $0) } ?? today) <= today }
      for round in closed {
        let number = Int(round[1].integer ?? 0)
        let report = try builder.report(
          cohort.data, row, session: session, round: number, rounds: theirs.count)
        let file = outputFolder.appendingPathComponent(
          "reports/\(session)/round-\(number)/\(ReportFiles.safeName(id)).html")
        try ReportFiles.write(report.html, to: file)
        written += 1
      }
    }
    return [.text("report \(name): \(written) Live Reports written under \(outputFolder.path)/reports")]
  }
}
