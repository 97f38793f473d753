import AspireModel
import AspireStore
import Foundation

/// Imports a teacher's raises (`aspire import raises`): each row raises one
/// learner's open target in a subject, in one session, with a reason. The
/// file is all or nothing: a row that would lower a target, names no open
/// target, gives no reason or a grade not on the course's scale is reported
/// at its line, and then nothing is written. A row that asks for the target
/// the course already has changes nothing, so a file imported twice leaves
/// the targets as importing it once.
public struct RaiseImporter {
  /// The columns of a raises file, all required.
  public static let columns = ["learner_id", "subject", "target", "reason"]

  /// What an import of raises did, or, on a dry run or a bad file, would do.
  public struct Outcome: Sendable {
    /// The file's path as it was given.
    public let file: String
    public let dryRun: Bool
    /// Data rows read (blank rows are not counted).
    public var rows = 0
    /// Targets raised (or that would be).
    public var raised = 0
    /// Rows asking for the target their course already has.
    public var unchanged = 0
    /// Every problem found, at most `Importer.diagnosticLimit`.
    public var diagnostics: [ImportDiagnostic] = []
    /// The import_log row written, nil when nothing was written.
    public var importID: Int64?

    /// Whether the file was accepted.
    public var succeeded: Bool { diagnostics.isEmpty }

    /// One line for people: `raises.csv: 3 rows, 2 raised, 1 unchanged`.
    public var summary: String {
      "\(file): \(rows) rows, \(dryRun ? "would be " : "")\(raised) raised, "
        + "\(unchanged) unchanged"
    }
  }

  /// One good row: the open target it raises and how.
  struct Raise {
    var existing: TargetService.OpenTarget
    var learner: String
    var subject: String
    var grade: Grade
    var reason: String
  }

  let service: TargetService
  let session: Session

  /// An importer raising targets of `session` in `store`, acting as `user`.
  public init(store: Store, session: Session, user: String, now: Date = Date()) {
    let data = StoreDataSource(store: store, defaultSession: session)
    service = TargetService(store: store, data: data, user: user, now: now)
    self.session = session
  }

