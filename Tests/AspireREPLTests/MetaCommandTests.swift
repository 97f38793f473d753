import Foundation
import Testing

/// Each meta-command, through piped input.
@Suite struct MetaCommandTests {
  static let learners = """
    id,name,stage,registration
    L1,Seán Murphy,S4,4A
    L2,Sean Murphy,S5,5B
    L3,Amy Smith,S4,4C

    """

  /// Runs `lines` through `aspire repl` with a store in `folder`.
  func repl(_ lines: [String], in folder: Scratch = Scratch()) throws -> AspireProcess.Outcome {
    try AspireProcess.run(
      ["repl", "--db", folder.file("x.db"), "--session", "2026-27"],
      input: lines.joined(separator: "\n") + "\n", in: folder)
  }

  @Test func helpListsEveryMetaCommand() throws {
    let outcome = try repl([".help"])
    for name in [
      "help", "load", "import", "mode", "output", "once", "timer", "chart", "schema",
      "explain", "find", "quit",
    ] {
      #expect(outcome.standardOutput.contains("  .\(name)"), "\(name) is missing")
    }
    #expect(outcome.status == 0)
  }

  @Test func helpDescribesEachMetaCommandAndLanguageTopic() throws {
    let topics = ["import", ".mode", "functions", "grades", "dates", "missing", "keys"]
    for topic in topics {
      let outcome = try repl([".help \(topic)"])
      #expect(outcome.status == 0, "\(topic)")
      #expect(outcome.standardOutput.count > 40, "\(topic)")
    }
    #expect(try repl([".help import"]).standardOutput.hasPrefix("usage: .import KIND FILE..."))
    #expect(try repl([".help functions"]).standardOutput.contains("round(number, digits)"))
    #expect(try repl([".help nothing"]).status == 1)
  }

