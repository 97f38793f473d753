import AspireModel

/// A checked statement about check weeks, mentoring, rules and flags.
public enum CheckedSchoolStatement: Sendable {
  public typealias Part = CheckedTargetStatement.Part

  case schedule(
    name: String, cohort: Part, first: Part, weeks: Part, rounds: Part,
    skips: [(from: Part, to: Part)])
  case mark(learner: Part, subject: Part, round: Part, status: Part, comment: Part?)
  case allocate(cohort: Part)
  /// A rule's rows, and its condition and message checked in a frame where
  /// `rowSlot` holds the row and `roundSlots` the round's number, first day
  /// and last day.
  case rule(
    name: String, rows: Part, schedule: String, condition: TypedExpression,
    message: TypedExpression, role: FlagRole, rowSlot: Int, roundSlots: [Int], slotCount: Int,
    range: SourceRange)
  case closeFlag(id: Part, note: Part)
  case writePacks(round: Part, schedule: String)
  case writeSummary(faculty: Part)
  case glance(Part)
  case report(name: String, cohort: Part, schedule: String)
  case analyse(cohort: Part, outside: Bool)
}

extension Checker {
  mutating func checkSchool(_ statement: SchoolStatement, at range: SourceRange)
    -> CheckedSchoolStatement?
  {
    switch statement {
    case .schedule(let name, let cohort, let first, let weeks, let rounds, let skips):
      let table = learnersTable(cohort)
      let start = part(first, .date, "the first check week")
      let interval = part(weeks, .number, "the weeks between rounds")
      let count = part(rounds, .number, "the number of rounds")
      let holidays = skips.map { skip in
        (part(skip.from, .date, "a holiday's first day"), part(skip.to, .date, "its last day"))
      }
      return .schedule(
        name: name.name, cohort: table, first: start, weeks: interval, rounds: count,
        skips: holidays.map { (from: $0.0, to: $0.1) })
    case .mark(let learner, let subject, let round, let status, let comment):
      return .mark(
        learner: part(learner, .text, "the learner's id"),
        subject: part(subject, .text, "the subject"),
        round: part(round, .number, "the round"), status: part(status, .status, "the status"),
        comment: comment.map { part($0, .text, "the comment") })
    case .allocate(let cohort):
      return .allocate(cohort: learnersTable(cohort))
    case .rule(let name, let rows, let schedule, let condition, let role, let message):
      return checkRule(name, rows, schedule, condition, role, message, at: range)
    case .closeFlag(let id, let note):
      return .closeFlag(
        id: part(id, .number, "the flag's number"), note: part(note, .text, "a note"))
    case .writePacks(let round, let schedule):
      return .writePacks(round: part(round, .number, "the round"), schedule: schedule.name)
    case .writeSummary(let faculty):
      return .writeSummary(faculty: part(faculty, .text, "the faculty"))
    case .glance(let subject):
      let (typed, slots) = checkTopLevel(subject)
      switch typed.type {
      case .text, .table, .error: break
      default:
        report(
          "glance takes a learner's id or a table of learners, found \(typed.type)",
          at: subject.range)
      }
      return .glance((typed, slots))
    case .report(let name, let cohort, let schedule):
      return .report(name: name.name, cohort: learnersTable(cohort), schedule: schedule.name)
    case .analyse(let cohort, let outside):
      return .analyse(cohort: enrolments(cohort), outside: outside)
    }
  }

  /// A table of learners: a cohort.
  mutating func learnersTable(_ expression: Expression) -> CheckedTargetStatement.Part {
    let (typed, slots) = checkTopLevel(expression)
    if case .table(let record) = typed.type, record == Entity.learners.recordType {
      return (typed, slots)
    }
    if typed.type != .error {
      report("this needs a table of learners, found \(typed.type)", at: expression.range)
    }
    return (typed, slots)
  }

  mutating func checkRule(
    _ name: Identifier, _ rows: Expression, _ schedule: Identifier, _ condition: Expression,
    _ role: Identifier, _ message: Expression, at range: SourceRange
  ) -> CheckedSchoolStatement? {
    let (table, tableSlots) = checkTopLevel(rows)
    guard case .table(let record) = table.type,
      record == Entity.learners.recordType || record == Entity.enrolments.recordType
    else {
      if table.type != .error {
        report(
          "a rule is for a table of learners or enrolments, found \(table.type)",
          at: rows.range)
      }
      return nil
    }
    guard let flagRole = FlagRole(rawValue: role.name) else {
      report(
        "unknown role \"\(role.name)\"", at: role.range,
        help: closestName(to: role.name, among: FlagRole.allCases.map(\.rawValue))
          .map { "did you mean \"\($0)\"?" }
          ?? "the roles are " + FlagRole.allCases.map(\.rawValue).joined(separator: ", "))
      return nil
    }
    if [.classTeacher, .facultyHead].contains(flagRole), record != Entity.enrolments.recordType {
      report(
        "a flag for the \(role.name) needs a subject: write the rule for enrolments",
        at: role.range)
    }
    (scopes, nextSlot, maximumSlot, localTypes) = ([], 0, 0, [:])
    let roundSlots = [
      bind("round", .number), bind("round_start", .date), bind("round_end", .date),
    ]
    let rowSlot = bindRow(record)
    let typedCondition = checkLogical(condition, of: "a rule's condition")
    let typedMessage = checkExpression(message)
    if typedMessage.type.present != .text && typedMessage.type != .error {
      report("a flag's message is text, found \(typedMessage.type)", at: message.range)
    }
    return .rule(
      name: name.name, rows: (table, tableSlots), schedule: schedule.name,
      condition: typedCondition, message: typedMessage, role: flagRole, rowSlot: rowSlot,
      roundSlots: roundSlots, slotCount: max(maximumSlot, tableSlots), range: range)
  }
}
