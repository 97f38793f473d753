import AspireLanguage
import AspireModel

/// Runs scripts statement by statement against one workspace: the engine
/// behind `aspire run`, `aspire test`, `aspire eval` and the REPL.
public final class Interpreter {
  public let workspace: Workspace
  public let evaluator: Evaluator

  /// What one statement produced.
  public enum Output {
    /// An expression's value, to print.
    case value(Value, type: ValueType)
    /// A test block's outcome.
    case test(TestOutcome)
  }

  /// Whether a test held, and if not, which fact failed and why.
  public struct TestOutcome: Sendable {
    public var name: String
    public var range: SourceRange
    public var failure: Diagnostic?
    public var passed: Bool { failure == nil }
  }

  /// Carries out the statements about targets; nil where there is no store.
  public var targetHandler: TargetHandler?
  /// Carries out the statements about check weeks, mentoring and flags.
  public var schoolHandler: SchoolHandler?

  public init(allowsRedeclaration: Bool = false) {
    workspace = Workspace(allowsRedeclaration: allowsRedeclaration)
    evaluator = Evaluator(workspace: workspace)
  }

  /// Parses and checks a file: its statements, or nil if it has any error.
  public func prepare(_ file: SourceFile)
    -> (statements: [CheckedStatement]?, diagnostics: [Diagnostic])
  {
    let (program, syntaxErrors) = Parser.parse(file)
    var diagnostics = DiagnosticList()
    let (statements, typeErrors) = Checker.check(program, in: workspace)
    diagnostics.append(
      contentsOf: (syntaxErrors + typeErrors).sorted {
        ($0.range?.start ?? 0) < ($1.range?.start ?? 0)
      })
    return (diagnostics.hasErrors ? nil : statements, diagnostics.diagnostics)
  }

  /// Runs checked statements in order, handing each output to `emit`. Stops
  /// at the first runtime error, which it throws.
  /// With `readOnly` (`aspire test`), statements that would change the store
  /// or write files are skipped.
  public func run(
    _ statements: [CheckedStatement], runsTests: Bool = false, readOnly: Bool = false,
    emit: (Output) -> Void
  ) throws {
    for statement in statements {
      try run(statement, runsTests: runsTests, readOnly: readOnly, emit: emit)
    }
  }

  /// Runs each statement as `run` does, but a statement that fails is handed
  /// to `failed` and the next one still runs: `aspire test` runs every test
  /// of a file, whatever an earlier statement did.
  public func runEach(
    _ statements: [CheckedStatement], runsTests: Bool = false, readOnly: Bool = false,
    emit: (Output) -> Void, failed: (RuntimeError) -> Void
  ) throws {
    for statement in statements {
      do {
        try run(statement, runsTests: runsTests, readOnly: readOnly, emit: emit)
      } catch let error as RuntimeError {
        failed(error)
      }
    }
  }

  /// Runs one statement.
  func run(
    _ statement: CheckedStatement, runsTests: Bool, readOnly: Bool, emit: (Output) -> Void
  ) throws {
    switch statement {
    case .binding(let index):
      _ = try evaluator.value(ofGlobal: index)
    case .expression(let expression, let slotCount):
      let value = try evaluator.evaluate(expression, slotCount: slotCount)
      // The kernels refuse numbers past the largest double as they make
      // them; this is the last guard that none is ever printed.
      guard !value.holdsNumberOutOfRange else {
        throw RuntimeError(message: "number out of range", range: expression.range)
      }
      emit(.value(value, type: expression.type))
    case .targets(let statement):
      // Tests check facts; they never change the store.
      if readOnly { return }
      guard let targetHandler else {
        throw RuntimeError(
          message: "statements about targets need a store", range: statementRange(statement))
      }
      let values = try targetHandler.run(statement, evaluator: evaluator)
      evaluator.forgetGlobalValues()
      for value in values { emit(.value(value, type: .error)) }
    case .school(let statement):
      if readOnly { return }
      guard let schoolHandler else {
        throw RuntimeError(
          message: "this statement needs a store", range: schoolRange(statement))
      }
      let values = try schoolHandler.run(statement, evaluator: evaluator)
      evaluator.forgetGlobalValues()
      for value in values { emit(.value(value, type: .error)) }
    case .test(let name, let range, let facts):
      guard runsTests else { return }
      emit(.test(runTest(name: name, range: range, facts: facts)))
    }
  }

  func runTest(
    name: String, range: SourceRange, facts: [(TypedExpression, slotCount: Int)]
  ) -> TestOutcome {
    for (fact, slotCount) in facts {
      do {
        let value = try evaluator.evaluate(fact, slotCount: slotCount)
        if value == .boolean(true) { continue }
        return TestOutcome(
          name: name, range: range,
          failure: .error(
            "the fact is false", at: fact.range, help: explanation(of: fact, slotCount)))
      } catch let error as RuntimeError {
        return TestOutcome(name: name, range: range, failure: error.diagnostic)
      } catch {
        return TestOutcome(
          name: name, range: range, failure: .error("\(error)", at: fact.range))
      }
    }
    return TestOutcome(name: name, range: range, failure: nil)
  }

  /// For a failed comparison, both sides' values.
  func explanation(of fact: TypedExpression, _ slotCount: Int) -> String? {
    guard case .compare(let comparison, let left, let right) = fact.kind,
      let a = try? evaluator.evaluate(left, slotCount: slotCount),
      let b = try? evaluator.evaluate(right, slotCount: slotCount)
    else { return nil }
    return "the left side is \(ValuePrinter.element(a)), the right side "
      + "\(ValuePrinter.element(b)), and \(comparison.rawValue) does not hold"
  }
}

/// Carries out statements about targets against the store.
public protocol TargetHandler: AnyObject {
  /// Runs the statement; returns what it prints (texts and tables).
  func run(_ statement: CheckedTargetStatement, evaluator: Evaluator) throws -> [Value]
}

/// Where a statement about targets stands, for its errors.
public func statementRange(_ statement: CheckedTargetStatement) -> SourceRange {
  switch statement {
  case .set(let cohort, _), .revise(let cohort, _, _), .compare(_, _, let cohort),
    .replay(_, let cohort), .tune(_, _, _, let cohort), .explain(_, let cohort):
    return cohort.expression.range
  case .raise(let learner, _, _, _):
    return learner.expression.range
  }
}

/// Carries out statements about check weeks, mentoring, rules and flags.
public protocol SchoolHandler: AnyObject {
  /// Runs the statement; returns what it prints.
  func run(_ statement: CheckedSchoolStatement, evaluator: Evaluator) throws -> [Value]
}

/// Where a school statement stands, for its errors.
public func schoolRange(_ statement: CheckedSchoolStatement) -> SourceRange {
  switch statement {
  case .schedule(_, let cohort, _, _, _, _), .allocate(let cohort), .glance(let cohort),
    .report(_, let cohort, _), .analyse(let cohort, _):
    return cohort.expression.range
  case .mark(let learner, _, _, _, _): return learner.expression.range
  case .rule(_, _, _, _, _, _, _, _, _, let range): return range
  case .closeFlag(let id, _): return id.expression.range
  case .writePacks(let round, _): return round.expression.range
  case .writeSummary(let faculty): return faculty.expression.range
  }
}

extension Value {
  /// Whether this value is, or a list in it holds, an infinite number or not
  /// a number at all.
  var holdsNumberOutOfRange: Bool {
    switch self {
    case .number(let number): return !number.isFinite
    case .list(let items): return items.contains { $0.holdsNumberOutOfRange }
    default: return false
    }
  }
}
