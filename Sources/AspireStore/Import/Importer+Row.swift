import AspireModel
import Foundation

extension Importer {
  /// Imports one row, given as column names and values, exactly as a file of
  /// that one row would be: the same checks, history and import log. `source`
  /// names it in the log and in diagnostics (which are at line 2).
  public func run(
    kind: ImportKind, row: [(column: String, value: String)], source: String, session: Session,
    by user: String, at now: Date = Date()
  ) throws -> ImportOutcome {
    let header = row.map { Importer.quoted($0.column) }.joined(separator: ",")
    let values = row.map { Importer.quoted($0.value) }.joined(separator: ",")
    return try run(
      kind: kind, data: Array("\(header)\n\(values)\n".utf8), fileName: source,
      session: session, by: user, at: now)
  }

  /// A CSV field: quoted, with quotes doubled, when it needs to be.
  static func quoted(_ field: String) -> String {
    let special = field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
    guard special else { return field }
    return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
