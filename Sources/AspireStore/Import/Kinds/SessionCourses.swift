import AspireModel

/// What a teacher's return or a mentor meeting is checked against in one
/// session: each learner's enrolled subjects (with their levels), the stored
/// check-week schedule the learner is on, if any, and the session's longest
/// schedule, for learners on none.
struct SessionCourses {
  let session: Session
  /// The level of each enrolment this session, by `learner \u{1F} subject`.
  let levels: [String: Level]
  /// The stored schedule each learner is on: its name and number of rounds.
  let schedules: [String: (name: String, rounds: Int)]
  /// The most rounds any stored schedule of the session has; nil while the
  /// session has none.
  let mostRounds: Int?

  /// Loads the session's enrolments and stored schedules.
  init(session: Session, database: Database) throws {
    self.session = session
    var levels: [String: Level] = [:]
    let rows = try database.query(
      "SELECT learner_id, subject, level FROM enrolments WHERE session = ?",
      [.text(session.description)])
    for row in rows {
      guard let learner = row[0].text, let subject = row[1].text,
        let level = row[2].text.flatMap({ Level(parsing: $0) })
      else { continue }
      levels[learner + "\u{1F}" + subject] = level
    }
    self.levels = levels
    var schedules: [String: (name: String, rounds: Int)] = [:]
    let onSchedules = try database.query(
      """
      SELECT l.learner_id, s.name, s.rounds FROM schedule_learners l
      JOIN schedules s ON s.session = l.session AND s.name = l.schedule
      WHERE l.session = ? ORDER BY s.name
      """, [.text(session.description)])
    for row in onSchedules {
      guard let learner = row[0].text, let name = row[1].text, let rounds = row[2].integer,
        schedules[learner] == nil
      else { continue }
      schedules[learner] = (name, Int(rounds))
    }
    self.schedules = schedules
    mostRounds = try database.scalar(
      "SELECT max(rounds) FROM schedules WHERE session = ?", [.text(session.description)]
    ).integer.map(Int.init)
  }

  /// The level of the learner's course in the subject, when they are enrolled.
  func level(_ learner: String, _ subject: String) -> Level? {
    levels[learner + "\u{1F}" + subject]
  }

  /// Checks that the learner takes the subject this session.
  func checkEnrolled(_ learner: String?, _ subject: String?, _ row: inout RowReader) {
    guard let learner, let subject, level(learner, subject) == nil else { return }
    row.problem(
      "learner_id \"\(learner)\" is not enrolled in \"\(subject)\" in \(session); "
        + "import enrolments first")
  }

  /// Checks the round against the stored schedule the learner is on. A
  /// learner on none may have a round of any of the session's schedules;
  /// while the session has no stored schedule, any round from 1 up is
  /// accepted.
  func checkRound(_ learner: String?, _ round: Int?, _ row: inout RowReader) {
    guard let learner, let round else { return }
    let written = row.text("round") ?? "\(round)"
    if let schedule = schedules[learner] {
      guard round > schedule.rounds else { return }
      row.problem(
        "round \"\(written)\" is not a round of schedule \"\(schedule.name)\" for \(learner); "
          + "expected 1 to \(schedule.rounds)")
    } else if let mostRounds, round > mostRounds {
      row.problem(
        "round \"\(written)\" is not a round of any schedule of \(session) (\(learner) is on "
          + "none); expected 1 to \(mostRounds)")
    }
  }
}
