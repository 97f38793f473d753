import AspireModel

/// A checked statement about targets. Each expression comes with the number
/// of slots its frame needs.
public enum CheckedTargetStatement: Sendable {
  public typealias Part = (expression: TypedExpression, slotCount: Int)

  case set(cohort: Part, formula: Workspace.Formula)
  case revise(cohort: Part, formula: Workspace.Formula, reason: Part)
  case raise(learner: Part, subject: Part, grade: Part, reason: Part)
  case compare(Workspace.Formula, Workspace.Formula, cohort: Part)
  case replay(Workspace.Formula, cohort: Part)
  case tune(Workspace.Formula, parameter: Int, values: Part, cohort: Part)
  case explain(Workspace.Formula, cohort: Part)
}

extension Checker {
  /// Checks a formula's body for an enrolment and its defaults' types.
  mutating func checkFormula(_ name: String) -> Workspace.Formula? {
    guard let function = workspace.functions[name], let text = function.formulaText else {
      return nil
    }
    let defaults = function.defaults.dropFirst().map { defaultValue -> TypedExpression in
      let (typed, _) = checkTopLevel(defaultValue!)
      return typed
    }
    let types = [ValueType.record(Entity.enrolments.recordType)] + defaults.map(\.type)
    let body = specialise(function, for: types) ?? -1
    var helpers: [String] = []
    if body >= 0 { collectHelpers(workspace.functionBodies[body].body, into: &helpers) }
    let helperTexts = helpers.compactMap { workspace.functions[$0]?.text }
    return Workspace.Formula(
      name: name, text: ([text] + helperTexts).joined(separator: "\n"),
      parameters: function.parameters.map(\.name), body: body, defaults: defaults)
  }

  /// The names of the functions `expression` calls, directly or through
  /// others, in the order first called.
  func collectHelpers(_ expression: TypedExpression, into names: inout [String]) {
    if case .call(let index, _) = expression.kind, workspace.functionBodies.indices.contains(index)
    {
      let callee = workspace.functionBodies[index]
      if !names.contains(callee.name) {
        names.append(callee.name)
        collectHelpers(callee.body, into: &names)
      }
    }
    for child in expression.children { collectHelpers(child, into: &names) }
  }

  mutating func formula(_ name: Identifier) -> Workspace.Formula? {
    if let formula = checkFormula(name.name) { return formula }
    let formulas = workspace.functions.values.filter { $0.formulaText != nil }.map(\.name)
    report(
      "unknown formula \"\(name.name)\"", at: name.range,
      help: closestName(to: name.name, among: formulas).map { "did you mean \"\($0)\"?" }
        ?? (workspace.functions[name.name] != nil
          ? "\"\(name.name)\" is a function; declare it with \"formula\"" : nil))
    return nil
  }

  /// A table of enrolments to set or study targets for.
  mutating func enrolments(_ expression: Expression) -> CheckedTargetStatement.Part {
    let (typed, slots) = checkTopLevel(expression)
    if case .table(let record) = typed.type, record == Entity.enrolments.recordType {
      return (typed, slots)
    }
    if typed.type != .error {
      report(
        "targets are for a table of enrolments, found \(typed.type)", at: expression.range,
        help: "name a cohort's enrolments, as in seniors.enrolments")
    }
    return (typed, slots)
  }

  mutating func part(_ expression: Expression, _ type: ValueType, _ what: String)
    -> CheckedTargetStatement.Part
  {
    let (typed, slots) = checkTopLevel(expression)
    if ValueType.unify(typed.type, type) != type && typed.type != .error {
      report("\(what) must be \(type), found \(typed.type)", at: expression.range)
    }
    return (typed, slots)
  }

  mutating func checkTargets(_ statement: TargetStatement) -> CheckedTargetStatement? {
    switch statement {
    case .set(let cohort, let name):
      let table = enrolments(cohort)
      guard let formula = formula(name) else { return nil }
      return .set(cohort: table, formula: formula)
    case .revise(let cohort, let name, let reason):
      let table = enrolments(cohort)
      let why = part(reason, .text, "a reason")
      guard let formula = formula(name) else { return nil }
      return .revise(cohort: table, formula: formula, reason: why)
    case .raise(let learner, let subject, let grade, let reason):
      let who = part(learner, .text, "the learner's id")
      let what = part(subject, .text, "the subject")
      let to = checkTopLevel(grade)
      if case .grade = to.0.type.present {
      } else if to.0.type != .error {
        report("a target is a grade, found \(to.0.type)", at: grade.range)
      }
      let why = part(reason, .text, "a reason")
      return .raise(learner: who, subject: what, grade: to, reason: why)
    case .compare(let first, let second, let cohort):
      let table = enrolments(cohort)
      guard let a = formula(first), let b = formula(second) else { return nil }
      return .compare(a, b, cohort: table)
    case .replay(let name, let cohort):
      let table = enrolments(cohort)
      guard let formula = formula(name) else { return nil }
      return .replay(formula, cohort: table)
    case .tune(let name, let parameter, let values, let cohort):
      let table = enrolments(cohort)
      guard let formula = formula(name) else { return nil }
      guard let index = formula.parameters.firstIndex(of: parameter.name), index > 0 else {
        report(
          "\(formula.name) has no parameter \"\(parameter.name)\" to tune", at: parameter.range,
          help: formula.parameters.count > 1
            ? "its parameters are " + formula.parameters.dropFirst().joined(separator: ", ")
            : "declare one with a default value, as in formula \(formula.name)(e, uplift = 1)")
        return nil
      }
      let list = part(values, .list(formula.defaults[index - 1].type), "the values to try")
      return .tune(formula, parameter: index, values: list, cohort: table)
    case .explain(let name, let cohort):
      let table = enrolments(cohort)
      guard let formula = formula(name) else { return nil }
      return .explain(formula, cohort: table)
    }
  }
}
