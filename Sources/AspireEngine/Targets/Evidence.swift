import AspireEvaluator
import AspireLanguage

/// The evidence a formula reads from an enrolment (`predicted`, `prior`,
/// `learner.midyis`…), found in its checked body and in the bodies of the
/// functions it calls, and the values of those calls (`gpa(e.learner)`), so
/// that each target can record what it was set from.
struct Evidence {
  /// Field paths from the enrolment, such as ["learner", "midyis"].
  let paths: [[String]]
  /// Calls in the formula's body of the script's own functions on the
  /// enrolment or its fields, whose values are evidence too.
  let calls: [TypedExpression]

  init(formula: Workspace.Formula, workspace: Workspace) {
    var collector = Collector(workspace: workspace)
    collector.collect(workspace.functionBodies[formula.body].body, bindings: [0: []], top: true)
    var seen: Set<[String]> = []
    paths = collector.paths.filter { seen.insert($0).inserted }
    var labels: Set<String> = []
    calls = collector.calls.filter { labels.insert($0.range.text).inserted }
  }

  /// The path of fields from slot 0 (the enrolment) that `expression` reads.
  static func path(_ expression: TypedExpression) -> [String]? {
    Collector.path(expression, [0: []])
  }

  /// Walks checked bodies, following each slot that holds the enrolment or
  /// one of its records back to a path of fields from the enrolment.
  struct Collector {
    let workspace: Workspace
    var paths: [[String]] = []
    var calls: [TypedExpression] = []

    static func path(_ expression: TypedExpression, _ bindings: [Int: [String]]) -> [String]? {
      switch expression.kind {
      case .local(let slot): return bindings[slot]
      case .field(let base, let index):
        guard case .record(let record) = base.type.present else { return nil }
        return path(base, bindings).map { $0 + [record.fields[index].name] }
      default: return nil
      }
    }

    /// Whether `expression` is the enrolment itself or a field path from it.
    static func isFromEnrolment(_ expression: TypedExpression) -> Bool {
      switch expression.kind {
      case .local(0): return true
      case .field(let base, _): return isFromEnrolment(base)
      default: return false
      }
    }

    mutating func collect(_ expression: TypedExpression, bindings: [Int: [String]], top: Bool) {
      if let path = Collector.path(expression, bindings) {
        if case .record = expression.type.present {} else { paths.append(path) }
        return
      }
      switch expression.kind {
      case .call(let index, let arguments):
        for argument in arguments { collect(argument, bindings: bindings, top: top) }
        if top, arguments.allSatisfy(Collector.isFromEnrolment), isPlainValue(expression.type) {
          calls.append(expression)
        }
        // Inside the callee, parameter i holds what argument i is a path to.
        var inner: [Int: [String]] = [:]
        for (slot, argument) in arguments.enumerated() {
          inner[slot] = Collector.path(argument, bindings)
        }
        collect(workspace.functionBodies[index].body, bindings: inner, top: false)
      case .letIn(_, let slot, let value, let body):
        collect(value, bindings: bindings, top: top)
        var inner = bindings
        inner[slot] = Collector.path(value, bindings)
        collect(body, bindings: inner, top: top)
      case .comprehension(_, let slot, let source, let condition, let body):
        collect(source, bindings: bindings, top: top)
        var inner = bindings
        inner[slot] = nil
        for part in [condition, body].compactMap({ $0 }) {
          collect(part, bindings: inner, top: top)
        }
      default:
        for child in expression.children { collect(child, bindings: bindings, top: top) }
      }
    }

    func isPlainValue(_ type: ValueType) -> Bool {
      switch type.present {
      case .number, .grade, .text, .boolean, .date, .level, .stage, .status: return true
      default: return false
      }
    }
  }

  /// The values of `calls` for every row of `table`.
  func callValues(over table: TableValue, formula: Workspace.Formula, evaluator: Evaluator) throws
    -> [Column]
  {
    guard !calls.isEmpty, !table.rows.isEmpty else { return [] }
    let body = evaluator.workspace.functionBodies[formula.body]
    var frame = Frame(count: table.rows.count, slotCount: body.slotCount)
    frame.slots[0] = .records(table.data, table.rows)
    return try calls.map { try evaluator.evaluate($0, over: &frame) }
  }

  /// The evidence of enrolment `row` of `table` as one line of JSON, with the
  /// calls' values from `callValues`.
  func json(_ table: TableValue, _ row: Int, _ values: [Column]) -> String {
    var parts = paths.map { path -> String in
      "\(jsonText(path.joined(separator: "."))):"
        + jsonValue(value(table.data, table.rows[row], path))
    }
    for (call, column) in zip(calls, values) {
      parts.append("\(jsonText(call.range.text)):\(jsonValue(column.value(at: row)))")
    }
    return "{" + parts.joined(separator: ",") + "}"
  }

  /// The value at the end of a path of fields from a row.
  func value(_ data: TableData, _ row: Int, _ path: [String]) -> Value {
    guard let first = path.first, let index = data.record.index(of: first) else { return .missing }
    let value = data.value(index, at: row)
    if path.count == 1 { return value }
    guard case .record(let next, let nextRow) = value, nextRow >= 0 else { return .missing }
    return self.value(next, nextRow, Array(path.dropFirst()))
  }

  func jsonValue(_ value: Value) -> String {
    switch value {
    case .missing: return "null"
    case .number, .boolean: return ValuePrinter.print(value)
    default: return jsonText(ValuePrinter.print(value))
    }
  }

  /// Text as a JSON string, with quotes, backslashes and control characters escaped.
  func jsonText(_ text: String) -> String {
    var escaped = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": escaped += "\\\""
      case "\\": escaped += "\\\\"
      case "\n": escaped += "\\n"
      case "\t": escaped += "\\t"
      case "\r": escaped += "\\r"
      default:
        if scalar.value < 0x20 {
          escaped +=
            "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
            + String(scalar.value, radix: 16)
        } else {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped + "\""
  }
}
