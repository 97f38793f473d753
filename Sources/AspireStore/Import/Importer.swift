import AspireModel
import Foundation

/// Imports data files into the store, each file all or nothing: every row is
/// checked first, and a file with any bad row writes nothing at all.
public struct Importer {
  /// The most problems reported for one file.
  public static let diagnosticLimit = 50

  public let store: Store

  /// An importer writing into `store`.
  public init(store: Store) {
    self.store = store
  }

  /// Imports the CSV file at `path` (reported as given in diagnostics).
  /// Throws `ImportError` when the file cannot be read and `DatabaseError` when
  /// the store fails; bad data comes back as the outcome's diagnostics.
  public func run(
    kind: ImportKind, file path: String, session: Session, dryRun: Bool = false,
    encoding: TextEncoding = .utf8, by user: String, at now: Date = Date()
  ) throws -> ImportOutcome {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError.cannotRead(path: path)
    }
    return try run(
      kind: kind, data: [UInt8](data), fileName: path, session: session, dryRun: dryRun,
      encoding: encoding, by: user, at: now)
  }

  /// Imports CSV bytes that came from `fileName`.
  public func run(
    kind: ImportKind, data: [UInt8], fileName: String, session: Session, dryRun: Bool = false,
    encoding: TextEncoding = .utf8, by user: String, at now: Date = Date()
  ) throws -> ImportOutcome {
    var outcome = ImportOutcome(file: fileName, kind: kind, dryRun: dryRun)
    let document: CSVDocument
    do {
      document = try CSVReader.parse(data, encoding: encoding)
    } catch {
      outcome.diagnostics = [
        ImportDiagnostic(file: fileName, line: error.line, message: error.message)
      ]
      return outcome
    }
    let columns: ColumnMap
    switch ColumnMap.match(document.header, kind: kind) {
    case .success(let map): columns = map
    case .failure(let problems):
      outcome.diagnostics = problems.messages.map {
        ImportDiagnostic(file: fileName, line: 1, message: $0)
      }
      return outcome
    }

    let database = store.database
    let converter = try kind.converter(database: database, session: session)
    var reader = RowReader(document: document, columns: columns)
    outcome.rows = check(document, with: converter, kind: kind, reader: &reader, into: &outcome)
    guard outcome.succeeded else { return outcome }

    let write = {
      let merger = try Merger(
        database: database, tables: converter.tables, dryRun: dryRun, at: now, by: user)
      if !dryRun {
        merger.importID = try logImport(
          kind: kind, data: data, outcome: outcome, session: session, at: now, by: user)
      }
      for record in 0..<document.recordCount where !document.isBlank(record: record) {
        reader.start(record)
        switch try merger.apply(converter.convert(&reader)) {
        case .added: outcome.added += 1
        case .changed: outcome.changed += 1
        case .unchanged: outcome.unchanged += 1
        }
      }
      if let id = merger.importID {
        try database.run(
          "UPDATE import_log SET added = ?, changed = ? WHERE id = ?",
          [.integer(Int64(outcome.added)), .integer(Int64(outcome.changed)), .integer(id)])
        outcome.importID = id
      }
    }
    if dryRun { try write() } else { try database.inTransaction(write) }
    return outcome
  }

  /// Checks every row, adding a diagnostic for each problem (up to the limit)
  /// and for each repeated key. Returns how many data rows there are.
  private func check(
    _ document: CSVDocument, with converter: any RowConverter, kind: ImportKind,
    reader: inout RowReader, into outcome: inout ImportOutcome
  ) -> Int {
    var firstLines: [String: Int] = [:]
    var rows = 0
    let width = reader.columns.width
    for record in 0..<document.recordCount where !document.isBlank(record: record) {
      rows += 1
      reader.start(record)
      let line = document.line(ofRecord: record)
      let count = document.fieldCount(ofRecord: record)
      let extraIsEmpty = (width..<max(width, count)).allSatisfy {
        document.field($0, ofRecord: record).trimmingSpaces().isEmpty
      }
      if count < width || !extraIsEmpty {
        reader.problem("row has \(count) values; expected \(width), one per column")
      }
      // A row whose key can be read takes part in the duplicate check even
      // when another of its cells is wrong: both problems are the file's.
      let writes = converter.convert(&reader)
      if let first = writes.first {
        let key = converter.tables[first.table].matchKey(first.key)
        if let firstLine = firstLines[key] {
          reader.problem("duplicate \(describeKey(kind, reader)); first on line \(firstLine)")
        } else {
          firstLines[key] = line
        }
      }
      for message in reader.problems where outcome.diagnostics.count < Importer.diagnosticLimit {
        outcome.diagnostics.append(
          ImportDiagnostic(file: outcome.file, line: line, message: message))
      }
    }
    return rows
  }

  /// The row's key as the file wrote it: `learner_id "L1", subject "Maths"`.
  private func describeKey(_ kind: ImportKind, _ reader: RowReader) -> String {
    kind.keyColumns.map { "\($0) \"\(reader.text($0) ?? "")\"" }.joined(separator: ", ")
  }

  /// Writes the import_log row and returns its id.
  private func logImport(
    kind: ImportKind, data: [UInt8], outcome: ImportOutcome, session: Session, at now: Date,
    by user: String
  ) throws -> Int64 {
    let database = store.database
    if kind.isPerSession {
      try database.run(
        "INSERT OR IGNORE INTO sessions (name, first_day, last_day) VALUES (?, ?, ?)",
        [
          .text(session.description), .text(session.firstDay.description),
          .text(session.lastDay.description),
        ])
    }
    try database.run(
      """
      INSERT INTO import_log (file_name, sha256, kind, rows, added, changed, imported_at,
        imported_by, session) VALUES (?, ?, ?, ?, 0, 0, ?, ?, ?)
      """,
      [
        .text(outcome.file), .text(SHA256.hexDigest(of: data)), .text(kind.rawValue),
        .integer(Int64(outcome.rows)), .text(Timestamp.iso8601(now)), .text(user),
        kind.isPerSession ? .text(session.description) : .null,
      ])
    return database.lastInsertRowID
  }
}
