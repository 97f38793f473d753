import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore

extension SchoolService {
  /// `schedule NAME for COHORT: …`: computes the check-week calendar and
  /// stores it with its learners and rounds in one transaction, replacing the
  /// session's schedule of that name. The session is the one containing the
  /// first day. Prints the calendar.
  func schedule(
    _ name: String, cohort: LearnerRows, first: CalendarDate, weeks: Int, rounds: Int,
    holidays: [CheckCalendar.Holiday], at range: SourceRange
  ) throws -> [Value] {
    let calendar: CheckCalendar
    do {
      calendar = try CheckCalendar(first: first, weeks: weeks, rounds: rounds, holidays: holidays)
    } catch let problem as CheckCalendar.Problem {
      throw RuntimeError(message: problem.description, range: range)
    }
    let session = Session(containing: first)
    // A cohort with no one in it (no S3 in a senior-phase data set) has no
    // check weeks to keep: said, not refused.
    guard cohort.count > 0 else {
      return [.text("schedule \(name) has no learners in its cohort: nothing stored")]
    }
    guard cohort.session == session else {
      throw RuntimeError(
        message: "the cohort's learners are of \(cohort.session), but the first check week "
          + "\(first) is in \(session)", range: range)
    }
    let learners = Set(cohort.id)
    try refuseLearnersOnOtherSchedules(learners, session: session, name: name, at: range)

    let skips = holidays.map { "\($0.first) to \($0.last)" }.joined(separator: ", ")
    let stored = try storedSchedule(session: session, name: name)
    let status: String
    if let stored, stored.first == first.description, stored.weeks == weeks,
      stored.rounds == rounds, stored.skips == skips, stored.learners == learners
    {
      status = "unchanged"
    } else {
      try store(calendar, name: name, session: session, learners: cohort.id.sorted(), skips: skips)
      status = stored == nil ? "stored" : "replaced"
      data.reload()
    }
    var table = ReportTable([
      ("round", .number), ("planned", .date), ("start", .date), ("end", .date),
      ("moved", .boolean),
    ])
    for round in calendar.rounds {
      table.append([
        .number(Double(round.number)), .date(round.planned), .date(round.start), .date(round.end),
        .boolean(round.moved),
      ])
    }
    return [
      .text(
        "schedule \(name) for \(session): \(rounds) rounds for \(learners.count) learners, "
          + status),
      table.value,
    ]
  }

  /// A learner follows one schedule a session, so a return's round is never ambiguous.
  private func refuseLearnersOnOtherSchedules(
    _ learners: Set<String>, session: Session, name: String, at range: SourceRange
  ) throws {
    let rows = try store.database.query(
      "SELECT learner_id, schedule FROM schedule_learners WHERE session = ? AND schedule != ?",
      [.text(session.description), .text(name)])
    var clashes: [String: Int] = [:]
    for row in rows where learners.contains(row[0].text ?? "") {
      clashes[row[1].text ?? "", default: 0] += 1
    }
    guard let (other, count) = clashes.sorted(by: { $0.key < $1.key }).first else { return }
    throw RuntimeError(
      message: "\(count) learners of this cohort are already on schedule \(other) in "
        + "\(session); a learner follows one schedule", range: range)
  }

  /// The schedule as stored, for deciding whether it changed.
  private func storedSchedule(session: Session, name: String) throws
    -> (first: String, weeks: Int, rounds: Int, skips: String, learners: Set<String>)?
  {
    let key: [SQLValue] = [.text(session.description), .text(name)]
    guard
      let row = try store.database.query(
        "SELECT first_day, weeks, rounds, skips FROM schedules WHERE session = ? AND name = ?",
        key
      ).first
    else { return nil }
    let learners = try store.database.query(
      "SELECT learner_id FROM schedule_learners WHERE session = ? AND schedule = ?", key)
    return (
      row[0].text ?? "", Int(row[1].integer ?? 0), Int(row[2].integer ?? 0), row[3].text ?? "",
      Set(learners.compactMap { $0[0].text })
    )
  }

  /// Replaces the schedule, its learners and its rounds in one transaction.
  private func store(
    _ calendar: CheckCalendar, name: String, session: Session, learners: [String], skips: String
  ) throws {
    let database = store.database
    let key: [SQLValue] = [.text(session.description), .text(name)]
    try database.inTransaction {
      try database.run(
        "INSERT OR IGNORE INTO sessions (name, first_day, last_day) VALUES (?, ?, ?)",
        [
          .text(session.description), .text(session.firstDay.description),
          .text(session.lastDay.description),
        ])
      try database.run("DELETE FROM rounds WHERE session = ? AND schedule = ?", key)
      try database.run("DELETE FROM schedule_learners WHERE session = ? AND schedule = ?", key)
      try database.run("DELETE FROM schedules WHERE session = ? AND name = ?", key)
      try database.run(
        """
        INSERT INTO schedules (session, name, first_day, weeks, rounds, skips, set_at, set_by)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        key + [
          .text(calendar.first.description), .integer(Int64(calendar.weeks)),
          .integer(Int64(calendar.rounds.count)), .text(skips), .text(stamp), .text(user),
        ])
      for learner in learners {
        try database.run(
          "INSERT INTO schedule_learners (session, schedule, learner_id) VALUES (?, ?, ?)",
          key + [.text(learner)])
      }
      for round in calendar.rounds {
        try database.run(
          "INSERT INTO rounds (session, schedule, round, planned, start, end) "
            + "VALUES (?, ?, ?, ?, ?, ?)",
          key + [
            .integer(Int64(round.number)), .text(round.planned.description),
            .text(round.start.description), .text(round.end.description),
          ])
      }
    }
  }
}