  /// Imports the raises in the CSV file at `path` (reported as given).
  public func run(file path: String, dryRun: Bool = false, encoding: TextEncoding = .utf8)
    throws -> Outcome
  {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ImportError.cannotRead(path: path)
    }
    return try run(data: [UInt8](data), fileName: path, dryRun: dryRun, encoding: encoding)
  }

  /// Imports the raises in CSV bytes that came from `fileName`.
  public func run(
    data: [UInt8], fileName: String, dryRun: Bool = false, encoding: TextEncoding = .utf8
  ) throws -> Outcome {
    var outcome = Outcome(file: fileName, dryRun: dryRun)
    let document: CSVDocument
    do {
      document = try CSVReader.parse(data, encoding: encoding)
    } catch {
      outcome.diagnostics = [
        ImportDiagnostic(file: fileName, line: error.line, message: error.message)
      ]
      return outcome
    }
    let positions: [String: Int]
    switch ColumnMap.positions(
      in: document.header, required: RaiseImporter.columns, kindName: "raises")
    {
    case .success(let found): positions = found
    case .failure(let problems):
      outcome.diagnostics = problems.messages.map {
        ImportDiagnostic(file: fileName, line: 1, message: $0)
      }
      return outcome
    }

    let raises = try check(document, positions, into: &outcome)
    guard outcome.succeeded else { return outcome }
    outcome.raised = raises.count
    if dryRun { return outcome }
    try service.store.database.inTransaction {
      outcome.importID = try logImport(data, outcome)
      for raise in raises {
        try service.raiseTarget(
          raise.existing, to: raise.grade, session: session.description, learner: raise.learner,
          subject: raise.subject, reason: raise.reason)
      }
    }
    return outcome
  }

  /// Checks every row against the open targets, reporting each problem at
  /// its physical line; returns the raises of the good rows.
  func check(_ document: CSVDocument, _ positions: [String: Int], into outcome: inout Outcome)
    throws -> [Raise]
  {
    let open = try service.openTargets([session.description])
    var firstLines: [String: Int] = [:]
    var raises: [Raise] = []
    for record in 0..<document.recordCount where !document.isBlank(record: record) {
      outcome.rows += 1
      let line = document.line(ofRecord: record)
      var problems: [String] = []
      let count = document.fieldCount(ofRecord: record)
      let extraIsEmpty = (positions.count..<max(positions.count, count)).allSatisfy {
        trimmed(document.field($0, ofRecord: record)).isEmpty
      }
      if count < positions.count || !extraIsEmpty {
        problems.append(
          "row has \(count) values; expected \(positions.count), one per column")
      }
      func cell(_ column: String, expected: String) -> String? {
        let text = trimmed(document.field(positions[column]!, ofRecord: record))
        if text.isEmpty { problems.append("\(column) is empty; expected \(expected)") }
        return text.isEmpty ? nil : text
      }
      let learner = cell("learner_id", expected: "a learner's id")
      let subject = cell("subject", expected: "a subject")
      let target = cell("target", expected: "the raised target")
      let reason = cell("reason", expected: "why the target is raised")
      if problems.isEmpty, let learner, let subject, let target, let reason {
        let key = "\(learner)|\(subject)"
        if let first = firstLines[key] {
          problems.append(
            "duplicate learner_id \"\(learner)\", subject \"\(subject)\"; first on line \(first)")
        } else {
          firstLines[key] = line
          switch raise(open["\(session)|\(key)"], learner, subject, target, reason) {
          case .success(let raise?): raises.append(raise)
          case .success(nil): outcome.unchanged += 1
          case .failure(let problem): problems.append(problem.message)
          }
        }
      }
      for message in problems where outcome.diagnostics.count < Importer.diagnosticLimit {
        outcome.diagnostics.append(
          ImportDiagnostic(file: outcome.file, line: line, message: message))
      }
    }
    return raises
  }

  /// Why a row cannot raise a target.
  struct Problem: Error {
    let message: String
  }

  /// The raise one complete row asks for (nil when the target is already
  /// that grade), or why it cannot be made.
  func raise(
    _ existing: TargetService.OpenTarget?, _ learner: String, _ subject: String,
    _ target: String, _ reason: String
  ) -> Result<Raise?, Problem> {
    guard let existing else {
      return .failure(
        Problem(
          message: "learner_id \"\(learner)\" has no open target in \(subject) in \(session) "
            + "to raise"))
    }
    guard let level = Level(parsing: existing.level),
      let current = level.scale.grade(named: existing.target)
    else {
      return .failure(
        Problem(
          message: "the open target \"\(existing.target)\" is not a grade on \(existing.level)"))
    }
    guard let grade = level.scale.grade(named: target) else {
      return .failure(
        Problem(
          message: "target \"\(target)\" is not a grade on \(level); expected "
            + FieldParsers.expectedGrades(on: level.scale)))
    }
    if grade == current { return .success(nil) }
    guard grade > current else {
      return .failure(
        Problem(
          message: "target \"\(target)\" is below \(learner)'s target in \(subject), "
            + "which is \(current.name); a target can only be raised"))
    }
    return .success(
      Raise(existing: existing, learner: learner, subject: subject, grade: grade, reason: reason))
  }

  /// Writes the import_log row and returns its id.
  func logImport(_ data: [UInt8], _ outcome: Outcome) throws -> Int64 {
    let database = service.store.database
    try database.run(
      """
      INSERT INTO import_log (file_name, sha256, kind, rows, added, changed, imported_at,
        imported_by, session) VALUES (?, ?, 'raises', ?, 0, ?, ?, ?, ?)
      """,
      [
        .text(outcome.file), .text(SHA256.hexDigest(of: data)), .integer(Int64(outcome.rows)),
        .integer(Int64(outcome.raised)), .text(Timestamp.iso8601(service.now)),
        .text(service.user), .text(session.description),
      ])
    return database.lastInsertRowID
  }

  func trimmed(_ text: String) -> String {
    text.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
  }
}
