import AspireLanguage

/// A way to explain how a checked statement will run, for `.explain`. The REPL
/// asks its explainers in order and shows the first answer, so an engine with
/// its own plans (queries over the store, say) adds an explainer in front.
public protocol StatementExplainer {
  /// Lines that explain `statement`, or nil when this explainer has nothing to say.
  func explain(_ statement: CheckedStatement, in workspace: Workspace) -> [String]?
}

/// Explains a statement by its type and the outline of what the evaluator
/// compiles it to: one line a step, indented under the step that uses it,
/// each with the type it gives.
public struct ExpressionOutline: StatementExplainer {
  public init() {}

  public func explain(_ statement: CheckedStatement, in workspace: Workspace) -> [String]? {
    switch statement {
    case .expression(let expression, let slotCount):
      let slots = slotCount == 0 ? "" : ", with \(slotCount) local slots"
      return ["type: \(expression.type)", "plan: one value\(slots)"]
        + outline(expression, depth: 1, workspace)
    case .binding(let index):
      let global = workspace.globals[index]
      var lines = ["let \(global.name): \(global.type)", "plan: worked out once, on first use"]
      if let value = global.value { lines += outline(value, depth: 1, workspace) }
      return lines
    case .test(let name, _, let facts):
      var lines = ["test \"\(name)\": \(facts.count) fact\(facts.count == 1 ? "" : "s")"]
      for (fact, _) in facts {
        lines.append("  expect")
        lines += outline(fact, depth: 2, workspace)
      }
      return lines
    case .targets:
      return [
        "a statement about targets: runs against the store; what it writes, it writes "
          + "in one transaction"
      ]
    case .school:
      return [
        "a statement about check weeks, mentoring or flags: runs against the store; "
          + "what it writes, it writes in one transaction"
      ]
    }
  }

  private func outline(_ expression: TypedExpression, depth: Int, _ workspace: Workspace)
    -> [String]
  {
    let (step, parts) = describe(expression, workspace)
    let line = String(repeating: "  ", count: depth) + step + ": \(expression.type)"
    return [line] + parts.flatMap { outline($0, depth: depth + 1, workspace) }
  }

  /// What one step does, and the steps it takes its operands from.
  private func describe(_ expression: TypedExpression, _ workspace: Workspace)
    -> (String, [TypedExpression])
  {
    switch expression.kind {
    case .constant(let value): return ("constant \(ValuePrinter.element(value))", [])
    case .local(let slot): return ("local slot \(slot)", [])
    case .global(let index):
      return ("declared value \(workspace.globals[index].name), worked out once", [])
    case .negate(let operand): return ("negate", [operand])
    case .not(let operand): return ("not", [operand])
    case .arithmetic(let operation, let left, let right):
      return ("\(operation)", [left, right])
    case .compare(let comparison, let left, let right):
      return ("compare \(comparison.rawValue)", [left, right])
    case .member(let value, let list): return ("in", [value, list])
    case .and(let left, let right):
      return ("and: the right side only where the left is true", [left, right])
    case .or(let left, let right):
      return ("or: the right side only where the left is false", [left, right])
    case .coalesce(let value, let fallback):
      return ("??: the right side only where the left is missing", [value, fallback])
    case .ifElse(let condition, let then, let otherwise):
      return ("if: each branch only where it is chosen", [condition, then, otherwise])
    case .letIn(let name, let slot, let value, let body):
      return ("let \(name) into local slot \(slot)", [value, body])
    case .list(let items): return ("list of \(items.count)", items)
    case .builtin(let function, let arguments):
      return ("built-in \(function.rawValue)", arguments)
    case .call(let index, let arguments):
      let body = workspace.functionBodies[index]
      return ("call \(body.name), its body compiled once for these argument types", arguments)
    case .today: return ("today: the as-of date", [])
    case .table(let entity, _):
      return (
        "table \(entity.rawValue), loaded from the store once as columns", expression.children
      )
    case .field(_, let index):
      guard case .record(let record) = expression.children[0].type.present else {
        return ("field", expression.children)
      }
      return (
        "field \(record.fields[index].name), gathered for every row at once", expression.children
      )
    case .related(_, let relation):
      return ("related rows \(relation.name), matched by key once per table", expression.children)
    case .query(_, let stage):
      return (
        "query step \(stageName(stage)) over the table's rows as one batch", expression.children
      )
    case .aggregate(let function, _, _, _):
      return (
        "\(function.rawValue) of each group, its argument run once over all groups' rows",
        expression.children
      )
    case .comprehension(let function, _, _, _, _):
      return (
        "\(function.rawValue) over each row's elements, run once over all of them",
        expression.children
      )
    }
  }

  private func stageName(_ stage: TypedQueryStage) -> String {
    switch stage {
    case .filter: return "where"
    case .sort: return "sort"
    case .show: return "show"
    case .group: return "group by"
    case .limit: return "limit"
    }
  }
}
