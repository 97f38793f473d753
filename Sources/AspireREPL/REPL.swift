import AspireEngine
import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore
import Foundation

/// The interactive REPL, and its piped form: reads statements and
/// meta-commands one at a time, runs each in one session whose declarations
/// persist, prints values as `aspire run` does and carries on after an error.
/// On a terminal it has prompts, line editing, history and completion; with
/// piped input it reads the same way without them.
public final class REPL {
  let settings: REPLSettings
  let interpreter = Interpreter(allowsRedeclaration: true)
  var format: ResultFormat
  let destination = ResultDestination()
  var showsTime = false
  /// Whether a grouped result is followed by a text bar chart (`.chart on`).
  var showsChart = false
  /// The text of each declaration made in the session, in order, for `.schema`.
  var declarations: [(name: String, text: String)] = []
  /// Ways to explain a statement, asked in order; the first answer is shown.
  public var explainers: [any StatementExplainer] = [ExpressionOutline()]
  var anyFailed = false
  var leaving = false
  private var openedStore: Store?
  let diagnosticRenderer: DiagnosticRenderer

  public init(settings: REPLSettings) {
    self.settings = settings
    format = settings.format
    diagnosticRenderer = DiagnosticRenderer(useColour: Terminal.colours(2))
    settings.connect?(interpreter)
    interpreter.evaluator.isCancelled = Interrupts.cancellationCheck
  }

  /// The name diagnostics give the input.
  var sourceName: String { settings.isInteractive ? "<repl>" : "<stdin>" }

  /// Runs until the input ends or `.quit`; false if any statement or command failed.
  public func run() -> Bool {
    let source: LineSource
    if settings.isInteractive {
      Interrupts.install()
      let completer = Completer(
        declaredNames: { [interpreter] in interpreter.workspace.declaredNames },
        fields: settings.fields)
      source = TerminalLineSource(
        completer: completer, history: HistoryFile.inHome(settings.environment))
      if let greeting = settings.greeting { StandardStreams.out(greeting + "\n") }
    } else {
      source = PipedLineSource()
    }
    let reader = StatementReader(source: source)
    while !leaving {
      switch reader.next() {
      case .end:
        if settings.isInteractive { StandardStreams.out("\n") }
        leaving = true
      case .interrupted:
        StandardStreams.out("\n")
      case .statement(let text, let line):
        timed(measured: true) { runStatement(text, line: line) }
      case .metaCommand(let text, let line):
        let name = text.dropFirst().prefix { $0 != " " && $0 != "\t" }
        let measured = (try? MetaCommand.resolve(String(name)).get())?.doesWork ?? false
        timed(measured: measured) { runMetaCommand(text, line: line) }
      }
      destination.commandFinished()
    }
    destination.close()
    return !anyFailed
  }

  /// Runs `work`, noting a failure, and when it is `measured` and `.timer
  /// on` is in force, prints the time it took.
  private func timed(measured: Bool, _ work: () -> Bool) {
    let start = DispatchTime.now().uptimeNanoseconds
    let succeeded = work()
    if !succeeded { anyFailed = true }
    guard measured && showsTime else { return }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    StandardStreams.error("time: " + REPL.duration(seconds) + "\n")
  }

  /// `0.42 ms`, `12.5 ms`, `3.21 s`.
  static func duration(_ seconds: Double) -> String {
    seconds < 1
      ? String(format: "%.*f ms", seconds < 0.01 ? 2 : 1, seconds * 1000)
      : String(format: "%.2f s", seconds)
  }

  /// Checks and runs one statement; false if it had an error.
  func runStatement(_ text: String, line: Int) -> Bool {
    let file = SourceFile(name: sourceName, text: text, firstLine: line)
    let broken = BrokenDeclarations.uses(in: file, workspace: interpreter.workspace)
    guard broken.isEmpty else {
      report(broken)
      return false
    }
    let (statements, diagnostics) = interpreter.prepare(file)
    report(diagnostics)
    guard let statements else { return false }
    recordDeclarations(in: file)
    return execute(statements)
  }

