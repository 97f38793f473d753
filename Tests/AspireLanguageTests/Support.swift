import AspireEvaluator
import AspireLanguage
import Foundation

/// Runs `work` on a thread with a large stack, as the `aspire` command does,
/// so deeply nested input can be parsed in a test.
func onLargeStack<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
  nonisolated(unsafe) var result: T?
  let done = DispatchSemaphore(value: 0)
  let thread = Thread {
    result = work()
    done.signal()
  }
  thread.stackSize = 1 << 29
  thread.start()
  done.wait()
  return result!
}

/// The expression with every operator's operands in parentheses, to show
/// how the parser grouped it.
func grouped(_ expression: AspireLanguage.Expression) -> String {
  switch expression.kind {
  case .infix(let op, let left, let right):
    return "(\(grouped(left)) \(op.rawValue) \(grouped(right)))"
  case .prefix(let op, let operand):
    return "(\(op.rawValue) \(grouped(operand)))"
  case .parenthesized(let inner):
    return grouped(inner)
  case .ifElse(let condition, let thenBranch, let elseBranch):
    return "(if \(grouped(condition)) then \(grouped(thenBranch)) else \(grouped(elseBranch)))"
  case .letIn(let name, let value, let body):
    return "(let \(name.name) = \(grouped(value)) in \(grouped(body)))"
  case .call(let callee, let arguments):
    return callee.name + "(" + arguments.map(grouped).joined(separator: ", ") + ")"
  case .list(let items):
    return "[" + items.map(grouped).joined(separator: ", ") + "]"
  case .query(let base, let stage):
    return "{\(grouped(base)) | \(Formatter().flat(stage))}"
  default:
    return Formatter().flat(expression)
  }
}

/// Parses one expression, or returns the first diagnostic's message.
func parse(_ text: String) -> Result<AspireLanguage.Expression, Diagnostic> {
  let (expression, diagnostics) = Parser.parseExpression(SourceFile(name: "<test>", text: text))
  if let expression { return .success(expression) }
  return .failure(diagnostics[0])
}

/// How the parser grouped `text`, or `error: MESSAGE`.
func grouping(_ text: String) -> String {
  switch parse(text) {
  case .success(let expression): return grouped(expression)
  case .failure(let diagnostic): return "error: \(diagnostic.message)"
  }
}

/// The messages of every diagnostic for a script.
func diagnostics(of script: String) -> [String] {
  let interpreter = Interpreter()
  let (_, diagnostics) = interpreter.prepare(SourceFile(name: "<test>", text: script))
  return diagnostics.map { "\($0.range!.startLine):\($0.range!.startColumn): \($0.message)" }
}

/// Runs a script and returns the values it printed, or the runtime error.
func values(of script: String) throws -> [String] {
  let interpreter = Interpreter()
  let (statements, diagnostics) = interpreter.prepare(SourceFile(name: "<test>", text: script))
  guard let statements else { return diagnostics.map { "error: \($0.message)" } }
  var printed: [String] = []
  try interpreter.run(statements) { output in
    if case .value(let value, _) = output { printed.append(ValuePrinter.print(value)) }
  }
  return printed
}
