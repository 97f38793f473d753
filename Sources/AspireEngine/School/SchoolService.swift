import AspireEvaluator
import AspireLanguage
import AspireMail
import AspireModel
import AspireStore
import Foundation

/// Carries out the statements about check weeks, mentoring, rules and flags
/// against the store: each statement that writes does so in one transaction,
/// and files for people (packs, summaries) go under `outputFolder`.
public final class SchoolService: SchoolHandler {
  public typealias Part = CheckedSchoolStatement.Part

  let store: Store
  let data: StoreDataSource
  /// Who acts, for the audit trail.
  let user: String
  /// Where packs and summaries are written.
  let outputFolder: URL
  /// Who queued email comes from. When nil, `ASPIRE_MAIL_FROM` and
  /// `ASPIRE_MAIL_REPLY_TO` in `environment` say, and a rule that queues
  /// email stops if they are not set.
  public var sender: SenderIdentity?
  /// The environment the sender is read from.
  public var environment = ProcessInfo.processInfo.environment
  let now: Date

  public init(
    store: Store, data: StoreDataSource, user: String, outputFolder: URL, now: Date = Date()
  ) {
    self.store = store
    self.data = data
    self.user = user
    self.outputFolder = outputFolder
    self.now = now
  }

  public func run(_ statement: CheckedSchoolStatement, evaluator: Evaluator) throws -> [Value] {
    let range = schoolRange(statement)
    do {
      return try dispatch(statement, evaluator)
    } catch let error as DatabaseError {
      throw RuntimeError(message: "the store could not be written: \(error.message)", range: range)
    } catch let error as DataSourceError {
      throw RuntimeError(message: error.message, range: range)
    }
  }

  private func dispatch(_ statement: CheckedSchoolStatement, _ evaluator: Evaluator) throws
    -> [Value]
  {
    switch statement {
    case .schedule(let name, let cohort, let first, let weeks, let rounds, let skips):
      return try schedule(
        name, cohort: learners(cohort, evaluator), first: date(first, evaluator),
        weeks: wholeNumber(weeks, evaluator), rounds: wholeNumber(rounds, evaluator),
        holidays: skips.map { try holiday($0.from, $0.to, evaluator) },
        at: cohort.expression.range)
    case .mark(let learner, let subject, let round, let status, let comment):
      return try mark(
        learner: string(learner, evaluator), subject: string(subject, evaluator),
        round: wholeNumber(round, evaluator), status: value(status, evaluator),
        comment: try comment.map { try string($0, evaluator) }, at: learner.expression.range)
    case .allocate(let cohort):
      return try allocate(learners(cohort, evaluator), asOf: evaluator.today)
    case .rule(let name, let rows, let schedule, let condition, let message, let role,
      let rowSlot, let roundSlots, let slotCount, let range):
      let rule = Rule(
        name: name, schedule: schedule, condition: condition, message: message, role: role,
        rowSlot: rowSlot, roundSlots: roundSlots, slotCount: slotCount, range: range)
      return try run(rule, over: table(rows, evaluator), evaluator)
    case .closeFlag(let id, let note):
      return try closeFlag(
        wholeNumber(id, evaluator), note: string(note, evaluator), asOf: evaluator.today,
        at: id.expression.range)
    case .writePacks(let round, let schedule):
      return try writePacks(
        round: wholeNumber(round, evaluator), schedule: schedule, asOf: evaluator.today,
        at: round.expression.range)
    case .writeSummary(let faculty):
      return try writeSummary(
        faculty: string(faculty, evaluator), asOf: evaluator.today, at: faculty.expression.range)
    case .glance(let subject):
      switch try value(subject, evaluator) {
      case .text(let id):
        return try glance(learner: id, asOf: evaluator.today, at: subject.expression.range)
      case .table(let table): return try glance(cohort: table, asOf: evaluator.today)
      default:
        throw RuntimeError(message: "nothing to glance at", range: subject.expression.range)
      }
    case .analyse(let cohort, let outside):
      let analysis = AnalysisService(data: data, outputFolder: outputFolder, school: school)
      return try analysis.analyse(table(cohort, evaluator), outside: outside)
    case .report(let name, let cohort, let schedule):
      return try queueReports(
        name, cohort: table(cohort, evaluator), schedule: schedule, asOf: evaluator.today,
        at: cohort.expression.range)
    }
  }

  // MARK: - Values of a statement's parts

  func value(_ part: Part, _ evaluator: Evaluator) throws -> Value {
    try evaluator.evaluate(part.expression, slotCount: part.slotCount)
  }

  func string(_ part: Part, _ evaluator: Evaluator) throws -> String {
    guard case .text(let text) = try value(part, evaluator) else {
      throw RuntimeError(
        message: "a text is needed here, found nothing", range: part.expression.range)
    }
    return text
  }

  func wholeNumber(_ part: Part, _ evaluator: Evaluator) throws -> Int {
    guard case .number(let number) = try value(part, evaluator) else {
      throw RuntimeError(
        message: "a number is needed here, found nothing", range: part.expression.range)
    }
    guard number == number.rounded(), abs(number) < 1e9 else {
      throw RuntimeError(
        message: "\(ValuePrinter.print(.number(number))) is not a whole number",
        range: part.expression.range)
    }
    return Int(number)
  }

  func date(_ part: Part, _ evaluator: Evaluator) throws -> CalendarDate {
    guard case .date(let date) = try value(part, evaluator) else {
      throw RuntimeError(
        message: "a date is needed here, found nothing", range: part.expression.range)
    }
    return date
  }

  func holiday(_ from: Part, _ to: Part, _ evaluator: Evaluator) throws -> CheckCalendar.Holiday {
    CheckCalendar.Holiday(first: try date(from, evaluator), last: try date(to, evaluator))
  }

  func table(_ part: Part, _ evaluator: Evaluator) throws -> TableValue {
    guard case .table(let table) = try value(part, evaluator) else {
      throw RuntimeError(message: "a table is needed here", range: part.expression.range)
    }
    return table
  }

  /// A cohort: rows of the learners table.
  func learners(_ part: Part, _ evaluator: Evaluator) throws -> LearnerRows {
    LearnerRows(try table(part, evaluator), defaultSession: data.defaultSession)
  }

  /// The date and time of a change, for the audit trail.
  var stamp: String { Timestamp.iso8601(now) }
}
