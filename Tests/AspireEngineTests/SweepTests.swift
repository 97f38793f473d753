import AspireEngine
import AspireEvaluator
import AspireLanguage
import AspireModel
import Testing

/// A sweep of one parameter (what `tune` runs) gives for each value what
/// evaluating the formula with that value gives, errors included.
@Suite struct SweepTests {
  static let formulas = """
    formula lifted(e, up = 1) =
      let evidence = max(top(e.level) - 2, bottom(e.level) + 1) in
      min(evidence + up, top(e.level))
    formula halved(e, up = 1) =
      if e.level == H then top(e.level) - up else bottom(e.level) + 1
    """

  @Test func givesWhatEachValueGivesAlone() throws {
    let school = try SmallSchool()
    let (formula, parameter, table) = try tune(school, "lifted", values: "[0, 1, 2, 3]")
    var swept: [[Value]] = []
    try school.interpreter.evaluator.evaluate(
      formula, over: table, varying: parameter, through: [0, 1, 2, 3].map(Value.number)
    ) { _, column in swept.append(column.allValues) }
    let alone = try [0, 1, 2, 3].map { value in
      try school.interpreter.evaluator.evaluate(
        formula, over: table, arguments: [parameter: .number(Double(value))]
      ).allValues
    }
    #expect(swept == alone)
    #expect(Set(swept.map { $0.map { ValuePrinter.print($0) } }).count > 1)
  }

  @Test func stopsAtTheFirstValueThatFailsWithItsError() throws {
    let school = try SmallSchool()
    let (formula, parameter, table) = try tune(school, "halved", values: "[1, 0.5, 2]")
    var seen: [Value] = []
    #expect {
      try school.interpreter.evaluator.evaluate(
        formula, over: table, varying: parameter, through: [1, 0.5, 2].map(Value.number)
      ) { value, _ in seen.append(value) }
    } throws: { error in
      (error as? RuntimeError)?.message == "a number of grade steps must be a whole number"
    }
    #expect(seen == [.number(1)])
  }

  /// The formula, the parameter's slot and the cohort of a `tune` statement.
  func tune(_ school: SmallSchool, _ name: String, values: String) throws
    -> (Workspace.Formula, Int, TableValue)
  {
    let file = SourceFile(
      name: "test.aspire",
      text: SweepTests.formulas + "\ntune \(name) up in \(values) for seniors.enrolments\n")
    let (statements, diagnostics) = school.interpreter.prepare(file)
    #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    guard case .targets(.tune(let formula, let parameter, _, let cohort))? = statements?.last,
      case .table(let table) = try school.interpreter.evaluator.evaluate(
        cohort.expression, slotCount: cohort.slotCount)
    else { throw ScriptError(message: "no tune statement") }
    return (formula, parameter, table)
  }
}