  @Test func acceptsAUniquePrefixAndRefusesAnAmbiguousOne() throws {
    let outcome = try repl([".mo csv", "\"a,b\"", ".o x.txt"])
    #expect(outcome.standardOutput == "\"a,b\"\n")
    #expect(
      outcome.standardError
        == "error: ambiguous meta-command \".o\"\nhelp: it begins .output and .once\n")
    #expect(outcome.status == 1)
  }

  @Test func suggestsTheMetaCommandMeant() throws {
    let outcome = try repl([".shema"])
    #expect(outcome.standardError.contains("help: did you mean .schema?"))
  }

  @Test func loadRunsAScriptIntoTheSession() throws {
    let folder = Scratch()
    folder.write("script.aspire", "let total = 5\ntotal * 2\n")
    let outcome = try repl([".load script.aspire", "total + 1"], in: folder)
    #expect(outcome.standardOutput == "10\n6\n")
    #expect(
      try repl([".load missing.aspire"], in: folder).standardError
        == "error: cannot read missing.aspire\n")
  }

  @Test func importAddsRowsAndReportsOnStandardError() throws {
    let folder = Scratch()
    folder.write("learners.csv", MetaCommandTests.learners)
    let outcome = try repl([".import learners learners.csv"], in: folder)
    #expect(outcome.standardError == "learners.csv: 3 rows, 3 added, 0 changed, 0 unchanged\n")
    #expect(outcome.status == 0)
    let bad = try repl([".import pupils learners.csv"], in: folder)
    #expect(bad.standardError.hasPrefix("error: unknown import kind \"pupils\""))
    #expect(bad.status == 1)
  }

  @Test func importReportsEveryBadRowAndImportsNothing() throws {
    let folder = Scratch()
    folder.write("learners.csv", "id,name,stage\nL1,Amy Smith,S9\n")
    let outcome = try repl([".import learners learners.csv"], in: folder)
    #expect(outcome.standardError.contains("learners.csv:2: error: stage \"S9\""))
    #expect(outcome.standardError.contains("learners.csv: nothing imported"))
    #expect(outcome.status == 1)
  }

  @Test func importRaisesTargetsAndTakesAnEncodingAndADryRun() throws {
    let folder = Scratch()
    folder.write("learners.csv", MetaCommandTests.learners)
    folder.write("subjects.csv", "subject,faculty\nMaths,Mathematics\n")
    folder.write("staff.csv", "id,name,email,roles\nT1,Ann Teacher,ann@school.org,teacher\n")
    folder.write(
      "enrolments.csv",
      "learner_id,subject,level,class,teacher_id,predicted\nL1,Maths,N5,4M,T1,C\n")
    folder.write("raises.csv", "learner_id,subject,target,reason\nL1,Maths,A,strong prelim\n")
    // "Mathématiques" as Excel's "CSV (Comma delimited)" writes it.
    let legacy = Array("subject,faculty\nStatistics,Math".utf8) + [0xE9] + Array("matiques\n".utf8)
    FileManager.default.createFile(atPath: folder.file("legacy.csv"), contents: Data(legacy))

    let outcome = try repl(
      [
        ".import subjects subjects.csv", ".import staff staff.csv",
        ".import learners learners.csv", ".import enrolments enrolments.csv",
        "formula one_up(e) = e.predicted + 1", "set targets for enrolments using one_up",
        ".import raises raises.csv --dry-run", ".import raises raises.csv",
        "enrolments | show learner.id, target",
        ".import subjects legacy.csv --encoding windows-1252",
        "subjects where subject == \"Statistics\" | show faculty",
      ], in: folder)

    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(outcome.standardError.contains("raises.csv: 1 rows, would be 1 raised, 0 unchanged\n"))
    #expect(outcome.standardError.contains("raises.csv: 1 rows, 1 raised, 0 unchanged\n"))
    #expect(outcome.standardOutput.contains("L1  A"))
    #expect(outcome.standardOutput.contains("Mathématiques"))
  }

  @Test func findTellsLearnersOfOneNameApart() throws {
    let folder = Scratch()
    folder.write("learners.csv", MetaCommandTests.learners)
    let outcome = try repl([".import learners learners.csv", ".find SEAN"], in: folder)
    #expect(
      outcome.standardOutput == """
        id  name         stage  registration
        --  -----------  -----  ------------
        L2  Sean Murphy  S5     5B
        L1  Seán Murphy  S4     4A
        2 rows

        """)
  }

  @Test func findIgnoresAccentsInWhatIsTyped() throws {
    let folder = Scratch()
    folder.write("learners.csv", MetaCommandTests.learners)
    let outcome = try repl(
      [".import learners learners.csv", ".mode csv", ".find séan"], in: folder)
    #expect(
      outcome.standardOutput
        == "id,name,stage,registration\nL2,Sean Murphy,S5,5B\nL1,Seán Murphy,S4,4A\n")
  }

  @Test func findWithoutAStoreSaysSo() throws {
    let outcome = try repl([".find amy"])
    #expect(outcome.standardError.hasPrefix("error: no store at "))
    #expect(outcome.status == 1)
  }

  @Test func modeChangesHowResultsPrint() throws {
    let folder = Scratch()
    folder.write("learners.csv", MetaCommandTests.learners)
    let outcome = try repl(
      [
        ".import learners learners.csv", ".mode json", ".find amy", ".mode tsv", ".find amy",
        ".mode markdown", ".find amy", ".mode", ".mode fancy",
      ],
      in: folder)
    #expect(
      outcome.standardOutput == """
        [{"id":"L3","name":"Amy Smith","stage":"S4","registration":"4C"}]
        id\tname\tstage\tregistration
        L3\tAmy Smith\tS4\t4C
        | id  | name      | stage | registration |
        | --- | --------- | ----- | ------------ |
        | L3  | Amy Smith | S4    | 4C           |
        markdown

        """)
    #expect(outcome.standardError.contains("error: unknown mode \"fancy\""))
  }

  @Test func boxModeDrawsTheTable() throws {
    let folder = Scratch()
    folder.write("learners.csv", MetaCommandTests.learners)
    let outcome = try repl([".import learners learners.csv", ".mode box", ".find amy"], in: folder)
    #expect(
      outcome.standardOutput == """
        ┌────┬───────────┬───────┬──────────────┐
        │ id │ name      │ stage │ registration │
        ├────┼───────────┼───────┼──────────────┤
        │ L3 │ Amy Smith │ S4    │ 4C           │
        └────┴───────────┴───────┴──────────────┘
        1 row

        """)
  }

  @Test func outputSendsResultsToAFileUntilOutputAlone() throws {
    let folder = Scratch()
    let outcome = try repl([".output results.txt", "1", "2", ".output", "3"], in: folder)
    #expect(outcome.standardOutput == "3\n")
    #expect(folder.read("results.txt") == "1\n2\n")
    let mode =
      try FileManager.default.attributesOfItem(atPath: folder.file("results.txt"))[
        .posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func onceSendsOnlyTheNextResultToAFile() throws {
    let folder = Scratch()
    let outcome = try repl([".once next.txt", "let x = 1", "41 + x", "43"], in: folder)
    #expect(outcome.standardOutput == "43\n")
    #expect(folder.read("next.txt") == "42\n")
  }

  @Test func timerPrintsTheTimeOfEachStatementOnStandardError() throws {
    let outcome = try repl([".timer on", "1 + 1", ".timer off", "2 + 2"])
    #expect(outcome.standardOutput == "2\n4\n")
    let lines = outcome.standardError.split(separator: "\n")
    #expect(lines.count == 1)
    #expect(lines.first?.hasPrefix("time: ") == true)
    #expect(try repl([".timer maybe"]).status == 1)
  }

  @Test func chartDrawsABarUnderEachRowOfAGroupedResult() throws {
    let folder = Scratch()
    let subjects = folder.write(
      "subjects.csv", "subject,faculty\nMaths,Mathematics\nPhysics,Sciences\nBiology,Sciences\n")
    let query = "subjects | group by faculty | show faculty, count() as subjects"
    let outcome = try repl([".import subjects \(subjects)", ".chart on", query], in: folder)
    // Off a terminal the chart is 80 columns: the longest bar takes what the
    // label and the number leave, and the others are in proportion.
    #expect(
      outcome.standardOutput.contains("Mathematics │" + String(repeating: "█", count: 32) + " 1\n"))
    #expect(
      outcome.standardOutput.contains("Sciences    │" + String(repeating: "█", count: 64) + " 2\n"))
    let plain = try repl([".import subjects \(subjects)", query], in: folder)
    #expect(!plain.standardOutput.contains("│"))
    #expect(try repl([".chart sometimes"]).status == 1)
  }

  @Test func schemaListsTheStoresTablesAndTheDeclarations() throws {
    let folder = Scratch()
    folder.write("learners.csv", MetaCommandTests.learners)
    let outcome = try repl(
      [".import learners learners.csv", "let limit = 3", "let f(x) =", "  x * limit", ".schema"],
      in: folder)
    #expect(outcome.standardOutput.contains("  learner_stages(learner_id, session, stage)\n"))
    #expect(outcome.standardOutput.contains("  learners(id, name, registration, gender,"))
    #expect(
      outcome.standardOutput.hasSuffix(
        "declarations:\n  let limit = 3\n  let f(x) =\n    x * limit\n"))
    let table = try repl([".schema subjects"], in: folder)
    #expect(table.standardOutput.hasPrefix("CREATE TABLE subjects ("))
  }

  @Test func explainShowsTheTypeAndThePlanWithoutRunning() throws {
    let outcome = try repl(["let limit = 3", "let f(x) = x * limit", ".explain f(2) + 1"])
    #expect(
      outcome.standardOutput == """
        type: number
        plan: one value
          add: number
            call f, its body compiled once for these argument types: number
              constant 2: number
            constant 1: number

        """)
    let error = try repl([".explain 1 / \"a\""])
    #expect(error.status == 1)
    #expect(error.standardOutput.isEmpty)
  }

  @Test func explainDeclaresNothing() throws {
    let outcome = try repl([".explain let fresh = 1", "fresh"])
    #expect(outcome.standardOutput.hasPrefix("type: number\n"))
    #expect(outcome.standardError.contains("unknown name \"fresh\""))
  }

  @Test func quitStopsReading() throws {
    let outcome = try repl(["1", ".quit", "2"])
    #expect(outcome.standardOutput == "1\n")
    #expect(outcome.status == 0)
  }
}
