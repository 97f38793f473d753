import AspireEvaluator
import AspireLanguage
import AspireREPL
import Foundation

/// `aspire run FILE...`: runs scripts in order in one workspace, printing the
/// value of each expression that stands alone.
enum RunCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(arguments, command: "run", valued: CommonOptions.all)
    let format = try options.format()
    let files = try ScriptFiles.loadAll(options.positional, command: "run")
    let settings = try StoreOptions(options)
    let interpreter = Interpreter()
    settings.connect(interpreter)
    for loaded in files {
      guard case .success(let file) = loaded else {
        if case .failure(let diagnostic) = loaded { console.report([diagnostic]) }
        return .failure
      }
      let status = runFile(file, in: interpreter, format: format, console: console)
      if status != .success { return status }
    }
    return .success
  }

  /// Checks and runs one file; nothing runs if the file has any error.
  static func runFile(
    _ file: SourceFile, in interpreter: Interpreter, format: ResultFormat, console: Console
  ) -> ExitStatus {
    let (statements, diagnostics) = interpreter.prepare(file)
    console.report(diagnostics)
    guard let statements else { return .failure }
    do {
      try interpreter.run(statements) { output in
        if case .value(let value, _) = output {
          console.out(format.render(value))
        }
      }
    } catch let error as RuntimeError {
      console.report([error.diagnostic])
      return .failure
    } catch {
      console.error("error: \(error)")
      return .failure
    }
    return .success
  }
}
