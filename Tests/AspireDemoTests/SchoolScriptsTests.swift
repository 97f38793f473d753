import AspireDemo
import Foundation
import Testing

/// The scripts inside the binary are the ones in scripts/school: a change to
/// either without `scripts/embed-school-scripts` fails here.
@Suite struct SchoolScriptsTests {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scripts/school")

  @Test func embedsEveryScriptOfTheSchoolFolder() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
      .filter { $0.hasSuffix(".aspire") }.sorted()
    #expect(SchoolScripts.all.map(\.name) == names)
  }

  @Test func embedsEachScriptAsItStands() throws {
    for script in SchoolScripts.all {
      let text = try String(
        contentsOf: Self.folder.appendingPathComponent(script.name), encoding: .utf8)
      #expect(
        script.text + "\n" == text, "\(script.name) differs: run scripts/embed-school-scripts")
    }
  }
}
