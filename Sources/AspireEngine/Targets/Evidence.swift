import AspireLanguage

/// The evidence a formula reads from an enrolment (`predicted`, `prior`,
/// `learner.midyis`…), found in its checked body, so that each target can
/// record the values it was set from.
struct Evidence {
  /// Field paths from the enrolment, such as ["learner", "midyis"].
  let paths: [[String]]

  init(formula: Workspace.Formula, workspace: Workspace) {
    var found: [[String]] = []
    Evidence.collect(workspace.functionBodies[formula.body].body, workspace, depth: 0, &found)
    var seen: Set<[String]> = []
    paths = found.filter { seen.insert($0).inserted }
  }

  /// The path of fields from slot 0 (the enrolment) that `expression` reads.
  static func path(_ expression: TypedExpression) -> [String]? {
    guard case .field(let base, let index) = expression.kind,
      case .record(let record) = base.type.present
    else { return nil }
    if case .local(0) = base.kind { return [record.fields[index].name] }
    return path(base).map { $0 + [record.fields[index].name] }
  }

  static func collect(
    _ expression: TypedExpression, _ workspace: Workspace, depth: Int, _ found: inout [[String]]
  ) {
    if let path = path(expression), depth == 0 {
      if case .record = expression.type.present {} else { found.append(path) }
      return
    }
    for child in children(expression) { collect(child, workspace, depth: depth, &found) }
  }

  /// The expressions directly inside `expression`.
  static func children(_ expression: TypedExpression) -> [TypedExpression] {
    switch expression.kind {
    case .constant, .local, .global, .table, .today: return []
    case .negate(let x), .not(let x), .field(let x, _), .related(let x, _): return [x]
    case .arithmetic(_, let a, let b), .compare(_, let a, let b), .member(let a, let b),
      .and(let a, let b), .or(let a, let b), .coalesce(let a, let b):
      return [a, b]
    case .ifElse(let a, let b, let c): return [a, b, c]
    case .letIn(_, _, let value, let body): return [value, body]
    case .list(let items), .builtin(_, let items), .call(_, let items): return items
    case .query(let base, _): return [base]
    case .aggregate(_, let rows, _, let argument): return [rows] + (argument.map { [$0] } ?? [])
    case .comprehension(_, _, let source, let condition, let body):
      return [source] + [condition, body].compactMap { $0 }
    }
  }

  /// The evidence of enrolment `row` of `table` as one line of JSON.
  func json(_ table: TableValue, _ row: Int) -> String {
    let parts = paths.map { path -> String in
      "\"\(path.joined(separator: "."))\":\(jsonValue(value(table.data, table.rows[row], path)))"
    }
    return "{" + parts.joined(separator: ",") + "}"
  }

  /// The value at the end of a path of fields from a row.
  func value(_ data: TableData, _ row: Int, _ path: [String]) -> Value {
    guard let first = path.first, let index = data.record.index(of: first) else { return .missing }
    let value = data.value(index, at: row)
    if path.count == 1 { return value }
    guard case .record(let next, let nextRow) = value else { return .missing }
    return self.value(next, nextRow, Array(path.dropFirst()))
  }

  func jsonValue(_ value: Value) -> String {
    switch value {
    case .missing: return "null"
    case .number, .boolean: return ValuePrinter.print(value)
    default:
      let text = ValuePrinter.print(value)
      return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
  }
}
