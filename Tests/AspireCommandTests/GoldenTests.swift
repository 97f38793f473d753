import Foundation
import Testing

/// The golden corpus: under Tests/Golden/COMMAND/, each `NAME.aspire` (or, for
/// `eval`, `NAME.txt` fed to stdin) is run with that command, and its stdout
/// and stderr must equal `NAME.stdout` and `NAME.stderr` (an absent file means
/// empty). The exit status must be 1 when stderr is expected, else 0. Scripts
/// under `school/` run with `aspire run` against the demo school's store. Set
/// `UPDATE_GOLDEN=1` to write the expected files from the actual output.
@Suite struct GoldenTests {
  struct Case: CustomStringConvertible, Sendable {
    var command: String
    var input: URL
    var description: String { "\(command)/\(input.lastPathComponent)" }
  }

  static let folder = CommandRunner.root.appendingPathComponent("Tests/Golden")

  static var cases: [Case] {
    var cases: [Case] = []
    for command in ["eval", "check", "run", "test", "fmt", "school"] {
      let directory = folder.appendingPathComponent(command)
      let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
      for name in names.sorted()
      where name.hasSuffix(command == "eval" ? ".txt" : ".aspire") {
        cases.append(Case(command: command, input: directory.appendingPathComponent(name)))
      }
    }
    return cases
  }

  @Test(arguments: cases)
  func matchesExpectedOutput(_ golden: Case) throws {
    let relative = "Tests/Golden/\(golden.command)/\(golden.input.lastPathComponent)"
    let outcome: CommandRunner.Outcome
    if golden.command == "eval" {
      let input = try String(contentsOf: golden.input, encoding: .utf8)
      outcome = try CommandRunner.run(["eval"], input: input)
    } else if golden.command == "school" {
      let store = try #require(GoldenTests.demoStore, "the demo school could not be built")
      outcome = try CommandRunner.run(["run", "--db", store, "--session", "2026-27", relative])
    } else {
      outcome = try CommandRunner.run([golden.command, relative])
    }
    let base = golden.input.deletingPathExtension()
    let stdoutFile = base.appendingPathExtension("stdout")
    let stderrFile = base.appendingPathExtension("stderr")
    if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
      try write(outcome.standardOutput, to: stdoutFile)
      try write(outcome.standardError, to: stderrFile)
    }
    let expectedOut = (try? String(contentsOf: stdoutFile, encoding: .utf8)) ?? ""
    let expectedErr = (try? String(contentsOf: stderrFile, encoding: .utf8)) ?? ""
    #expect(
      outcome.standardOutput == expectedOut,
      "stdout differs:\n\(difference(expectedOut, outcome.standardOutput))")
    #expect(
      outcome.standardError == expectedErr,
      "stderr differs:\n\(difference(expectedErr, outcome.standardError))")
    #expect(outcome.status == (expectedErr.isEmpty ? 0 : 1))
  }

  /// The demo school's store, built once for every `school/` script.
  static let demoStore: String? = {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aspire-golden-\(getpid())")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let store = folder.appendingPathComponent("aspire.db").path
    let outcome = try? CommandRunner.run(
      ["demo", "--db", store, "--out", folder.appendingPathComponent("out").path])
    return outcome?.status == 0 ? store : nil
  }()

  func write(_ text: String, to file: URL) throws {
    if text.isEmpty {
      try? FileManager.default.removeItem(at: file)
    } else {
      try Data(text.utf8).write(to: file)
    }
  }

  /// The lines that differ, marked `-` (expected) and `+` (actual).
  func difference(_ expected: String, _ actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var lines: [String] = []
    for index in 0..<max(a.count, b.count) {
      let left = index < a.count ? String(a[index]) : nil
      let right = index < b.count ? String(b[index]) : nil
      if left == right { continue }
      if let left { lines.append("line \(index + 1) - \(left)") }
      if let right { lines.append("line \(index + 1) + \(right)") }
    }
    return lines.joined(separator: "\n")
  }
}
