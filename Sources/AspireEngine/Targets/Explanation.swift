import AspireEvaluator
import AspireLanguage
import AspireModel

extension TargetService {
  /// For one enrolment, the formula's evaluation step by step with the
  /// evidence it read; for many, which evidence decided how many targets
  /// (the argument of each `max` and `min` that gave its value).
  func explain(_ formula: Workspace.Formula, _ table: TableValue, _ evaluator: Evaluator) throws
    -> [Value]
  {
    guard !table.rows.isEmpty else { return [.text("no enrolments to explain")] }
    let body = evaluator.workspace.functionBodies[formula.body]
    var frame = Frame(count: table.rows.count, slotCount: body.slotCount)
    frame.slots[0] = .records(table.data, table.rows)
    for (offset, defaultValue) in formula.defaults.enumerated() {
      let value = try evaluator.evaluate(defaultValue, slotCount: 0)
      frame.slots[offset + 1] = Column(repeating: value, count: table.rows.count)
    }
    var tracer = Tracer(evaluator: evaluator)
    let final = try tracer.trace(body.body, &frame)
    let rows = EnrolmentRows(table)
    if table.rows.count == 1 {
      var steps = ReportTable([("step", .text), ("value", .text)])
      // A step with no value says so: it is often the answer to "why".
      func shown(_ value: Value) -> Value { .text(value.isMissing ? "missing" : text(value)) }
      for (label, value) in tracer.steps { steps.append([.text(label), shown(value)]) }
      steps.append([.text("target"), shown(final.value(at: 0))])
      return [
        .text(
          "\(formula.name) for \(rows.learnerName[0]) (\(rows.learnerID[0])), "
            + "\(rows.subject[0]) \(rows.level[0]?.rawValue ?? ""):"),
        steps.value,
      ]
    }
    var decided = ReportTable([("choice", .text), ("evidence", .text), ("targets", .number)])
    for (call, counts) in tracer.winners {
      for (argument, count) in counts where count > 0 {
        decided.append([.text(call), .text(argument), .number(Double(count))])
      }
    }
    return [
      .text("\(formula.name) over \(table.rows.count) enrolments: which evidence decided"),
      decided.value,
    ]
  }
}

/// Walks a formula's checked body over a frame, evaluating each part once and
/// noting the steps a person would follow.
struct Tracer {
  let evaluator: Evaluator
  /// For a single row: each step's source text and value, in order.
  var steps: [(String, Value)] = []
  /// For each `max` or `min`: how many rows each argument decided.
  var winners: [(String, [(String, Int)])] = []

  init(evaluator: Evaluator) {
    self.evaluator = evaluator
  }

  mutating func trace(_ expression: TypedExpression, _ frame: inout Frame) throws -> Column {
    switch expression.kind {
    case .letIn(let name, let slot, let value, let body):
      let column = try trace(value, &frame)
      note("let \(name)", column)
      let saved = frame.slots[slot]
      frame.slots[slot] = column
      defer { frame.slots[slot] = saved }
      return try trace(body, &frame)
    case .builtin(let function, let arguments) where function == .max || function == .min:
      let columns = try arguments.map { try trace($0, &frame) }
      let result = try evaluator.evaluate(expression, over: &frame)
      note(expression.range.text, result)
      if columns.count > 1 { countWinners(expression, arguments, columns, result) }
      return result
    case .field where Evidence.path(expression) != nil:
      let result = try evaluator.evaluate(expression, over: &frame)
      if case .record = expression.type.present {} else { note(expression.range.text, result) }
      return result
    case .builtin(_, let arguments), .call(_, let arguments):
      for argument in arguments { _ = try trace(argument, &frame) }
      let result = try evaluator.evaluate(expression, over: &frame)
      note(expression.range.text, result)
      return result
    case .coalesce(let value, _):
      // The value a default stands in for is evidence too: a parent asking
      // about a target wants the average, not only the grade made of it.
      _ = try trace(value, &frame)
      return try evaluator.evaluate(expression, over: &frame)
    case .ifElse(let condition, _, _):
      note(condition.range.text, try trace(condition, &frame))
      return try evaluator.evaluate(expression, over: &frame)
    default:
      return try evaluator.evaluate(expression, over: &frame)
    }
  }

  mutating func note(_ label: String, _ column: Column) {
    guard column.count == 1 else { return }
    if !steps.contains(where: { $0.0 == label }) { steps.append((label, column.value(at: 0))) }
  }

  mutating func countWinners(
    _ call: TypedExpression, _ arguments: [TypedExpression], _ columns: [Column], _ result: Column
  ) {
    var counts = [Int](repeating: 0, count: arguments.count)
    for row in 0..<result.count {
      let value = result.value(at: row)
      if value.isMissing { continue }
      if let winner = columns.firstIndex(where: { $0.value(at: row) == value }) {
        counts[winner] += 1
      }
    }
    winners.append((call.range.text, zip(arguments.map(\.range.text), counts).map { ($0, $1) }))
  }
}
