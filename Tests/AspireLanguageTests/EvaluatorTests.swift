import AspireEvaluator
import AspireLanguage
import AspireModel
import Testing

@Suite struct EvaluatorTests {
  @Test func runsOnlyTheBranchEachRowTakes() throws {
    // Over a column of rows, the division runs only where the divisor is not 0.
    let interpreter = Interpreter()
    let result = try evaluateOverColumn(
      "if d == 0 then 0 else 12 / d", column: [4, 0, 3, 0, 6], interpreter: interpreter)
    #expect(result == [3, 0, 4, 0, 2])
  }

  @Test func shortCircuitsAndOverAColumn() throws {
    let result = try evaluateOverColumn(
      "if d != 0 and 12 / d > 3 then 1 else 0", column: [4, 0, 2], interpreter: Interpreter())
    #expect(result == [0, 0, 1])
  }

  @Test func reportsDivisionByZeroOnlyForARowThatReachesIt() {
    #expect(throws: RuntimeError.self) {
      try evaluateOverColumn("12 / d", column: [1, 0], interpreter: Interpreter())
    }
  }

  @Test func summarisesEachRowsElementsOverAColumn() throws {
    // Sums, means and counts of numbers add up each row's own elements,
    // skip the missing ones, and leave a mean of nothing missing.
    #expect(
      try evaluateOverColumn(
        "sum(x in [d, d * 2, missing]: x)", column: [1, 2, 3], interpreter: Interpreter())
        == [3, 6, 9])
    #expect(
      try evaluateOverColumn(
        "mean(x in [d, missing, 4]: x)", column: [2, 0, 1], interpreter: Interpreter())
        == [3, 2, 2.5])
    #expect(
      try evaluateOverColumn(
        "count(x in [d, missing, 1]: if (x > 1) ?? false then x else missing)", column: [3, 0],
        interpreter: Interpreter()) == [1, 0])
    #expect(
      try evaluateOverColumn(
        "mean(x in [d, missing]: if (x > 1) ?? false then x else missing) ?? 7", column: [3, 0],
        interpreter: Interpreter()) == [3, 7])
  }

  @Test func givesOverManyRowsWhatEachRowGives() throws {
    // Enough rows to be worked out in chunks on several threads.
    let column = (0..<100_000).map(Double.init)
    let result = try evaluateOverColumn(
      "if d > 50000 then d * 2 else d / 4", column: column, interpreter: Interpreter())
    #expect(result == column.map { $0 > 50000 ? $0 * 2 : $0 / 4 })
  }

  @Test func reportsTheErrorOfTheFirstPartToFailOverManyRows() {
    // The division fails only in the last rows, the rounding only in the
    // first; the division is worked out first, so its error is the one.
    #expect {
      try evaluateOverColumn(
        "1 / (if d > 90000 then 0 else 1) + round(d, if d == 5 then 0.5 else 0)",
        column: (0..<100_000).map(Double.init), interpreter: Interpreter())
    } throws: { error in
      (error as? RuntimeError)?.message == "division by zero"
    }
  }

  @Test func keepsNumbersInContiguousArrays() throws {
    var frame = Frame(count: 3, slotCount: 1)
    frame.slots[0] = .numbers([1, 2, 3], present: nil)
    let interpreter = Interpreter()
    let typed = try typedExpression("d * 2 + 1", slot: "d", interpreter: interpreter)
    guard case .numbers(let numbers, nil) = try interpreter.evaluator.evaluate(typed, over: &frame)
    else {
      Issue.record("expected a column of numbers")
      return
    }
    #expect(numbers == [3, 5, 7])
  }

  @Test(arguments: [
    (2.675, 2, 2.68), (1234.0, -2, 1200.0), (2.5, 0, 3.0), (-2.5, 0, -3.0), (0.5, 0, 1.0),
    (0.05, 1, 0.1), (1.005, 2, 1.01), (0.4, 0, 0.0), (123.456, 15, 123.456),
  ])
  func roundsTheDecimalAValuePrintsAs(_ value: Double, _ digits: Int, _ expected: Double) {
    #expect(roundAsPrinted(value, digits: digits) == expected)
  }

  @Test func printsNumbersAsPercentG() {
    #expect(ValuePrinter.format(0.1 + 0.2) == "0.3")
    #expect(ValuePrinter.format(1.0 / 3) == "0.333333333333333")
    #expect(ValuePrinter.format(1e15) == "1e+15")
    #expect(ValuePrinter.format(-0.0) == "0")
    #expect(ValuePrinter.format(1e-7) == "1e-07")
  }
}

/// Checks `text` with `slot` bound to a number column in slot 0.
func typedExpression(_ text: String, slot: String, interpreter: Interpreter) throws
  -> TypedExpression
{
  let file = SourceFile(name: "<test>", text: "let probe(\(slot)) = \(text)\nprobe(1)\n")
  let (statements, diagnostics) = interpreter.prepare(file)
  #expect(diagnostics.isEmpty)
  _ = statements
  return interpreter.workspace.functionBodies.last { $0.name == "probe" }!.body
}

/// Evaluates `text` once over every row of a number column bound to `d`.
func evaluateOverColumn(_ text: String, column: [Double], interpreter: Interpreter) throws
  -> [Double]
{
  let typed = try typedExpression(text, slot: "d", interpreter: interpreter)
  var frame = Frame(count: column.count, slotCount: 4)
  frame.slots[0] = .numbers(column, present: nil)
  let result = try interpreter.evaluator.evaluate(typed, over: &frame)
  return result.allValues.map { if case .number(let n) = $0 { n } else { .nan } }
}

@Suite struct CancellationTests {
  @Test func stopsAComprehensionWhenCancelled() throws {
    let interpreter = Interpreter()
    interpreter.evaluator.isCancelled = { true }
    let (statements, _) = interpreter.prepare(
      SourceFile(name: "<test>", text: "sum(x in [1, 2, 3]: x * x)\n"))
    #expect {
      try interpreter.run(statements ?? []) { _ in }
    } throws: { error in
      (error as? RuntimeError)?.message == "interrupted"
    }
  }

  @Test func runsToTheEndWhenNotCancelled() throws {
    #expect(try values(of: "sum(x in [1, 2, 3]: x * x)") == ["14"])
  }
}
