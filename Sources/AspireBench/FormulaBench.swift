import AspireEngine
import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore
import Foundation

/// Loads the store's tables once, then times a formula over a cohort in
/// aspire and in a hand-written loop, checks that both give the same
/// targets, and times a tune of one parameter. Prints one `name value` line
/// per figure, for scripts/bench to read.
struct FormulaBench {
  let options: BenchOptions

  init(_ options: BenchOptions) {
    self.options = options
  }

  func run() throws {
    let store = try Store(path: options.database)
    let data = StoreDataSource(store: store, defaultSession: options.session)
    let interpreter = Interpreter()
    interpreter.evaluator.dataSource = data
    interpreter.targetHandler = TargetService(store: store, data: data, user: "bench")
    for path in options.scripts {
      let statements = try prepare(interpreter, file: path, text: nil)
      // Only the declarations: the bench never writes targets.
      try interpreter.run(statements.filter { if case .targets = $0 { false } else { true } }) {
        _ in
      }
    }
    let explain = try prepare(
      interpreter, file: "<bench>", text: "explain \(options.formula) for \(options.cohort)\n")
    guard case .targets(.explain(let formula, let cohort))? = explain.first else {
      throw BenchError("no formula \(options.formula)")
    }
    let evaluator = interpreter.evaluator

    var start = Date()
    guard
      case .table(let table) = try evaluator.evaluate(
        cohort.expression, slotCount: cohort.slotCount)
    else { throw BenchError("\(options.cohort) is not a table") }
    var column = try evaluator.evaluate(formula, over: table)
    report("load", Date().timeIntervalSince(start))
    print("rows \(table.rows.count)")

    let aspireBest = try best { column = try evaluator.evaluate(formula, over: table) }
    let aspireSum = checksum(column)
    report("aspire", aspireBest)

    let loop = try HandLoop(store: store, session: options.session)
    var targets: [Int8] = []
    let loopBest = best { targets = loop.targets(uplift: 1) }
    report("loop", loopBest)
    print("loop_rows \(targets.count)")
    let loopSum = targets.reduce(into: (0, 0)) { sums, rank in
      if rank >= 0 { sums = (sums.0 + 1, sums.1 + Int(rank)) }
    }
    print("checksum_aspire \(aspireSum.0) \(aspireSum.1)")
    print("checksum_loop \(loopSum.0) \(loopSum.1)")

    let values = options.tuneValues.joined(separator: ", ")
    let tune = try prepare(
      interpreter, file: "<bench>",
      text: "tune \(options.formula) \(options.parameter) in [\(values)] for \(options.cohort)\n")
    start = Date()
    try interpreter.run(tune) { _ in }
    report("tune", Date().timeIntervalSince(start))
    print("tune_values \(options.tuneValues.count)")
  }

  /// The checked statements of a script file, or of `text` when given.
  func prepare(_ interpreter: Interpreter, file: String, text: String?) throws
    -> [CheckedStatement]
  {
    let source: SourceFile
    if let text {
      source = SourceFile(name: file, text: text)
    } else {
      guard let bytes = FileManager.default.contents(atPath: file) else {
        throw BenchError("cannot read \(file)")
      }
      switch SourceFile.decode(name: file, bytes: [UInt8](bytes)) {
      case .success(let decoded): source = decoded
      case .failure(let diagnostic):
        throw BenchError(DiagnosticRenderer(useColour: false).render(diagnostic))
      }
    }
    let (statements, diagnostics) = interpreter.prepare(source)
    guard let statements else {
      let renderer = DiagnosticRenderer(useColour: false)
      throw BenchError(diagnostics.map(renderer.render).joined())
    }
    return statements
  }

  /// The shortest of `options.runs` timings of `body`, in seconds.
  func best(_ body: () throws -> Void) rethrows -> Double {
    var shortest = Double.infinity
    for _ in 0..<options.runs {
      let start = DispatchTime.now().uptimeNanoseconds
      try body()
      shortest = min(shortest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return shortest
  }

  /// How many rows have a grade, and the sum of their ranks.
  func checksum(_ column: Column) -> (Int, Int) {
    var sums = (0, 0)
    for row in 0..<column.count {
      if case .grade(let grade) = column.value(at: row) { sums = (sums.0 + 1, sums.1 + grade.rank) }
    }
    return sums
  }

  func report(_ name: String, _ value: Double) {
    print("\(name) \(value)")
  }
}
