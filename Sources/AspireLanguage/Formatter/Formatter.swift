/// Prints a parsed program in the one canonical layout of `aspire fmt`:
/// two-space indentation, one space around operators, a statement on one
/// line when it fits in 100 columns and broken at its structure when not.
/// Comments are kept; those between a statement's own lines move above it.
/// Formatting never changes meaning, and formatting twice changes nothing.
public struct Formatter {
  public static let lineWidth = 100

  public init() {}

  /// The program's canonical text.
  public func format(_ program: Program) -> String {
    var lines: [String] = []
    for (index, statement) in program.statements.enumerated() {
      let comments = statement.leadingComments + statement.innerComments
      if index > 0
        && (statement.blankLineBefore || !comments.isEmpty && lines.last?.hasPrefix("#") == false)
      {
        lines.append("")
      }
      lines.append(contentsOf: comments)
      var body = layout(statement)
      if let comment = statement.trailingComment {
        body[body.count - 1] += "  " + comment
      }
      lines.append(contentsOf: body)
    }
    if !program.trailingComments.isEmpty {
      if !lines.isEmpty { lines.append("") }
      lines.append(contentsOf: program.trailingComments)
    }
    return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
  }

  func layout(_ statement: Statement) -> [String] {
    switch statement.kind {
    case .expression(let expression):
      return layout(expression, indent: 2, column: 0)
    case .binding(let name, let parameters, let value):
      let parameterList = parameters.map { "(" + $0.map(\.name).joined(separator: ", ") + ")" }
      let head = "let \(name.name)\(parameterList ?? "") = "
      let lines = layout(value, indent: 2, column: head.count)
      if lines.count == 1 || lines[0].count + head.count <= Formatter.lineWidth {
        return prefix(head, lines)
      }
      return [String(head.dropLast())] + prefix(pad(2), layout(value, indent: 4, column: 2))
    case .formula(let name, let parameters, let body):
      let list = parameters.map { parameter in
        parameter.name.name + (parameter.defaultValue.map { " = " + flat($0) } ?? "")
      }.joined(separator: ", ")
      let head = "formula \(name.name)(\(list)) = "
      let lines = layout(body, indent: 2, column: head.count)
      if lines.count == 1 { return prefix(head, lines) }
      return [String(head.dropLast())] + prefix(pad(2), layout(body, indent: 4, column: 2))
    case .targets(let statement):
      return [flat(statement)]
    case .school(let statement):
      return layout(statement)
    case .cohort(let name, let value):
      let head = "cohort \(name.name) = "
      return prefix(head, layout(value, indent: 2, column: head.count))
    case .test(let name, _, let facts):
      let head = "test \(quoted(name)):"
      if facts.count == 1 {
        let single = flat(facts[0])
        if head.count + 1 + single.count <= Formatter.lineWidth { return ["\(head) \(single)"] }
      }
      return [head] + facts.flatMap { prefix("  expect ", layout($0, indent: 4, column: 9)) }
    }
  }

  /// Puts `text` before the first line.
  func prefix(_ text: String, _ lines: [String]) -> [String] {
    var lines = lines
    lines[0] = text + lines[0]
    return lines
  }

  func pad(_ indent: Int) -> String { String(repeating: " ", count: indent) }

  /// The expression's lines: the first without indentation (the caller places
  /// it at `column`), the others indented at least `indent`.
  func layout(_ expression: Expression, indent: Int, column: Int? = nil) -> [String] {
    let single = flat(expression)
    if (column ?? indent) + single.count <= Formatter.lineWidth { return [single] }
    switch expression.kind {
    case .letIn(let name, let value, let body):
      let head = "let \(name.name) = \(flat(value)) in"
      return [head] + prefix(pad(indent), layout(body, indent: indent))
    case .ifElse(let condition, let thenBranch, let elseBranch):
      return ["if \(flat(condition))"]
        + prefix(pad(indent) + "then ", layout(thenBranch, indent: indent + 2))
        + prefix(pad(indent) + "else ", layout(elseBranch, indent: indent + 2))
    case .infix(let op, let left, let right):
      return layout(left, indent: indent)
        + prefix(pad(indent) + op.rawValue + " ", layout(right, indent: indent + 2))
    case .call(let callee, let arguments) where !arguments.isEmpty:
      return bracketed(callee.name + "(", arguments, ")", indent: indent)
    case .list(let items) where !items.isEmpty:
      return bracketed("[", items, "]", indent: indent)
    case .query(let base, let stage):
      // A long query breaks before each of its steps.
      let baseLines = layout(base, indent: indent, column: column)
      let piped = isQuery(base) || !isFilter(stage)
      return baseLines + [pad(indent) + (piped ? "| " : "") + flat(stage)]
    case .parenthesized(let inner):
      var lines = prefix("(", layout(inner, indent: indent + 1))
      lines[lines.count - 1] += ")"
      return lines
    default:
      return [single]
    }
  }

  func bracketed(_ open: String, _ items: [Expression], _ close: String, indent: Int)
    -> [String]
  {
    var lines = [open]
    for item in items {
      var itemLines = prefix(pad(indent), layout(item, indent: indent + 2))
      itemLines[itemLines.count - 1] += ","
      lines.append(contentsOf: itemLines)
    }
    lines.append(pad(max(0, indent - 2)) + close)
    return lines
  }

