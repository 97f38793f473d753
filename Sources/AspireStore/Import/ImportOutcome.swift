/// What an import did, or, on a dry run or a rejected file, would have done.
public struct ImportOutcome: Sendable {
  /// The file's path as it was given.
  public let file: String
  public let kind: ImportKind
  /// Whether nothing was written on purpose.
  public let dryRun: Bool
  /// Data rows read (blank rows are not counted).
  public var rows = 0
  /// Rows whose key was new.
  public var added = 0
  /// Rows whose key was known and at least one value differed.
  public var changed = 0
  /// Rows the store already held exactly.
  public var unchanged = 0
  /// Every problem found, at most `Importer.diagnosticLimit`; empty on success.
  public var diagnostics: [ImportDiagnostic] = []
  /// The import_log row written, nil when nothing was written.
  public var importID: Int64?

  /// Whether the file was accepted: no bad row, no unreadable text.
  public var succeeded: Bool { diagnostics.isEmpty }

  /// One line for people: `learners.csv: 12 rows, 3 added, 2 changed, 7 unchanged`.
  public var summary: String {
    let verb = dryRun ? "would be " : ""
    return "\(file): \(rows) rows, \(verb)\(added) added, \(verb)\(changed) changed, "
      + "\(unchanged) unchanged"
  }
}
