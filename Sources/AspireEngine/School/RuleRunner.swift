import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore

extension SchoolService {
  /// A checked rule, ready to run.
  struct Rule {
    let name: String
    let schedule: String
    let condition: TypedExpression
    let message: TypedExpression
    let role: FlagRole
    let rowSlot: Int
    let roundSlots: [Int]
    let slotCount: Int
    let range: SourceRange
  }

  /// One flag a rule would raise.
  private struct Candidate {
    let learner: String
    let round: Int
    let subject: String
    let route: FlagRouter.Route
    let message: String
  }

  /// Runs a rule: for each round of its schedule that has ended by today, the
  /// condition over every row whose learner is on the schedule, raising a flag
  /// once per learner, rule, round and (for enrolments) subject. Flags already
  /// raised are left as they are, so running a rule file again adds nothing.
  func run(_ rule: Rule, over rows: TableValue, _ evaluator: Evaluator) throws -> [Value] {
    let forEnrolments = rows.data.record == Entity.enrolments.recordType
    let learnerIDs = forEnrolments
      ? fieldValues(rows, "learner").map { linkedID($0) ?? "" }
      : fieldValues(rows, "id").map(text)
    let session = fieldValues(rows, "session").lazy.compactMap {
      if case .text(let name) = $0 { return Session(parsing: name) } else { return nil }
    }.first ?? data.defaultSession
    let key: [SQLValue] = [.text(session.description), .text(rule.schedule)]
    let rounds = try store.database.query(
      "SELECT round, start, end FROM rounds WHERE session = ? AND schedule = ? ORDER BY round", key)
    guard !rounds.isEmpty else {
      throw RuntimeError(
        message: "rule \(rule.name): there is no schedule \(rule.schedule) in \(session)",
        range: rule.range)
    }
    let onSchedule = Set(
      try store.database.query(
        "SELECT learner_id FROM schedule_learners WHERE session = ? AND schedule = ?", key
      ).compactMap { $0[0].text })
    let kept = rows.rows.indices.filter { onSchedule.contains(learnerIDs[$0]) }
    let table = TableValue(data: rows.data, rows: kept.map { rows.rows[$0] })
    let router = try flagRouter(session)
    let subjects = fieldValues(table, "subject").map { $0.isMissing ? nil : text($0) }
    let faculties = fieldValues(table, "faculty").map { $0.isMissing ? nil : text($0) }
    let teachers = fieldValues(table, "teacher").map(linkedID)

    var candidates: [Candidate] = []
    for round in rounds {
      guard let number = round[0].integer, let start = round[1].text.flatMap(CalendarDate.init),
        let end = round[2].text.flatMap(CalendarDate.init), end <= evaluator.today
      else { continue }
      let values: [Value] = [.number(Double(number)), .date(start), .date(end)]
      var frame = roundFrame(rule, table, values)
      let holds = try evaluator.evaluate(rule.condition, over: &frame)
      let flagged = (0..<table.rows.count).filter { holds.value(at: $0) == .boolean(true) }
      guard !flagged.isEmpty else { continue }
      var messageFrame = roundFrame(
        rule, TableValue(data: table.data, rows: flagged.map { table.rows[$0] }), values)
      let messages = try evaluator.evaluate(rule.message, over: &messageFrame)
      for (offset, row) in flagged.enumerated() {
        let facts = FlagRouter.Row(
          learner: learnerIDs[kept[row]], subject: forEnrolments ? subjects[row] : nil,
          faculty: forEnrolments ? faculties[row] : nil, teacher: teachers[row])
        guard let route = router.route(rule.role, facts) else {
          throw RuntimeError(
            message: "rule \(rule.name): no \(rule.role.rawValue) and no senior leader "
              + "to send flags to; import staff with the senior_leader role", range: rule.range)
        }
        candidates.append(
          Candidate(
            learner: facts.learner, round: Int(number), subject: facts.subject ?? "",
            route: route, message: text(messages.value(at: offset))))
      }
    }
    let added = try store(candidates, rule: rule, session: session, raisedOn: evaluator.today)
    data.reload()
    let raised = candidates.count - added.count
    var lines = ["rule \(rule.name): \(added.count) new flags, \(raised) already raised"]
    lines += try mailUnmailedFlags(rule: rule.name, session: session)
    return lines.map { .text($0) }
  }

  /// A frame over the table's rows with the round's number and days bound.
  private func roundFrame(_ rule: Rule, _ table: TableValue, _ round: [Value]) -> Frame {
    var frame = Frame(count: table.rows.count, slotCount: rule.slotCount)
    frame.slots[rule.rowSlot] = .records(table.data, table.rows)
    for (slot, value) in zip(rule.roundSlots, round) {
      frame.slots[slot] = Column(repeating: value, count: table.rows.count)
    }
    return frame
  }

  /// Inserts the flags not yet raised, in one transaction; returns the new flags' ids.
  private func store(
    _ candidates: [Candidate], rule: Rule, session: Session, raisedOn: CalendarDate
  ) throws -> [Int64] {
    var added: [Int64] = []
    try store.database.inTransaction {
      for flag in candidates {
        let inserted = try store.database.query(
          """
          INSERT OR IGNORE INTO flags (session, learner_id, rule, round, subject, role,
            owner_id, message, routing_note, raised_on, raised_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
          RETURNING id
          """,
          [
            .text(session.description), .text(flag.learner), .text(rule.name),
            .integer(Int64(flag.round)), .text(flag.subject), .text(rule.role.rawValue),
            .text(flag.route.owner), .text(flag.message),
            flag.route.note.map { .text($0) } ?? .null, .text(raisedOn.description),
            .text(stamp),
          ])
        added += inserted.compactMap { $0[0].integer }
      }
    }
    return added
  }

  /// The router for flags about the session's learners.
  func flagRouter(_ session: Session) throws -> FlagRouter {
    var pupilSupport: [String: String] = [:]
    for row in try store.database.query(
      """
      SELECT l.id, l.pupil_support FROM learners l JOIN learner_stages s ON s.learner_id = l.id
      WHERE s.session = ? AND l.pupil_support IS NOT NULL
      """, [.text(session.description)])
    {
      pupilSupport[row[0].text ?? ""] = row[1].text
    }
    return FlagRouter(
      roster: try StaffRoster(store: store), pupilSupport: pupilSupport,
      mentor: try openAllocations(session))
  }
}
