import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireReports

/// Gathers what a learner's Live Report after a round says, from the
/// learner's enrolments, the teachers' returns and the mentor's meetings.
struct LiveReportBuilder {
  let data: StoreDataSource
  /// The school's name, or nil to leave it out.
  let school: String?

  /// The report of `row` of the learners table after `round` of `rounds`.
  func report(_ learners: TableData, _ row: Int, session: Session, round: Int, rounds: Int)
    throws -> LiveReport
  {
    func field(_ table: TableData, _ name: String, _ index: Int) -> Value {
      table.value(table.record.index(of: name)!, at: index)
    }
    let enrolments = Entity.learners.relation(named: "enrolments")!
    let meetings = Entity.learners.relation(named: "meetings")!
    let marks = Entity.enrolments.relation(named: "assessments")!
    let courseRows = try data.related(enrolments, of: learners)
    let courses = courseRows.child
    let markRows = try data.related(marks, of: courses)
    let marksTable = markRows.child
    let meetingRows = try data.related(meetings, of: learners)
    let meetingTable = meetingRows.child

    var subjects: [LiveReport.Subject] = []
    for course in courseRows[row] where field(courses, "withdrawn", course) != .boolean(true) {
      var statuses = [Status?](repeating: nil, count: rounds)
      var comment: (round: Int, text: String)?
      for mark in markRows[course] {
        guard case .number(let number) = field(marksTable, "round", mark) else { continue }
        let markRound = Int(number)
        guard markRound >= 1, markRound <= min(round, rounds) else { continue }
        if case .status(let status) = field(marksTable, "status", mark) {
          statuses[markRound - 1] = status
        }
        if case .text(let text) = field(marksTable, "comment", mark), !text.isEmpty,
          markRound >= (comment?.round ?? 0)
        {
          comment = (markRound, text)
        }
      }
      subjects.append(
        LiveReport.Subject(
          name: text(field(courses, "subject", course)),
          level: text(field(courses, "level", course)),
          target: grade(field(courses, "target", course))?.name, statuses: statuses,
          latestComment: comment?.text, latestCommentRound: comment?.round))
    }
    subjects.sort { $0.name < $1.name }

    // The family sees the actions of the latest meeting up to this round.
    let visible = meetingRows[row].filter { meeting in
      guard case .number(let number) = field(meetingTable, "round", meeting) else { return false }
      return Int(number) <= round
        && field(meetingTable, "family_visible", meeting) == .boolean(true)
    }
    let latest = visible.map { Int(numberValue(field(meetingTable, "round", $0))) }.max()
    let actions = visible.filter { Int(numberValue(field(meetingTable, "round", $0))) == latest }
      .compactMap { meeting -> String? in
        guard case .text(let action) = field(meetingTable, "action", meeting), !action.isEmpty
        else { return nil }
        if case .text(let subject) = field(meetingTable, "subject", meeting) {
          return "\(subject): \(action)"
        }
        return action
      }
    var mentor: String?
    if case .record(let staff, let index) = field(learners, "mentor", row) {
      mentor = text(staff.value(staff.record.index(of: "name")!, at: index))
    }
    return LiveReport(
      school: school, learner: text(field(learners, "name", row)),
      stage: text(field(learners, "stage", row)), session: session.description, round: round,
      rounds: rounds, subjects: subjects, actions: actions, mentor: mentor)
  }

  func numberValue(_ value: Value) -> Double {
    if case .number(let number) = value { return number }
    return 0
  }
}
