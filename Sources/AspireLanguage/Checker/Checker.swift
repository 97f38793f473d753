import AspireModel

/// A statement ready to run.
public enum CheckedStatement: Sendable {
  /// A top-level binding, by its index in the workspace.
  case binding(Int)
  /// An expression whose value is printed.
  case expression(TypedExpression, slotCount: Int)
  /// A statement about targets.
  case targets(CheckedTargetStatement)
  /// A statement about check weeks, mentoring, rules and flags.
  case school(CheckedSchoolStatement)
  /// A test block: each fact must be true.
  case test(name: String, range: SourceRange, facts: [(TypedExpression, slotCount: Int)])
}

/// Resolves names and checks types for a parsed program, against and into a
/// workspace. A program with any error should not run.
public struct Checker {
  let workspace: Workspace
  var diagnostics = DiagnosticList()
  /// Reported (offset, message) pairs, so a function body checked for
  /// several argument types reports each mistake once.
  var reported: Set<String> = []
  /// Local scopes, innermost last: name to slot. A query's row scope binds
  /// `Checker.rowKey` to the slot of the row, whose fields are then names.
  var scopes: [[String: Int]] = []
  var nextSlot = 0
  var maximumSlot = 0
  /// The type of each slot in use.
  var localTypes: [Int: ValueType] = [:]
  /// Functions being checked, to refuse recursion.
  var functionStack: [String] = []

  static let rowKey = "\u{0}row"

  public init(workspace: Workspace) {
    self.workspace = workspace
  }

  /// Checks a program's statements, adding its declarations to the workspace.
  public static func check(_ program: Program, in workspace: Workspace)
    -> (statements: [CheckedStatement], diagnostics: [Diagnostic])
  {
    var checker = Checker(workspace: workspace)
    let statements = checker.checkProgram(program)
    let sorted = checker.diagnostics.diagnostics.sorted {
      ($0.range?.start ?? 0) < ($1.range?.start ?? 0)
    }
    return (statements, sorted)
  }

  mutating func checkProgram(_ program: Program) -> [CheckedStatement] {
    declare(program)
    var checked: [CheckedStatement] = []
    for statement in program.statements {
      let statementRange = statement.range
      switch statement.kind {
      case .binding(let name, nil, _), .cohort(let name, _):
        guard let index = workspace.globalIndex[name.name],
          workspace.globals[index].range.start == name.range.start,
          workspace.globals[index].range.file === name.range.file
        else { continue }
        checkGlobal(index)
        if case .cohort(_, let value) = statement.kind {
          let type = workspace.globals[index].type
          if case .table = type {} else if type != .error {
            report("a cohort is a table of rows, such as learners; found \(type)", at: value.range)
          }
        }
        checked.append(.binding(index))
      case .binding(let name, .some, _):
        checkFunctionNames(name.name)
      case .formula(let name, _, let body):
        if let formula = checkFormula(name.name), formula.body >= 0 {
          let type = workspace.functionBodies[formula.body].body.type
          if case .grade = type.present {} else if type != .error && type != .missing {
            report("a formula gives a grade; this one gives \(type)", at: body.range)
          }
        }
      case .targets(let statement):
        if let checkedStatement = checkTargets(statement) {
          checked.append(.targets(checkedStatement))
        }
      case .school(let statement):
        if let checkedStatement = checkSchool(statement, at: statementRange) {
          checked.append(.school(checkedStatement))
        }
      case .expression(let expression):
        let (typed, slots) = checkTopLevel(expression)
        checked.append(.expression(typed, slotCount: slots))
      case .test(let name, let nameRange, let facts):
        var typedFacts: [(TypedExpression, slotCount: Int)] = []
        for fact in facts {
          let (typed, slots) = checkTopLevel(fact)
          if typed.type != .boolean && typed.type != .error {
            report(
              "a test's fact must be true or false, found \(typed.type)", at: fact.range,
              help: typed.type == .optional(.boolean)
                ? "the fact may be missing: give a default with ??" : nil)
          }
          typedFacts.append((typed, slots))
        }
        checked.append(.test(name: name, range: nameRange, facts: typedFacts))
      }
    }
    return checked
  }

