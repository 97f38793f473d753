import AspireModel
import Foundation

@testable import AspireStore

/// A fresh directory for one test, removed when the test lets go of it.
final class Scratch {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "aspire-store-tests-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit {
    try? FileManager.default.removeItem(atPath: path)
  }

  /// The path of `name` inside the directory.
  func file(_ name: String) -> String { path + "/" + name }

  /// Writes `text` to `name` and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    let path = file(name)
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
  }

  /// A new store in the directory.
  func store(_ name: String = "aspire.db") throws -> Store {
    try Store(path: file(name))
  }
}

/// The session the tests import into.
let testSession = Session(parsing: "2026-27")!

/// A fixed instant for history and import_log rows.
let testInstant = Date(timeIntervalSince1970: 1_787_560_000)

/// Imports CSV text as if it came from `file`, by `tester`.
@discardableResult
func load(
  _ kind: ImportKind, _ text: String, into store: Store, file: String? = nil,
  dryRun: Bool = false, session: Session = testSession
) throws -> ImportOutcome {
  try Importer(store: store).run(
    kind: kind, data: Array(text.utf8), fileName: file ?? "\(kind.rawValue).csv",
    session: session, dryRun: dryRun, by: "tester", at: testInstant)
}

/// The printed diagnostics of an outcome.
func lines(_ outcome: ImportOutcome) -> [String] {
  outcome.diagnostics.map(\.description)
}

/// A store with staff, subjects and three learners, ready for course imports.
func schoolStore(in scratch: Scratch) throws -> Store {
  let store = try scratch.store()
  try load(
    .staff,
    """
    id,name,email,roles
    T1,Ann Teacher,ann@school.org,teacher;mentor
    T2,Bob Head,bob@school.org,faculty_head
    """, into: store)
  try load(
    .subjects,
    """
    subject,faculty
    Maths,Mathematics
    English,Languages
    """, into: store)
  try load(
    .learners,
    """
    id,name,stage
    L1,Amy Adams,S4
    L2,Ben Brown,S5
    L3,Cal Craig,S6
    """, into: store)
  return store
}

extension Store {
  /// One column of a query's rows, as text.
  func texts(_ sql: String, _ values: [SQLValue] = []) throws -> [String] {
    try database.query(sql, values).map { $0[0].description }
  }

  /// The number of rows in `table`.
  func count(_ table: String) throws -> Int {
    Int(try database.scalar("SELECT count(*) FROM \(table)").integer ?? -1)
  }

  /// Every row of every table, for proving nothing changed.
  func snapshot() throws -> [String: [[SQLValue]]] {
    var tables: [String: [[SQLValue]]] = [:]
    for name in Store.tableNames {
      tables[name] = try database.query("SELECT * FROM \(name) ORDER BY rowid")
    }
    return tables
  }
}
