import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore
import Foundation

/// Carries out the statements about targets against the store: setting,
/// revising and raising them (in one transaction each), and the studies that
/// only read: compare, replay, tune and explain.
public final class TargetService: TargetHandler {
  let store: Store
  let data: StoreDataSource
  /// Who acts, for the audit trail.
  let user: String
  let now: Date

  public init(store: Store, data: StoreDataSource, user: String, now: Date = Date()) {
    self.store = store
    self.data = data
    self.user = user
    self.now = now
  }

  public func run(_ statement: CheckedTargetStatement, evaluator: Evaluator) throws -> [Value] {
    switch statement {
    case .set(let cohort, let formula):
      return try write(
        table(cohort, evaluator), formula, evaluator, revision: nil,
        at: cohort.expression.range)
    case .revise(let cohort, let formula, let reason):
      let why = try text(evaluator.evaluate(reason.expression, slotCount: reason.slotCount))
      guard !why.trimmingCharacters(in: .whitespaces).isEmpty else {
        throw RuntimeError(message: "a revision needs a reason", range: reason.expression.range)
      }
      return try write(
        table(cohort, evaluator), formula, evaluator, revision: why,
        at: cohort.expression.range)
    case .raise(let learner, let subject, let grade, let reason):
      return try raise(
        learner: text(evaluator.evaluate(learner.expression, slotCount: learner.slotCount)),
        subject: text(evaluator.evaluate(subject.expression, slotCount: subject.slotCount)),
        to: evaluator.evaluate(grade.expression, slotCount: grade.slotCount),
        reason: text(evaluator.evaluate(reason.expression, slotCount: reason.slotCount)),
        at: learner.expression.range)
    case .compare(let first, let second, let cohort):
      return try compare(first, second, table(cohort, evaluator), evaluator)
    case .replay(let formula, let cohort):
      return try replay(formula, table(cohort, evaluator), evaluator)
    case .tune(let formula, let parameter, let values, let cohort):
      let list = try evaluator.evaluate(values.expression, slotCount: values.slotCount)
      guard case .list(let items) = list else { return [] }
      return try tune(formula, parameter, items, table(cohort, evaluator), evaluator)
    case .explain(let formula, let cohort):
      return try explain(formula, table(cohort, evaluator), evaluator)
    }
  }

  /// The rows of a cohort of enrolments.
  func table(_ part: CheckedTargetStatement.Part, _ evaluator: Evaluator) throws -> TableValue {
    guard
      case .table(let table) = try evaluator.evaluate(part.expression, slotCount: part.slotCount)
    else { throw RuntimeError(message: "no enrolments to work on", range: part.expression.range) }
    return table
  }

  /// The hash that versions a formula: of its canonical text.
  static func hash(_ formula: Workspace.Formula) -> String {
    SHA256.hexDigest(of: Array(formula.text.utf8))
  }
}