  /// Enters every declaration of the program, so they can be used in any order.
  mutating func declare(_ program: Program) {
    var seen: [String: SourceRange] = [:]
    for statement in program.statements {
      let name: Identifier
      let parameters: [Identifier]?
      let value: Expression
      var formulaParameters: [Parameter]?
      switch statement.kind {
      case .binding(let bound, let list, let expression):
        (name, parameters, value) = (bound, list, expression)
      case .formula(let bound, let list, let expression):
        (name, parameters, value) = (bound, list.map(\.name), expression)
        formulaParameters = list
      case .cohort(let bound, let expression):
        (name, parameters, value) = (bound, nil, expression)
      default:
        continue
      }
      if let first = seen[name.name] {
        report(
          "\"\(name.name)\" is already declared on line \(first.startLine)", at: name.range)
        continue
      }
      if BuiltinConstants.values[name.name] != nil || BuiltinFunction(rawValue: name.name) != nil
        || Entity(rawValue: name.name) != nil
      {
        report("\"\(name.name)\" is a built-in name and cannot be declared", at: name.range)
        continue
      }
      let existing =
        workspace.globalIndex[name.name].map { workspace.globals[$0].range }
        ?? workspace.functions[name.name]?.range
      if let existing, !workspace.allowsRedeclaration {
        report(
          "\"\(name.name)\" is already declared at \(existing)", at: name.range)
        continue
      }
      seen[name.name] = name.range
      workspace.functions[name.name] = nil
      if let index = workspace.globalIndex.removeValue(forKey: name.name) {
        workspace.globals[index].name = ""
      }
      if let parameters {
        var parameterNames: Set<String> = []
        for parameter in parameters where !parameterNames.insert(parameter.name).inserted {
          report("parameter \"\(parameter.name)\" is named twice", at: parameter.range)
        }
        var function = Workspace.Function(
          name: name.name, range: name.range, parameters: parameters, body: value)
        function.text = Formatter().format(
          Program(file: statement.range.file, statements: [bare(statement)], trailingComments: []))
        if let formulaParameters {
          function.defaults = formulaParameters.map(\.defaultValue)
          function.formulaText = function.text
        }
        workspace.functions[name.name] = function
      } else {
        workspace.globalIndex[name.name] = workspace.globals.count
        workspace.globals.append(
          Workspace.Global(name: name.name, range: name.range, syntax: value))
      }
    }
  }

  /// The statement without its comments, as its canonical text is hashed.
  func bare(_ statement: Statement) -> Statement {
    Statement(kind: statement.kind, range: statement.range)
  }

  /// Checks a function declared without a call yet: its names must resolve.
  mutating func checkFunctionNames(_ name: String) {
    guard let function = workspace.functions[name], function.bodies.isEmpty else { return }
    let types = [ValueType](repeating: .error, count: function.parameters.count)
    _ = specialise(function, for: types)
  }

  /// Checks a top-level binding's value once, refusing cycles between bindings.
  mutating func checkGlobal(_ index: Int) {
    switch workspace.globals[index].state {
    case .checked: return
    case .checking:
      let global = workspace.globals[index]
      report("\"\(global.name)\" depends on itself", at: global.range)
      workspace.globals[index].type = .error
      return
    case .unchecked: break
    }
    workspace.globals[index].state = .checking
    let saved = (scopes, nextSlot, maximumSlot, localTypes)
    (scopes, nextSlot, maximumSlot, localTypes) = ([], 0, 0, [:])
    let typed = checkExpression(workspace.globals[index].syntax)
    workspace.globals[index].value = typed
    workspace.globals[index].type = typed.type
    workspace.globals[index].slotCount = maximumSlot
    workspace.globals[index].state = .checked
    (scopes, nextSlot, maximumSlot, localTypes) = saved
  }

  mutating func checkTopLevel(_ expression: Expression) -> (TypedExpression, Int) {
    (scopes, nextSlot, maximumSlot, localTypes) = ([], 0, 0, [:])
    let typed = checkExpression(expression)
    return (typed, maximumSlot)
  }

  mutating func report(_ message: String, at range: SourceRange, help: String? = nil) {
    let key = "\(range.start):\(message)"
    guard reported.insert(key).inserted else { return }
    diagnostics.append(.error(message, at: range, help: help))
  }
}
