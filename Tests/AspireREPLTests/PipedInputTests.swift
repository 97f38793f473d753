import Foundation
import Testing

/// `aspire repl < FILE` and `aspire < FILE`: the statements read one by one,
/// as typed, with no prompt; the exit status says whether any failed.
@Suite struct PipedInputTests {
  @Test func printsValuesWithoutAPrompt() throws {
    let outcome = try AspireProcess.run(["repl"], input: "let x = 4\nx * 2\n", in: Scratch())
    #expect(outcome.standardOutput == "8\n")
    #expect(outcome.standardError.isEmpty)
    #expect(outcome.status == 0)
  }

  @Test func aspireAloneReadsPipedInputAsTheREPLDoes() throws {
    let input = "let f(x) =\n  x + 1\nf(1)\n"
    let folder = Scratch()
    let alone = try AspireProcess.run([], input: input, in: folder)
    let repl = try AspireProcess.run(["repl"], input: input, in: folder)
    #expect(alone.standardOutput == "2\n")
    #expect(alone.standardOutput == repl.standardOutput)
  }

  @Test func carriesOnAfterAnErrorAndExitsOne() throws {
    let outcome = try AspireProcess.run(["repl"], input: "1 +* 2\n3 * 3\n", in: Scratch())
    #expect(outcome.standardOutput == "9\n")
    #expect(
      outcome.standardError
        == "<stdin>:1:4: error: expected an expression, found \"*\"\n1 +* 2\n   ^\n")
    #expect(outcome.status == 1)
  }

  @Test func continuesAStatementWhoseLineEndsInAnOperator() throws {
    let input = "let total = 1 +\n2\n[total,\n  total * 2]\n"
    let outcome = try AspireProcess.run(["repl"], input: input, in: Scratch())
    #expect(outcome.standardOutput == "[3, 6]\n")
    #expect(outcome.status == 0)
  }

  @Test func reportsAnErrorOnTheLineOfTheInputWhereItIs() throws {
    let input = "let a = 1\n\nlet b =\n  a + nope\n"
    let outcome = try AspireProcess.run(["repl"], input: input, in: Scratch())
    #expect(outcome.standardError.hasPrefix("<stdin>:4:7: error: unknown name \"nope\""))
  }

  @Test func readsATestWithExpectLinesUntilALineIsNotIndented() throws {
    let input = "test \"steps\":\n  expect B + 1 == A\n  expect A - C == 3\n1 + 1\n"
    let outcome = try AspireProcess.run(["repl"], input: input, in: Scratch())
    #expect(outcome.standardOutput == "fail  steps\n2\n")
    #expect(outcome.standardError.contains("help: the left side is 2, the right side 3"))
    #expect(outcome.status == 1)
  }

  @Test func endsATestBlockAtAnEmptyLine() throws {
    let input = "test \"steps\":\n  expect B + 1 == A\n\n  7\n"
    let outcome = try AspireProcess.run(["repl"], input: input, in: Scratch())
    #expect(outcome.standardOutput == "pass  steps\n7\n")
    #expect(outcome.status == 0)
  }

  @Test func reportsAStatementLeftOpenAtTheEnd() throws {
    let outcome = try AspireProcess.run(["repl"], input: "let x = (1 +\n", in: Scratch())
    #expect(outcome.standardError.contains("error: expected an expression, found end of input"))
    #expect(outcome.status == 1)
  }

  @Test func declarationsCanBeMadeAgain() throws {
    let input = "let limit = 3\nlet limit = 5\nlimit\n"
    let outcome = try AspireProcess.run(["repl"], input: input, in: Scratch())
    #expect(outcome.standardOutput == "5\n")
    #expect(outcome.status == 0)
  }

  @Test func reportsUsesOfAValueWhoseDeclarationFailed() throws {
    let input = "let y = nope\ny + 1\nlet y = 2\ny + 1\n"
    let outcome = try AspireProcess.run(["repl"], input: input, in: Scratch())
    #expect(outcome.standardOutput == "3\n")
    #expect(
      outcome.standardError.contains(
        "<stdin>:2:1: error: \"y\" has no value: its declaration had an error\n"))
    #expect(outcome.status == 1)
  }

  @Test func formatOptionChoosesTheMode() throws {
    let input = "[1, missing]\n\"a\"\n"
    let outcome = try AspireProcess.run(["repl", "--format", "json"], input: input, in: Scratch())
    #expect(outcome.standardOutput == "[1,null]\n\"a\"\n")
  }

  @Test func refusesArguments() throws {
    let outcome = try AspireProcess.run(["repl", "script.aspire"], input: "", in: Scratch())
    #expect(outcome.status == 2)
    #expect(outcome.standardError.hasPrefix("error: \"aspire repl\" takes no arguments"))
  }

  @Test func keepsNoHistoryForPipedInput() throws {
    let folder = Scratch()
    _ = try AspireProcess.run(["repl"], input: "1 + 1\n", in: folder)
    #expect(folder.read(".aspire_history") == nil)
  }
}