  /// The expression on one line.
  public func flat(_ expression: Expression) -> String {
    switch expression.kind {
    case .number, .date: return expression.range.text
    case .text(let value): return quoted(value)
    case .boolean(let value): return value ? "true" : "false"
    case .missing: return "missing"
    case .name(let name): return name
    case .invalid: return expression.range.text
    case .list(let items): return "[" + items.map(flat).joined(separator: ", ") + "]"
    case .parenthesized(let inner): return "(" + flat(inner) + ")"
    case .prefix(.not, let operand): return "not " + flat(operand)
    case .prefix(.negate, let operand):
      let inner = flat(operand)
      return inner.hasPrefix("-") ? "- " + inner : "-" + inner
    case .infix(let op, let left, let right):
      return "\(flat(left)) \(op.rawValue) \(flat(right))"
    case .ifElse(let condition, let thenBranch, let elseBranch):
      return "if \(flat(condition)) then \(flat(thenBranch)) else \(flat(elseBranch))"
    case .letIn(let name, let value, let body):
      return "let \(name.name) = \(flat(value)) in \(flat(body))"
    case .call(let callee, let arguments):
      return callee.name + "(" + arguments.map(flat).joined(separator: ", ") + ")"
    case .field(let base, let field):
      return flat(base) + "." + field.name
    case .comprehension(let callee, let variable, let source, let condition, let body):
      var text = "\(callee.name)(\(variable.name) in \(flat(source))"
      if let condition { text += " where " + flat(condition) }
      if let body { text += ": " + flat(body) }
      return text + ")"
    case .query(let base, let stage):
      let joiner = isQuery(base) || !isFilter(stage) ? " | " : " "
      return flat(base) + joiner + flat(stage)
    }
  }

  func isQuery(_ expression: Expression) -> Bool {
    if case .query = expression.kind { return true }
    return false
  }

  func isFilter(_ stage: QueryStage) -> Bool {
    if case .filter = stage { return true }
    return false
  }

  /// A query step as written after `|` (or, for a first `where`, after the table).
  /// A statement about check weeks, mentoring and flags in canonical layout.
  public func layout(_ statement: SchoolStatement) -> [String] {
    switch statement {
    case .schedule(let name, let cohort, let first, let weeks, let rounds, let skips):
      let head =
        "schedule \(name.name) for \(flat(cohort)): from \(flat(first)) every "
        + "\(flat(weeks)) weeks, \(flat(rounds)) rounds"
      let skipTexts = skips.map { "skip \(flat($0.from)) to \(flat($0.to))" }
      let single = ([head] + skipTexts).joined(separator: ", ")
      if single.count <= Formatter.lineWidth { return [single] }
      if skipTexts.isEmpty { return [head] }
      return [head + ","]
        + skipTexts.enumerated().map { index, skip in
          "  " + skip + (index < skipTexts.count - 1 ? "," : "")
        }
    case .rule(let name, let rows, let schedule, let condition, let role, let message):
      return [
        "rule \(name.name) for \(flat(rows)) after each round of \(schedule.name):",
        "  when \(flat(condition))",
        "  flag \(role.name) \(flat(message))",
      ]
    case .mark(let learner, let subject, let round, let status, let comment):
      return [
        "mark \(flat(learner)) in \(flat(subject)) round \(flat(round)) as \(flat(status))"
          + (comment.map { " comment " + flat($0) } ?? "")
      ]
    case .allocate(let cohort):
      return ["allocate mentors for \(flat(cohort))"]
    case .closeFlag(let id, let note):
      return ["close flag \(flat(id)) note \(flat(note))"]
    case .writePacks(let round, let schedule):
      return ["write packs for round \(flat(round)) of \(schedule.name)"]
    case .writeSummary(let faculty):
      return ["write summary for faculty \(flat(faculty))"]
    case .glance(let subject):
      return ["glance \(flat(subject))"]
    case .report(let name, let cohort, let schedule):
      return [
        "report \(name.name) for \(flat(cohort)) after each round of \(schedule.name): to contacts"
      ]
    case .analyse(let cohort, let outside):
      return ["analyse results for \(flat(cohort))" + (outside ? " outside" : "")]
    }
  }

  /// A statement about targets on one line.
  public func flat(_ statement: TargetStatement) -> String {
    switch statement {
    case .set(let cohort, let formula):
      return "set targets for \(flat(cohort)) using \(formula.name)"
    case .revise(let cohort, let formula, let reason):
      return "revise targets for \(flat(cohort)) using \(formula.name) reason \(flat(reason))"
    case .raise(let learner, let subject, let grade, let reason):
      return "raise target for \(flat(learner)) in \(flat(subject)) to \(flat(grade)) "
        + "reason \(flat(reason))"
    case .compare(let formula, let other, let cohort):
      return "compare \(formula.name) with \(other.name) for \(flat(cohort))"
    case .replay(let formula, let cohort):
      return "replay \(formula.name) for \(flat(cohort))"
    case .tune(let formula, let parameter, let values, let cohort):
      return "tune \(formula.name) \(parameter.name) in \(flat(values)) for \(flat(cohort))"
    case .explain(let formula, let cohort):
      return "explain \(formula.name) for \(flat(cohort))"
    }
  }

  public func flat(_ stage: QueryStage) -> String {
    switch stage {
    case .filter(let condition):
      return "where " + flat(condition)
    case .sort(let keys):
      return "sort "
        + keys.map { flat($0.expression) + ($0.descending ? " desc" : "") }
        .joined(separator: ", ")
    case .show(let items):
      return "show "
        + items.map { item in
          flat(item.expression) + (item.name.map { " as " + $0.name } ?? "")
        }.joined(separator: ", ")
    case .group(let keys):
      return "group by " + keys.map(flat).joined(separator: ", ")
    case .limit(let count):
      return "limit " + flat(count)
    }
  }

  func quoted(_ text: String) -> String { ValuePrinter.quoted(text) }
}
