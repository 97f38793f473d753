import AspireEvaluator
import AspireLanguage
import Foundation

/// `aspire eval EXPR...` prints one expression's value; `aspire eval` alone
/// reads one expression per line of stdin and prints one line for each.
enum EvalCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    var words = arguments
    if words.first == "--" { words.removeFirst() }
    if words.isEmpty { return batch(console: console) }
    let file = SourceFile(name: "<expr>", text: words.joined(separator: " "))
    switch evaluate(file) {
    case .success(let value):
      console.out(ValuePrinter.print(value))
      return .success
    case .failure(let failure):
      console.report(failure.diagnostics)
      return .failure
    }
  }

  /// Why an expression has no value.
  struct Failure: Error {
    var diagnostics: [Diagnostic]
  }

  /// Parses, checks and evaluates one expression on its own.
  static func evaluate(_ file: SourceFile) -> Result<Value, Failure> {
    let (expression, syntaxErrors) = Parser.parseExpression(file)
    guard let expression else { return .failure(Failure(diagnostics: syntaxErrors)) }
    let program = Program(
      file: file, statements: [Statement(kind: .expression(expression), range: expression.range)],
      trailingComments: [])
    let interpreter = Interpreter()
    let (statements, typeErrors) = Checker.check(program, in: interpreter.workspace)
    guard typeErrors.isEmpty, case .expression(let typed, let slots) = statements.first else {
      return .failure(Failure(diagnostics: typeErrors))
    }
    do {
      return .success(try interpreter.evaluator.evaluate(typed, slotCount: slots))
    } catch let error as RuntimeError {
      return .failure(Failure(diagnostics: [error.diagnostic]))
    } catch {
      return .failure(Failure(diagnostics: [.error("\(error)", at: expression.range)]))
    }
  }

  /// One line of output per line of input: the value, `error: MESSAGE`, or
  /// an empty line for a blank or comment-only line.
  static func batch(console: Console) -> ExitStatus {
    var status = ExitStatus.success
    var lineNumber = 0
    while let rawLine = readLine(strippingNewline: true) {
      lineNumber += 1
      var line = rawLine
      if line.hasSuffix("\r") { line.removeLast() }
      let file = SourceFile(name: "<stdin>", text: line, firstLine: lineNumber)
      if isBlank(file) {
        console.out("")
        continue
      }
      switch evaluate(file) {
      case .success(let value):
        console.out(ValuePrinter.print(value, escapeLineBreaks: true))
      case .failure(let failure):
        status = .failure
        let message = failure.diagnostics.first?.message ?? "invalid expression"
        console.out("error: \(message)")
        console.report(failure.diagnostics)
      }
    }
    return status
  }

  /// Whether the line holds only spaces and a comment.
  static func isBlank(_ file: SourceFile) -> Bool {
    for scalar in file.scalars {
      if scalar == "#" { return true }
      if scalar != " " && scalar != "\t" { return false }
    }
    return true
  }
}
