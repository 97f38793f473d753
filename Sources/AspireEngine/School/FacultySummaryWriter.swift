import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireReports
import AspireStore
import Foundation

extension SchoolService {
  /// `write summary for faculty "Sciences"`: an HTML page for the faculty
  /// head with, for each of the faculty's subjects and each round, the A/O/B
  /// counts, the flags still open and the returns still missing.
  func writeSummary(faculty: String, asOf: CalendarDate, at range: SourceRange) throws -> [Value] {
    let session = data.defaultSession
    let faculties = try store.database.query("SELECT DISTINCT faculty FROM subjects ORDER BY 1")
      .compactMap { $0[0].text }
    guard faculties.contains(faculty) else {
      throw RuntimeError(
        message: "there is no faculty \"\(faculty)\"; the faculties are "
          + faculties.joined(separator: ", "), range: range)
    }
    let marks = try SessionMarks(store: store, session: session)
    let courses = marks.courses.filter { $0.faculty == faculty }
    var openFlags: [String: Int] = [:]
    for row in try store.database.query(
      "SELECT subject, round, count(*) FROM flags WHERE session = ? AND closed_at IS NULL "
        + "GROUP BY subject, round", [.text(session.description)])
    {
      openFlags["\(row[0].text ?? "")|\(row[1].integer ?? 0)"] = Int(row[2].integer ?? 0)
    }
    let started = Set(
      marks.rounds.values.flatMap { $0 }.filter { $0.start <= asOf }.map(\.number))
    let allRounds = Set(marks.rounds.values.flatMap { $0 }.map(\.number))

    var subjects: [FacultySummary.Subject] = []
    let bySubject = Dictionary(grouping: courses, by: \.subject)
    for (subject, taking) in bySubject.sorted(by: { $0.key < $1.key }) {
      var rounds: [(round: Int, cell: FacultySummary.Cell)] = []
      for round in allRounds.sorted() {
        var aob = [0, 0, 0]
        var missing = 0
        for course in taking {
          let onRound = marks.rounds[marks.scheduleOf[course.learner] ?? ""]?
            .contains { $0.number == round && $0.start <= asOf } ?? false
          if let mark = marks.mark(course.learner, subject, round) {
            aob[2 - mark.status.rawValue] += 1
          } else if onRound && !course.withdrawn {
            missing += 1
          }
        }
        rounds.append(
          (
            round,
            FacultySummary.Cell(
              above: aob[0], on: aob[1], below: aob[2],
              openFlags: openFlags["\(subject)|\(round)"] ?? 0,
              missing: started.contains(round) ? missing : nil)
          ))
      }
      subjects.append(FacultySummary.Subject(name: subject, rounds: rounds))
    }
    let heads = try StaffRoster(store: store).holding("faculty_head")
      .filter { $0.faculty == faculty }.map(\.name)
    let summary = FacultySummary(
      faculty: faculty, session: session.description, asOf: asOf.description, heads: heads,
      subjects: subjects)
    let file = outputFolder.appendingPathComponent(
      "summary-\(ReportFiles.safeName(faculty))-\(session).html")
    try writeReport(summary.html(), to: file, at: range)
    return [.text("wrote the summary for faculty \(faculty) to \(file.path)")]
  }
}
