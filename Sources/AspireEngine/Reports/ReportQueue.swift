import AspireEvaluator
import AspireLanguage
import AspireMail
import AspireModel
import AspireReports
import AspireStore
import Foundation

extension SchoolService {
  /// Queues each learner's Live Report for every round of their own stored
  /// schedule closed by `today` (a learner on no schedule is counted and
  /// skipped): one message per contact who receives reports, each to that
  /// contact alone, keyed so that running the rule again queues nothing
  /// twice. Every report is also written as a printable page under
  /// `reports/`; learners no one can be emailed about are listed for the
  /// office there, and each message waiting is previewed under `outbox/`.
  func queueReports(
    _ name: String, cohort: TableValue, schedule: String, asOf today: CalendarDate,
    at range: SourceRange
  ) throws -> [Value] {
    let sender = try mailSender(at: range)
    let session = data.defaultSession
    let rounds = try store.database.query(
      "SELECT schedule, round, end FROM rounds WHERE session = ? ORDER BY schedule, round",
      [.text(session.description)])
    guard rounds.contains(where: { $0[0].text == schedule }) else {
      throw RuntimeError(
        message: "report \(name): there is no schedule \(schedule) in \(session)", range: range)
    }
    let placed = try store.database.query(
      "SELECT learner_id, schedule FROM schedule_learners WHERE session = ?",
      [.text(session.description)])
    var scheduleOf: [String: String] = [:]
    for row in placed { scheduleOf[row[0].description] = row[1].description }
    let contacts = try ReportContacts(database: store.database)
    let outbox = Outbox(store: store)
    let builder = LiveReportBuilder(data: data, school: school)
    let field = { (name: String) in cohort.data.record.index(of: name)! }
    var tally = ReportTally()

    try store.database.inTransaction {
      for row in cohort.rows {
        guard case .text(let id) = cohort.data.value(field("id"), at: row) else { continue }
        // A learner follows the schedule they are on (S3 has its own, lighter
        // one); a learner on none has no rounds to report on.
        guard let theirSchedule = scheduleOf[id] else {
          tally.unscheduled += 1
          continue
        }
        let theirs = rounds.filter { $0[0].text == theirSchedule }
        let closed = theirs.filter { round in
          (round[2].text.flatMap { CalendarDate(parsing: $0) } ?? today) <= today
        }
        guard !closed.isEmpty else { continue }
        let recipients = contacts.addresses[id] ?? []
        for refused in contacts.refused[id] ?? [] {
          tally.refused.append("\(id) \(refused.name): \(refused.reason)")
        }
        var printed: [Int] = []
        for round in closed {
          let number = Int(round[1].integer ?? 0)
          let report = try builder.report(
            cohort.data, row, session: session, round: number, rounds: theirs.count)
          let file = outputFolder.appendingPathComponent(
            "reports/\(session)/round-\(number)/\(ReportFiles.safeName(id)).html")
          try ReportFiles.write(report.html, to: file)
          printed.append(number)
          for recipient in recipients {
            let message = MailMessage(
              from: sender.from, to: recipient, replyTo: sender.replyTo, subject: report.title,
              text: report.plainText, html: report.html, date: now)
            let key = OutboxKey.liveReport(
              session: session.description, round: number, learnerID: id, recipient: recipient)
            let isNew = try outbox.queue(
              message: message, key: key, learnerID: id, kind: "live-report", at: now)
            if isNew { tally.queued += 1 } else { tally.alreadyQueued += 1 }
          }
        }
        if recipients.isEmpty {
          let refused = !(contacts.refused[id] ?? []).isEmpty
          tally.office.append(
            OfficeList.Entry(
              learnerID: id, learner: text(cohort.data.value(field("name"), at: row)),
              stage: text(cohort.data.value(field("stage"), at: row)),
              reason: refused
                ? "no receiving contact's address can be used" : "no contact receives reports",
              rounds: printed))
        }
      }
    }

    let reports = outputFolder.appendingPathComponent("reports/\(session)")
    var lines = [
      "report \(name): \(tally.queued) messages queued, \(tally.alreadyQueued) already queued"
    ]
    if tally.unscheduled > 0 {
      lines.append(
        "report \(name): \(tally.unscheduled) learners on no schedule in \(session), "
          + "not reported on")
    }
    for refused in tally.refused { lines.append("report \(name): address refused: \(refused)") }
    if !tally.office.isEmpty {
      let list = reports.appendingPathComponent("office-list-\(ReportFiles.safeName(name)).html")
      let page = OfficeList(
        school: school, session: session.description, report: name, entries: tally.office)
      try ReportFiles.write(page.html, to: list)
      lines.append(
        "report \(name): \(tally.office.count) learners listed for the office in \(list.path)")
    }
    let waiting = try outbox.deliverable().count + outbox.waitingForHeldLearners().count
    lines.append("report \(name): printable reports under \(reports.path)")
    lines.append("report \(name): \(waiting) messages waiting, previewed in \(try writePreviews())")
    return lines.map { .text($0) }
  }
}

/// What a report rule did, for its summary.
private struct ReportTally {
  var queued = 0
  var alreadyQueued = 0
  /// Learners of the cohort on no stored schedule of the session.
  var unscheduled = 0
  /// Each refused address, with its learner.
  var refused: [String] = []
  var office: [OfficeList.Entry] = []
}
