import AspireModel
import AspireStore

/// One session's courses, teachers' returns, meetings and schedules, read
/// from the store at once for the summaries (glances, packs, faculty
/// summaries).
struct SessionMarks {
  /// A course a learner takes.
  struct Course {
    let learner: String
    let subject: String
    let faculty: String
    let level: String
    let teacher: String
    let withdrawn: Bool
    let target: String?
  }

  /// A teacher's return.
  struct Return {
    let status: Status
    let comment: String?
  }

  /// What a learner said and agreed at a meeting, for a subject or ('') in general.
  struct MeetingNote {
    let selfStatus: Status?
    let action: String?
  }

  let session: Session
  /// Courses by learner, then subject.
  let courses: [Course]
  /// Returns by `learner|subject|round`.
  let returns: [String: Return]
  /// Meeting notes by `learner|subject|round`.
  let meetings: [String: MeetingNote]
  /// The rounds each learner's meetings were held for, by learner.
  let meetingRounds: [String: Set<Int>]
  /// The schedule each learner is on.
  let scheduleOf: [String: String]
  /// Each schedule's rounds: number, start and end.
  let rounds: [String: [(number: Int, start: CalendarDate, end: CalendarDate)]]

  init(store: Store, session: Session) throws {
    self.session = session
    let database = store.database
    let name: [SQLValue] = [.text(session.description)]
    courses = try database.query(
      """
      SELECT e.learner_id, e.subject, s.faculty, e.level, e.teacher_id, e.withdrawn, t.target
      FROM enrolments e JOIN subjects s ON s.subject = e.subject
      LEFT JOIN targets t ON t.session = e.session AND t.learner_id = e.learner_id
        AND t.subject = e.subject AND t.closed_at IS NULL
      WHERE e.session = ? ORDER BY e.learner_id, e.subject
      """, name
    ).map { row in
      Course(
        learner: row[0].text ?? "", subject: row[1].text ?? "", faculty: row[2].text ?? "",
        level: row[3].text ?? "", teacher: row[4].text ?? "", withdrawn: row[5].integer == 1,
        target: row[6].text)
    }
    var returns: [String: Return] = [:]
    for row in try database.query(
      "SELECT learner_id, subject, round, status, comment FROM assessments WHERE session = ?",
      name)
    {
      guard let status = row[3].text.flatMap({ Status(parsing: $0) }) else { continue }
      let key = SessionMarks.key(row[0].text ?? "", row[1].text ?? "", Int(row[2].integer ?? 0))
      returns[key] = Return(status: status, comment: row[4].text)
    }
    self.returns = returns
    var meetings: [String: MeetingNote] = [:]
    var meetingRounds: [String: Set<Int>] = [:]
    for row in try database.query(
      "SELECT learner_id, subject, round, self_status, action FROM meetings WHERE session = ?",
      name)
    {
      let learner = row[0].text ?? ""
      let round = Int(row[2].integer ?? 0)
      meetings[SessionMarks.key(learner, row[1].text ?? "", round)] = MeetingNote(
        selfStatus: row[3].text.flatMap { Status(parsing: $0) }, action: row[4].text)
      meetingRounds[learner, default: []].insert(round)
    }
    self.meetings = meetings
    self.meetingRounds = meetingRounds
    var scheduleOf: [String: String] = [:]
    for row in try database.query(
      "SELECT learner_id, schedule FROM schedule_learners WHERE session = ?", name)
    {
      scheduleOf[row[0].text ?? ""] = row[1].text
    }
    self.scheduleOf = scheduleOf
    var rounds: [String: [(number: Int, start: CalendarDate, end: CalendarDate)]] = [:]
    for row in try database.query(
      "SELECT schedule, round, start, end FROM rounds WHERE session = ? ORDER BY schedule, round",
      name)
    {
      guard let start = row[2].text.flatMap(CalendarDate.init),
        let end = row[3].text.flatMap(CalendarDate.init)
      else { continue }
      rounds[row[0].text ?? "", default: []].append((Int(row[1].integer ?? 0), start, end))
    }
    self.rounds = rounds
  }

  static func key(_ learner: String, _ subject: String, _ round: Int) -> String {
    "\(learner)\u{1F}\(subject)\u{1F}\(round)"
  }

  func mark(_ learner: String, _ subject: String, _ round: Int) -> Return? {
    returns[SessionMarks.key(learner, subject, round)]
  }

  func note(_ learner: String, _ subject: String, _ round: Int) -> MeetingNote? {
    meetings[SessionMarks.key(learner, subject, round)]
  }

  /// The learner's rounds: those of their schedule, else 1 to the highest
  /// round any of their returns names.
  func roundNumbers(of learner: String) -> [Int] {
    if let schedule = scheduleOf[learner], let rounds = rounds[schedule] {
      return rounds.map(\.number)
    }
    let highest = courses.filter { $0.learner == learner }.flatMap { course in
      (1...12).filter { mark(learner, course.subject, $0) != nil }
    }.max() ?? 0
    return Array(1...max(1, highest))
  }

  /// The latest round of the learner's schedule whose check week has started
  /// by `day`; without a schedule, the highest round with any return.
  func latestRound(of learner: String, by day: CalendarDate) -> Int? {
    if let schedule = scheduleOf[learner], let rounds = rounds[schedule] {
      return rounds.last { $0.start <= day }?.number
    }
    return nil
  }
}
