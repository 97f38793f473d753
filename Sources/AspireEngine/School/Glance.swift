import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore

extension SchoolService {
  /// `glance "L00012"`: the learner's year as a table, subjects by rounds:
  /// the target, then each round's A/O/B, with the learner's own view beside
  /// it where the two differ (`B (self O)`).
  func glance(learner id: String, asOf: CalendarDate, at range: SourceRange) throws -> [Value] {
    let session = data.defaultSession
    guard
      let learner = try store.database.query(
        """
        SELECT l.name, s.stage FROM learners l JOIN learner_stages s ON s.learner_id = l.id
        WHERE l.id = ? AND s.session = ?
        """, [.text(id), .text(session.description)]
      ).first
    else {
      throw RuntimeError(message: "there is no learner \(id) in \(session)", range: range)
    }
    let marks = try SessionMarks(store: store, session: session)
    let rounds = marks.roundNumbers(of: id)
    var table = ReportTable(
      [("subject", .text), ("level", .text), ("target", .text)]
        + rounds.map { ("round \($0)", .text) })
    for course in marks.courses where course.learner == id {
      var row: [Value] = [
        .text(course.subject), .text(course.level), course.target.map(Value.text) ?? .missing,
      ]
      for round in rounds {
        let teacher = marks.mark(id, course.subject, round)?.status
        let own = marks.note(id, course.subject, round)?.selfStatus
        switch (teacher, own) {
        case (let teacher?, let own?) where own != teacher:
          row.append(.text("\(teacher.letter) (self \(own.letter))"))
        case (let teacher?, _): row.append(.text(teacher.letter))
        case (nil, let own?): row.append(.text("- (self \(own.letter))"))
        case (nil, nil): row.append(.missing)
        }
      }
      if course.withdrawn { row[0] = .text(course.subject + " (withdrawn)") }
      table.append(row)
    }
    let people = try store.database.query(
      """
      SELECT (SELECT m.name FROM mentor_allocations a JOIN staff m ON m.id = a.mentor_id
          WHERE a.session = ? AND a.learner_id = ? AND a.to_day IS NULL),
        (SELECT p.name FROM learners l JOIN staff p ON p.id = l.pupil_support WHERE l.id = ?),
        (SELECT count(*) FROM flags WHERE session = ? AND learner_id = ? AND closed_at IS NULL)
      """,
      [
        .text(session.description), .text(id), .text(id), .text(session.description), .text(id),
      ]
    ).first ?? []
    let name = learner[0].text ?? id
    let stage = learner[1].text ?? ""
    let mentor = people.first?.text ?? "none"
    let support = people.count > 1 ? people[1].text ?? "none" : "none"
    let flags = people.count > 2 ? people[2].integer ?? 0 : 0
    return [
      .text(
        "\(name) (\(id)), \(stage), \(session): mentor \(mentor), pupil support \(support), "
          + "\(flags) open flags"),
      table.value,
    ]
  }

  /// `glance COHORT`: the cohort's A/O/B counts for each subject and round,
  /// then, for the latest round, how many returns each teacher still owes.
  func glance(cohort table: TableValue, asOf: CalendarDate) throws -> [Value] {
    let cohort = LearnerRows(table, defaultSession: data.defaultSession)
    let members = Set(cohort.id)
    let marks = try SessionMarks(store: store, session: cohort.session)
    let courses = marks.courses.filter { members.contains($0.learner) }

    var counts: [String: [Int: [Int]]] = [:]
    var highest = 0
    for course in courses {
      for round in 1...12 {
        guard let mark = marks.mark(course.learner, course.subject, round) else { continue }
        let column = 2 - mark.status.rawValue  // Above, On, Below
        counts[course.subject, default: [:]][round, default: [0, 0, 0]][column] += 1
        highest = max(highest, round)
      }
    }
    var grid = ReportTable([
      ("subject", .text), ("round", .number), ("above", .number), ("on", .number),
      ("below", .number),
    ])
    for subject in counts.keys.sorted() {
      for round in counts[subject]!.keys.sorted() {
        let aob = counts[subject]![round]!
        grid.append([
          .text(subject), .number(Double(round)), .number(Double(aob[0])),
          .number(Double(aob[1])), .number(Double(aob[2])),
        ])
      }
    }

    // The latest round each learner's schedule has started, else the
    // highest round with any return.
    var owed: [String: (round: Int, missing: Int)] = [:]
    for course in courses where !course.withdrawn {
      guard let round = marks.latestRound(of: course.learner, by: asOf)
        ?? (marks.scheduleOf[course.learner] == nil && highest > 0 ? highest : nil)
      else { continue }
      let missing = marks.mark(course.learner, course.subject, round) == nil ? 1 : 0
      let previous = owed[course.teacher]
      owed[course.teacher] = (max(previous?.round ?? 0, round), (previous?.missing ?? 0) + missing)
    }
    let roster = try StaffRoster(store: store)
    var returns = ReportTable([
      ("teacher", .text), ("name", .text), ("round", .number), ("missing", .number),
    ])
    let teachers = owed.filter { $0.value.missing > 0 }
      .sorted { ($1.value.missing, $0.key) < ($0.value.missing, $1.key) }
    for (teacher, entry) in teachers {
      returns.append([
        .text(teacher), .text(roster.byID[teacher]?.name ?? ""), .number(Double(entry.round)),
        .number(Double(entry.missing)),
      ])
    }
    let missingTotal = teachers.reduce(0) { $0 + $1.value.missing }
    return [
      .text("\(members.count) learners in \(cohort.session): A/O/B by subject and round"),
      grid.value,
      .text(
        missingTotal == 0
          ? "every return of the latest round is in"
          : "\(missingTotal) returns missing for the latest round, "
            + "from \(teachers.count) teachers"),
    ] + (missingTotal == 0 ? [] : [returns.value])
  }
}
