import AspireEvaluator
import AspireLanguage

/// `aspire check FILE...`: parses and checks scripts without running them.
/// Silent and exit 0 when every file is clean.
enum CheckCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(arguments, command: "check", valued: CommonOptions.all)
    let files = try ScriptFiles.loadAll(options.positional, command: "check")
    let interpreter = Interpreter()
    var status = ExitStatus.success
    for loaded in files {
      switch loaded {
      case .failure(let diagnostic):
        console.report([diagnostic])
        status = .failure
      case .success(let file):
        let (statements, diagnostics) = interpreter.prepare(file)
        console.report(diagnostics)
        if statements == nil { status = .failure }
      }
    }
    return status
  }
}

/// Options every command accepts where they apply.
enum CommonOptions {
  static let all: Set<String> = ["db", "as-of", "session", "by", "format", "out"]
}
