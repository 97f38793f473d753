import Foundation
import Testing

/// The REPL in a real terminal under tmux: what a person at the keyboard sees.
@Suite(.serialized) struct TerminalTests {
  @Test func declarationIsUsedOnTheNextLine() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    try session.type("let limit = 3")
    try session.type("limit * 7")
    try session.waitForExactLine("21")
  }

  @Test func statementContinuesUnderTheContinuationPrompt() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    try session.type("let limit = 3")
    try session.type("let f(x) =")
    try session.waitForExactLine("   ...>")
    try session.type("  x * limit")
    try session.type("f(5)")
    let screen = try session.waitForExactLine("15")
    #expect(screen.contains("   ...>   x * limit"))
  }

  @Test func upArrowRecallsALineFromAnEarlierRun() throws {
    let folder = Scratch()
    let first = try TmuxSession(in: folder)
    defer { first.kill() }
    try first.type("let remembered = 42")
    try first.waitForPrompts(2)
    try first.send("C-d")
    #expect(try first.waitForExit() == 0)

    let second = try TmuxSession(in: folder)
    defer { second.kill() }
    try second.send("Up")
    try second.waitForExactLine("aspire> let remembered = 42")
    try second.type("")
    try second.type("remembered + 1")
    try second.waitForExactLine("43")
  }

  @Test func tabCompletesADeclaredName() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    try session.type("let limit = 3")
    try session.send("lim", "Tab")
    try session.waitForExactLine("aspire> limit")
    try session.send("Enter")
    try session.waitForExactLine("3")
  }

  @Test func cohortIsCompletedByTabAndQueriedOnTheNextLine() throws {
    let folder = Scratch()
    folder.write("learners.csv", MetaCommandTests.learners)
    let imported = try AspireProcess.run(
      ["import", "learners", "learners.csv", "--db", folder.file("x.db"), "--session", "2026-27"],
      input: "", in: folder)
    #expect(imported.status == 0)
    let session = try TmuxSession(
      in: folder, arguments: ["repl", "--db", folder.file("x.db"), "--session", "2026-27"])
    defer { session.kill() }
    try session.type("cohort fourth_years = learners where stage == S4")
    try session.send("four", "Tab")
    try session.waitForExactLine("aspire> fourth_years")
    try session.type(" | sort name | show name, registration")
    let screen = try session.waitForExactLine("2 rows")
    #expect(screen.contains { $0.hasPrefix("Amy Smith") && $0.hasSuffix("4C") })
    #expect(screen.contains { $0.hasPrefix("Seán Murphy") && $0.hasSuffix("4A") })
    #expect(!screen.contains { $0.hasPrefix("Sean Murphy") })
  }

  @Test func tabCompletesAFieldAfterADot() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    try session.send("learners.regi", "Tab")
    try session.waitForExactLine("aspire> learners.registration")
  }

  @Test func errorShowsItsDiagnosticAndTheNextStatementStillRuns() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    try session.type("1 +* 2")
    try session.waitFor("<repl>:1:4: error: expected an expression, found \"*\"")
    try session.waitForExactLine("   ^")
    try session.type("2 * 4")
    try session.waitForExactLine("8")
  }

  @Test func modeCsvQuotesText() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    try session.type(".mode csv")
    try session.type("\"a,b\"")
    try session.waitForExactLine("\"a,b\"")
  }

  @Test func controlCAbandonsTheLineBeingTyped() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    try session.send("abandoned")
    try session.waitFor("aspire> abandoned")
    try session.send("C-c")
    try session.waitForPrompts(2)
    try session.type("1 + 1")
    let screen = try session.waitForExactLine("2")
    #expect(!screen.contains { $0.contains("error") })
  }

  @Test func controlCAbandonsAContinuedStatement() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    try session.type("let unfinished =")
    try session.waitForExactLine("   ...>")
    try session.send("C-c")
    try session.waitForPrompts(2)
    try session.type("5 + 5")
    let screen = try session.waitForExactLine("10")
    #expect(!screen.contains { $0.contains("error") })
  }

  @Test func aspireAloneOnATerminalStartsTheREPL() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder, arguments: [])
    defer { session.kill() }
    try session.type("6 * 7")
    try session.waitForExactLine("42")
    #expect(folder.read("aspire.db") == nil)
  }

  @Test func controlDLeaves() throws {
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    // The prompt can show a moment before line editing takes the terminal;
    // an empty line proves it is reading keys before Ctrl-D is pressed.
    try session.type("")
    try session.waitForPrompts(2)
    try session.send("C-d")
    #expect(try session.waitForExit() == 0)
  }

  @Test func typedInputGivesTheValuesThePipedInputGives() throws {
    let lines = [
      "let limit = 3", "let f(x) =", "  x * limit", "f(2)", "\"text\" + \"s\"", "[1, 2.5]",
      "if limit > 2 then B + 1 else C", "2026-08-24 + 7",
    ]
    let folder = Scratch()
    let session = try TmuxSession(in: folder)
    defer { session.kill() }
    for line in lines { try session.type(line) }
    let screen = try session.waitForExactLine("2026-08-31")
    let typed = screen.filter {
      !$0.isEmpty && !$0.hasPrefix("aspire") && !$0.hasPrefix("   ...>")
    }

    let piped = try AspireProcess.run(
      ["repl"], input: lines.joined(separator: "\n") + "\n", in: Scratch())
    #expect(piped.status == 0)
    #expect(typed == piped.standardOutput.split(separator: "\n").map(String.init))
    #expect(typed == ["6", "texts", "[1, 2.5]", "A", "2026-08-31"])
  }
}
