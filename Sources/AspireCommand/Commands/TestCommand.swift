import AspireEvaluator
import AspireLanguage

/// `aspire test FILE...`: runs the `test` blocks, a line for each, then
/// `N passed, N failed`; exit 1 if any failed or a script has an error.
enum TestCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(arguments, command: "test", valued: CommonOptions.all)
    let files = try ScriptFiles.loadAll(options.positional, command: "test")
    let interpreter = Interpreter()
    try StoreOptions(options).connect(interpreter)
    var passed = 0
    var failed = 0
    var status = ExitStatus.success
    for loaded in files {
      guard case .success(let file) = loaded else {
        if case .failure(let diagnostic) = loaded { console.report([diagnostic]) }
        status = .failure
        continue
      }
      let (statements, diagnostics) = interpreter.prepare(file)
      console.report(diagnostics)
      guard let statements else {
        status = .failure
        continue
      }
      // A statement that fails is reported, and the tests after it still run.
      var reported: Set<String> = []
      try interpreter.runEach(
        statements, runsTests: true, readOnly: true,
        emit: { output in
          guard case .test(let outcome) = output else { return }
          if let failure = outcome.failure {
            failed += 1
            console.out("fail  \(outcome.name)")
            console.report([failure])
          } else {
            passed += 1
            console.out("pass  \(outcome.name)")
          }
        },
        failed: { error in
          status = .failure
          // A declaration that failed fails again in each statement using it.
          let key = "\(error.range.file.name):\(error.range.start) \(error.message)"
          if reported.insert(key).inserted { console.report([error.diagnostic]) }
        })
    }
    console.out("\(passed) passed, \(failed) failed")
    return failed > 0 ? .failure : status
  }
}
