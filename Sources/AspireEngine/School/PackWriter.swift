import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireReports
import AspireStore
import Foundation

extension SchoolService {
  /// `write packs for round N of SCHEDULE`: one HTML file per mentor under
  /// `packs/SCHEDULE-round-N/` in the output folder, with each of their
  /// learners on the schedule: every subject's target, the teacher's status
  /// and comment that round, the learner's own view, and the last actions.
  /// A round whose check week has not ended by `asOf` is refused, and
  /// nothing is written or queued: its packs and reminders would be keyed
  /// as the round's own and stand in for the real ones later.
  func writePacks(round: Int, schedule: String, asOf: CalendarDate, at range: SourceRange)
    throws -> [Value]
  {
    let session = data.defaultSession
    let marks = try SessionMarks(store: store, session: session)
    guard let rounds = marks.rounds[schedule] else {
      throw RuntimeError(message: "there is no schedule \(schedule) in \(session)", range: range)
    }
    guard let week = rounds.first(where: { $0.number == round }) else {
      throw RuntimeError(
        message: "schedule \(schedule) has no round \(round); expected 1 to \(rounds.count)",
        range: range)
    }
    // The same test the rules use for a round to count: its check week is over.
    guard week.end <= asOf else {
      throw RuntimeError(
        message: "round \(round) of \(schedule) runs \(week.start) to \(week.end) and has not "
          + "ended by \(asOf)",
        range: range, help: "write the packs once the check week is over, or give a later --as-of")
    }
    let roster = try StaffRoster(store: store)
    let mentors = try openAllocations(session)
    var caseloads: [String: [String]] = [:]
    for (learner, mentor) in mentors where marks.scheduleOf[learner] == schedule {
      caseloads[mentor, default: []].append(learner)
    }
    let people = try learnerNames(session)
    let coursesOf = Dictionary(grouping: marks.courses.filter { !$0.withdrawn }, by: \.learner)

    let folder = outputFolder.appendingPathComponent("packs")
      .appendingPathComponent(ReportFiles.safeName("\(schedule)-round-\(round)"))
    var packs: [MentorPack] = []
    for mentor in caseloads.keys.sorted() {
      let learners = caseloads[mentor]!.sorted().map { learner in
        packLearner(
          learner, people[learner], coursesOf[learner] ?? [], marks: marks, round: round)
      }
      let pack = MentorPack(
        mentorID: mentor, mentorName: roster.byID[mentor]?.name ?? mentor,
        session: session.description, schedule: schedule, round: round,
        week: "\(week.start) to \(week.end)", learners: learners)
      try writeReport(
        pack.html(), to: folder.appendingPathComponent(ReportFiles.safeName(mentor) + ".html"),
        at: range)
      packs.append(pack)
    }
    let learnerCount = caseloads.values.reduce(0) { $0 + $1.count }
    let written =
      "wrote \(caseloads.count) mentor packs for round \(round) of \(schedule) "
      + "(\(learnerCount) learners) to \(folder.path)"
    let mailed = try mailPacks(packs, schedule: schedule, round: round, session: session)
    let reminders = try remindTeachers(marks, schedule: schedule, round: round, session: session)
    return ([written] + mailed + reminders).map { .text($0) }
  }

  /// One learner's part of a pack.
  private func packLearner(
    _ id: String, _ person: (name: String, stage: String)?, _ courses: [SessionMarks.Course],
    marks: SessionMarks, round: Int
  ) -> MentorPack.Learner {
    let subjects = courses.map { course in
      let mark = marks.mark(id, course.subject, round)
      return MentorPack.Subject(
        name: course.subject, level: course.level, target: course.target,
        status: mark?.status.letter, comment: mark?.comment,
        selfStatus: marks.note(id, course.subject, round)?.selfStatus?.letter)
    }
    // The actions of the latest meeting up to this round that agreed any.
    var actions: [String] = []
    var actionsRound: Int?
    for meeting in (marks.meetingRounds[id] ?? []).filter({ $0 <= round }).sorted(by: >) {
      let agreed = ([""] + courses.map(\.subject)).compactMap { subject -> String? in
        guard let action = marks.note(id, subject, meeting)?.action, !action.isEmpty
        else { return nil }
        return subject.isEmpty ? action : "\(subject): \(action)"
      }
      if !agreed.isEmpty {
        actions = agreed
        actionsRound = meeting
        break
      }
    }
    return MentorPack.Learner(
      id: id, name: person?.name ?? id, stage: person?.stage ?? "", subjects: subjects,
      lastActions: actions, lastActionsRound: actionsRound)
  }

  /// Each learner's name and stage in the session.
  func learnerNames(_ session: Session) throws -> [String: (name: String, stage: String)] {
    var names: [String: (name: String, stage: String)] = [:]
    for row in try store.database.query(
      """
      SELECT l.id, l.name, s.stage FROM learners l JOIN learner_stages s ON s.learner_id = l.id
      WHERE s.session = ?
      """, [.text(session.description)])
    {
      names[row[0].text ?? ""] = (row[1].text ?? "", row[2].text ?? "")
    }
    return names
  }

  /// Writes a file for people, owner-only; a failure is the statement's error.
  func writeReport(_ html: String, to file: URL, at range: SourceRange) throws {
    do {
      try ReportFiles.write(html, to: file)
    } catch {
      throw RuntimeError(message: "\(error)", range: range)
    }
  }
}
