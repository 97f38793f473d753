import Foundation
import Testing

@Suite struct EvalContractTests {
  @Test func joinsArgumentsIntoOneExpression() throws {
    let outcome = try CommandRunner.run(["eval", "-2", "*", "-3"])
    #expect(outcome.standardOutput == "6\n")
    #expect(outcome.status == 0)
  }

  @Test func dropsALeadingDoubleDash() throws {
    #expect(try CommandRunner.run(["eval", "--", "-1", "+", "2"]).standardOutput == "1\n")
  }

  @Test func printsAnErrorAsADiagnosticOnStandardError() throws {
    let outcome = try CommandRunner.run(["eval", "1 / 0"])
    #expect(outcome.status == 1)
    #expect(outcome.standardOutput.isEmpty)
    #expect(outcome.standardError == "<expr>:1:1: error: division by zero\n1 / 0\n^^^^^\n")
  }

  @Test func printsOneLinePerInputLineInBatchMode() throws {
    let input = "1 + 1\r\n\n# note\n\"a\\nb\"\n1 +\n2 * 3"
    let outcome = try CommandRunner.run(["eval"], input: input)
    #expect(
      outcome.standardOutput
        == "2\n\n\na\\nb\nerror: expected an expression, found end of input\n6\n")
    #expect(outcome.status == 1)
  }

  @Test func exitsZeroWhenEveryBatchLineSucceeds() throws {
    #expect(try CommandRunner.run(["eval"], input: "1\n2\n").status == 0)
  }
}

@Suite struct RobustnessTests {
  func temporaryFile(_ bytes: [UInt8]) throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("aspire-\(UUID().uuidString).aspire")
    try Data(bytes).write(to: url)
    return url
  }

  func checkRefuses(_ bytes: [UInt8], saying message: String) throws {
    let file = try temporaryFile(bytes)
    defer { try? FileManager.default.removeItem(at: file) }
    let started = Date()
    let outcome = try CommandRunner.run(["check", file.path])
    #expect(outcome.status == 1)
    #expect(outcome.standardError.contains(message), "\(outcome.standardError.prefix(300))")
    #expect(Date().timeIntervalSince(started) < 5)
  }

  @Test func refusesMalformedUTF8() throws {
    try checkRefuses(Array("let a = 1\nlet b = \"".utf8) + [0xC3, 0x28], saying: "not valid UTF-8")
  }

  @Test func refusesAnUnterminatedString() throws {
    try checkRefuses(Array("let a = \"abc\n".utf8), saying: ":1:9: error: unterminated string")
  }

  @Test func refusesAMegabyteOfOpeningParentheses() throws {
    try checkRefuses(Array(repeating: UInt8(ascii: "("), count: 1 << 20), saying: "too deeply")
  }

  @Test func refusesABinaryFile() throws {
    var generator = SystemRandomNumberGenerator()
    let bytes = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
    try checkRefuses(bytes, saying: "error:")
  }

  @Test func acceptsAnEmptyFileSilently() throws {
    let file = try temporaryFile([])
    defer { try? FileManager.default.removeItem(at: file) }
    let outcome = try CommandRunner.run(["check", file.path])
    #expect(outcome.status == 0)
    #expect(outcome.standardOutput.isEmpty && outcome.standardError.isEmpty)
  }
}

@Suite struct CommandLineTests {
  @Test func printsTheVersion() throws {
    #expect(try CommandRunner.run(["--version"]).standardOutput.hasPrefix("aspire "))
  }

  @Test func refusesAnUnknownCommandWithStatusTwo() throws {
    let outcome = try CommandRunner.run(["chek", "x.aspire"])
    #expect(outcome.status == 2)
    #expect(outcome.standardError.contains("did you mean \"aspire check\"?"))
  }

  @Test func refusesAnUnknownOptionWithStatusTwo() throws {
    #expect(try CommandRunner.run(["run", "--fromat", "json", "x.aspire"]).status == 2)
  }

  @Test func refusesAFileThatCannotBeReadWithStatusTwo() throws {
    let outcome = try CommandRunner.run(["run", "no/such/script.aspire"])
    #expect(outcome.status == 2)
    #expect(outcome.standardError.contains("no such file"))
  }

  @Test func describesEveryCommand() throws {
    for command in ["eval", "check", "run", "test", "fmt", "help"] {
      let outcome = try CommandRunner.run(["help", command])
      #expect(outcome.status == 0 && outcome.standardOutput.contains("usage: aspire \(command)"))
    }
  }

  @Test func runsPipedStatementsWithoutAPrompt() throws {
    let outcome = try CommandRunner.run([], input: "let x = 4\nx * 2\n")
    #expect(outcome.standardOutput == "8\n")
  }

  @Test func printsBareValuesAsJSON() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("json.aspire")
    try Data("[1, missing, 2.5]\n\"a\\\"b\"\n2026-08-24\n".utf8).write(to: file)
    let outcome = try CommandRunner.run(["run", "--format", "json", file.path])
    #expect(outcome.standardOutput == "[1,null,2.5]\n\"a\\\"b\"\n\"2026-08-24\"\n")
  }

  @Test func rewritesAScriptInPlaceWithWrite() throws {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("fmt.aspire")
    try Data("let  x=1+2\n".utf8).write(to: file)
    #expect(try CommandRunner.run(["fmt", "--write", file.path]).status == 0)
    #expect(try String(contentsOf: file, encoding: .utf8) == "let x = 1 + 2\n")
  }
}
