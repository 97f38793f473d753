import AspireStore
import Foundation

/// A scratch working folder for one end-to-end test of the data commands:
/// files are written into it, `aspire` runs inside it, and it is removed when
/// the test lets go of it.
final class DataFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("aspire-data-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(at: url)
  }

  /// The absolute path of `name` inside the folder.
  func path(_ name: String) -> String {
    url.appendingPathComponent(name).path
  }

  /// Writes `bytes` to `name` (creating its folders) and returns `name`.
  @discardableResult
  func write(_ name: String, bytes: [UInt8]) throws -> String {
    let file = url.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: file)
    return name
  }

  /// Writes `text` as UTF-8 to `name` and returns `name`.
  @discardableResult
  func write(_ name: String, _ text: String) throws -> String {
    try write(name, bytes: Array(text.utf8))
  }

  /// Writes every file of `school` and returns their names in import order.
  @discardableResult
  func write(_ school: [SchoolFile]) throws -> [SchoolFile] {
    for file in school { try write(file.name, file.text) }
    return school
  }

  /// Runs `aspire` with the folder as its working directory.
  func aspire(_ arguments: String...) throws -> CommandRunner.Outcome {
    try CommandRunner.run(arguments, in: url)
  }

  /// Imports each file of `school` in order into `database`, as a user would.
  @discardableResult
  func importAll(_ school: [SchoolFile], into database: String) throws -> [CommandRunner.Outcome] {
    try school.map { file in
      try aspire("import", file.kind, file.name, "--db", database, "--session", "2026-27")
    }
  }

  /// Whether `name` exists in the folder.
  func exists(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: path(name))
  }

  /// The permission bits of `name`.
  func permissions(_ name: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path(name))
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
  }

  /// Opens the store `name` through the store library, as a second connection.
  func store(_ name: String) throws -> Store {
    try Store(path: path(name))
  }
}

extension Store {
  /// Every row of every school table, for proving that nothing changed.
  func snapshot(excluding skipped: Set<String> = []) throws -> [String: [[SQLValue]]] {
    var tables: [String: [[SQLValue]]] = [:]
    for name in Store.tableNames where !skipped.contains(name) {
      // Table names come from the store's own list, never from input.
      tables[name] = try database.query("SELECT * FROM \(name) ORDER BY rowid")
    }
    return tables
  }

  /// How many rows each table holds, by name.
  func counts() throws -> [String: Int] {
    Dictionary(uniqueKeysWithValues: try rowCounts().map { ($0.table, $0.rows) })
  }
}
