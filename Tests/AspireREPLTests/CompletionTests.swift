import Testing

@testable import AspireREPL

/// What Tab offers.
@Suite struct CompletionTests {
  let completer = Completer(declaredNames: { ["limit", "lift"] }, fields: StoreTableFields())

  @Test func completesDeclaredNamesAndKeywords() {
    #expect(completer.complete(word: "li", before: "").candidates == ["lift", "limit"])
    #expect(completer.complete(word: "the", before: "if x ").candidates == ["then"])
    #expect(completer.complete(word: "the", before: "").appendsSpace)
  }

  @Test func completesBuiltInFunctions() {
    #expect(completer.complete(word: "med", before: "").candidates == ["median"])
    #expect(completer.complete(word: "rou", before: "1 + ").candidates == ["round"])
  }

  @Test func completesFieldsAfterADot() {
    #expect(
      completer.complete(word: "learners.s", before: "").candidates
        == ["learners.scn", "learners.simd_decile", "learners.stage"])
    #expect(completer.complete(word: "limit.", before: "").candidates.isEmpty)
  }

  @Test func completesTheStoresTables() {
    #expect(completer.complete(word: "enr", before: "").candidates == ["enrolments"])
  }

  @Test func completesMetaCommandsAtTheStartOfALine() {
    #expect(completer.complete(word: ".ex", before: "").candidates == [".explain"])
    #expect(completer.complete(word: ".o", before: "").candidates == [".once", ".output"])
  }

  @Test func completesTheArgumentsOfMetaCommands() {
    #expect(completer.complete(word: "le", before: ".import ").candidates == ["learners"])
    #expect(completer.complete(word: "", before: ".import learners ").completesFiles)
    #expect(completer.complete(word: "", before: ".load ").completesFiles)
    #expect(completer.complete(word: "m", before: ".mode ").candidates == ["markdown"])
    #expect(completer.complete(word: "o", before: ".timer ").candidates == ["off", "on"])
    #expect(completer.complete(word: "gr", before: ".help ").candidates == ["grades"])
    #expect(completer.complete(word: "lim", before: ".explain ").candidates == ["limit"])
  }
}

/// Whether the lines typed so far make a statement.
@Suite struct ContinuationTests {
  @Test(arguments: [
    "let f(x) =", "(1 +", "[1, 2,", "max(1,", "if ready then", "if a then 1 else",
    "let x = 1 in", "1 *", "test \"t\":", "a ??", "f(",
  ])
  func needsMoreLines(_ line: String) {
    #expect(Continuation.of([line]) == .incomplete)
  }

  @Test(arguments: ["1 + 2", "1 +* 2", "\"open", "let x = 1", "# a comment", ")"])
  func isComplete(_ line: String) {
    #expect(Continuation.of([line]) == .complete)
  }

  @Test func joinsAContinuedLine() {
    #expect(Continuation.of(["let f(x) =", "  x * 2"]) == .complete)
  }

  @Test func keepsATestOpenForMoreExpectLines() {
    #expect(Continuation.of(["test \"t\":", "  expect 1 == 1"]) == .block)
    #expect(Continuation.of(["test \"t\": 1 == 1"]) == .complete)
  }
}

/// Meta-command names and their prefixes.
@Suite struct MetaCommandNameTests {
  @Test func resolvesNamesAndUniquePrefixes() throws {
    #expect(try MetaCommand.resolve("help").get() == .help)
    #expect(try MetaCommand.resolve("h").get() == .help)
    #expect(try MetaCommand.resolve("EXP").get() == .explain)
    #expect(try MetaCommand.resolve("q").get() == .quit)
  }

  @Test func refusesAmbiguousAndUnknownNames() {
    #expect(throws: MetaCommandError.ambiguous("o", matches: [".output", ".once"])) {
      try MetaCommand.resolve("o").get()
    }
    #expect(throws: MetaCommandError.unknown("lod", suggestion: ".load")) {
      try MetaCommand.resolve("lod").get()
    }
  }

  @Test func everyMetaCommandHasHelp() {
    for command in MetaCommand.allCases {
      #expect(command.usage.hasPrefix("." + command.name))
      #expect(!command.summary.isEmpty && !command.details.isEmpty)
    }
  }
}
