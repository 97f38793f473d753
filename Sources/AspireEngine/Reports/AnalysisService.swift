import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireReports
import AspireStore
import Foundation

/// The August analysis: results set against the targets of the session
/// before, written as an HTML file with charts, and summed up as a table.
struct AnalysisService {
  let data: StoreDataSource
  let outputFolder: URL
  /// The school's name, or nil to leave it out.
  let school: String?

  /// Analyses the results of a session's enrolments and writes the page.
  func analyse(_ table: TableValue, outside: Bool) throws -> [Value] {
    let rows = EnrolmentRows(table)
    guard let session = rows.session.first.flatMap({ Session(parsing: $0) }) else {
      return [.text("no enrolments to analyse")]
    }
    let results = try self.results(table, rows)
    var previous: [Analysis.Result] = []
    let earlier = try data.table(.enrolments, selector: .text(session.previous.description))
    if earlier.count > 0 {
      let all = TableValue(all: earlier)
      previous = try self.results(all, EnrolmentRows(all))
    }
    let changedLevel = try data.store.database.scalar(
      "SELECT count(*) FROM targets WHERE session = ? AND close_reason LIKE 'level changed%'",
      [.text(session.description)]
    ).integer ?? 0
    let analysis = Analysis(
      school: school, year: session.resultsYear, results: results, previous: previous,
      withdrawn: rows.withdrawn.filter { $0 }.count, changedLevel: Int(changedLevel),
      outside: outside)
    let name = "analysis-\(session.resultsYear)\(outside ? "-outside" : "").html"
    let file = outputFolder.appendingPathComponent(name)
    try ReportFiles.write(analysis.html, to: file)
    return [
      .text("wrote the analysis of \(session.resultsYear) to \(file.path)"), summary(analysis),
    ]
  }

  /// The cohort's results at each course's own level, with targets, the
  /// last round's status and the learner's groups.
  func results(_ table: TableValue, _ rows: EnrolmentRows) throws -> [Analysis.Result] {
    guard let resultsRelation = Entity.enrolments.relation(named: "results"),
      let marksRelation = Entity.enrolments.relation(named: "assessments")
    else { return [] }
    let resultRows = try data.related(resultsRelation, of: table.data)
    let results = resultRows.child
    let markRows = try data.related(marksRelation, of: table.data)
    let marks = markRows.child
    let record = table.data.record
    let target = record.index(of: "target")!
    let className = record.index(of: "class")!
    let teacher = record.index(of: "teacher")!
    let gradeField = results.record.index(of: "grade")!
    let levelField = results.record.index(of: "level")!
    let roundField = marks.record.index(of: "round")!
    let statusField = marks.record.index(of: "status")!
    var found: [Analysis.Result] = []
    for (offset, row) in table.rows.enumerated() where !rows.withdrawn[offset] {
      guard let level = rows.level[offset],
        let resultRow = resultRows[row].first(where: {
          results.value(levelField, at: $0) == .level(level)
        }),
        let achieved = grade(results.value(gradeField, at: resultRow))
      else { continue }
      let last = markRows[row].max {
        numberValue(marks.value(roundField, at: $0)) < numberValue(marks.value(roundField, at: $1))
      }
      var status: Status?
      if let last, case .status(let value) = marks.value(statusField, at: last) { status = value }
      found.append(
        Analysis.Result(
          learner: rows.learnerName[offset], subject: rows.subject[offset],
          level: level.rawValue, className: text(table.data.value(className, at: row)),
          teacher: text(table.data.value(teacher, at: row)),
          target: grade(table.data.value(target, at: row)), grade: achieved, lastStatus: status,
          groups: rows.groups(offset)))
    }
    return found
  }

  func numberValue(_ value: Value) -> Double {
    if case .number(let number) = value { return number }
    return 0
  }

  /// The analysis by subject, as a table to print.
  func summary(_ analysis: Analysis) -> Value {
    var report = ReportTable([
      ("subject", .text), ("results", .number), ("with target", .number), ("above %", .number),
      ("on %", .number), ("below %", .number), ("mean gap", .number),
    ])
    for (subject, rows) in Analysis.grouped(analysis.results, by: { [$0.subject] })
    where !analysis.outside || rows.count >= Analysis.smallestGroup {
      let summary = Analysis.summarise(rows)
      report.append([
        .text(subject), .number(Double(summary.results)), .number(Double(summary.withTarget)),
        summary.share(summary.above).map { rounded($0) } ?? .missing,
        summary.share(summary.on).map { rounded($0) } ?? .missing,
        summary.share(summary.below).map { rounded($0) } ?? .missing,
        summary.meanGap.map { rounded($0) } ?? .missing,
      ])
    }
    return report.value
  }
}
