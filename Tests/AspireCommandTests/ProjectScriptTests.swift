import Foundation
import Testing

/// The scripts that travel with the project, as `scripts/demo` runs them: each
/// must check clean, and the examples' tests must pass without a store.
@Suite struct ProjectScriptTests {
  /// The `.aspire` files of a folder under `scripts/`, as paths from the root.
  static func scripts(in folder: String) -> [String] {
    let directory = CommandRunner.root.appendingPathComponent("scripts/\(folder)")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".aspire") }.sorted().map { "scripts/\(folder)/\($0)" }
  }

  /// The demo school's scripts are one program, as the demo runs them; the
  /// examples stand alone.
  @Test(arguments: ["examples", "school"])
  func theScriptsOfAFolderCheckClean(_ folder: String) throws {
    let scripts = ProjectScriptTests.scripts(in: folder)
    #expect(!scripts.isEmpty)
    let outcome = try CommandRunner.run(["check"] + scripts)
    #expect(outcome.standardError == "")
    #expect(outcome.status == 0)
  }

  @Test(arguments: ProjectScriptTests.scripts(in: "examples"))
  func anExampleRunsAndItsTestsPass(_ script: String) throws {
    let run = try CommandRunner.run(["run", script])
    #expect(run.standardError == "")
    #expect(run.status == 0)
    let test = try CommandRunner.run(["test", script])
    #expect(test.standardOutput.hasSuffix(" 0 failed\n"))
    #expect(test.status == 0)
  }
}
