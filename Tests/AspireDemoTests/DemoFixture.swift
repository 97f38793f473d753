import AspireDemo
import Foundation

/// Demos generated once and shared by the tests that read them.
enum DemoFixture {
  /// The default demo school.
  static let school = generate(DemoSchool())
  /// A small national senior phase.
  static let national = generate(DemoSchool(seed: 7, learners: 3_000))

  /// A fresh, empty folder under the system's temporary folder.
  static func temporaryFolder() -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("aspire-demo-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }

  static func generate(_ demo: DemoSchool) -> Generated {
    let folder = temporaryFolder()
    let files = try! demo.writeCSV(to: folder)
    return Generated(folder: folder, files: files)
  }
}

/// A generated demo and its files read back.
struct Generated: Sendable {
  let folder: URL
  let files: DemoFiles

  /// The file named `name` (`staff.csv`), read.
  func table(_ name: String) -> CSVTable {
    try! CSVTable(url: folder.appendingPathComponent(name))
  }
}