  /// Runs checked statements, printing values and test outcomes; false if a
  /// statement failed at run time or a test failed.
  func execute(_ statements: [CheckedStatement]) -> Bool {
    var succeeded = true
    do {
      try Interrupts.whileRunning {
        try interpreter.run(statements, runsTests: true) { output in
          switch output {
          case .value(.table(let table), _):
            write(ResultTable(table))
          case .value(let value, _):
            destination.write(format.render(value) + "\n")
          case .test(let outcome):
            destination.write((outcome.passed ? "pass  " : "fail  ") + outcome.name + "\n")
            if let failure = outcome.failure {
              succeeded = false
              report([failure])
            }
          }
        }
      }
    } catch let error as RuntimeError {
      report([error.diagnostic])
      return false
    } catch {
      reportError("\(error)")
      return false
    }
    return succeeded
  }

  /// Keeps the text of the file's declarations, replacing earlier ones of the same name.
  func recordDeclarations(in file: SourceFile) {
    for statement in Parser.parse(file).program.statements {
      guard case .binding(let name, _, _) = statement.kind else { continue }
      declarations.removeAll { $0.name == name.name }
      declarations.append((name.name, statement.range.text))
    }
  }

  /// A table of results, drawn for the screen or written for a file.
  func write(_ table: ResultTable) {
    let onScreen = destination.isStandardOutput
    let width = onScreen ? Terminal.width(of: 1) : nil
    let colour = onScreen && Terminal.colours(1)
    destination.write(format.render(table, width: width, colour: colour))
    if showsChart, [.table, .box, .markdown].contains(format),
      let chart = TextBarChart.render(table, width: width ?? 80)
    {
      destination.write(chart)
    }
  }

  /// Diagnostics on stderr.
  func report(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    StandardStreams.error(diagnostics.map(diagnosticRenderer.render).joined())
  }

  /// `error: MESSAGE` on stderr, with a `help:` line when there is one.
  func reportError(_ message: String, help: String? = nil) {
    report([Diagnostic(.error, message, at: nil, help: help)])
  }

  /// A line for people on stderr, such as an import's summary.
  func inform(_ text: String) {
    StandardStreams.error(text + "\n")
  }

  /// The store, opened on first use so a REPL that never needs it creates no file.
  func store() throws -> Store {
    if let openedStore { return openedStore }
    let store = try Store(path: settings.databasePath)
    openedStore = store
    return store
  }

  /// The store if its file exists, else nil with the error reported.
  func existingStore() -> Store? {
    guard openedStore != nil || FileManager.default.fileExists(atPath: settings.databasePath)
    else {
      reportError(
        "no store at \(settings.databasePath)",
        help: "\".import\" creates it, or start aspire with --db PATH")
      return nil
    }
    do {
      return try store()
    } catch {
      reportError("\(error)")
      return nil
    }
  }
}

/// What the REPL is started with: the store, the session and person for
/// imports, how results print, and whether a person is typing.
public struct REPLSettings {
  public var databasePath: String
  public var session: Session
  /// Who is acting, for the store's audit trail.
  public var user: String
  public var format: ResultFormat
  /// True on a terminal: prompts, line editing, history, Ctrl-C handling.
  public var isInteractive: Bool
  /// A line printed when an interactive REPL starts.
  public var greeting: String?
  /// Where `HOME` (for the history file) is read from.
  public var environment: [String: String]
  /// Where completion finds fields after a dot.
  public var fields: any FieldSource
  /// Gives the session's interpreter the store's tables and the statements
  /// that work on the store.
  public var connect: ((Interpreter) -> Void)?

  public init(
    databasePath: String, session: Session, user: String, format: ResultFormat = .table,
    isInteractive: Bool, greeting: String? = nil,
    environment: [String: String] = ProcessInfo.processInfo.environment,
    fields: any FieldSource = StoreTableFields()
  ) {
    self.databasePath = databasePath
    self.session = session
    self.user = user
    self.format = format
    self.isInteractive = isInteractive
    self.greeting = greeting
    self.environment = environment
    self.fields = fields
  }
}
