import AspireModel
import Foundation

/// Reads the cells of one data row by column name, checking each value and
/// collecting a message for every cell that is wrong.
struct RowReader {
  let document: CSVDocument
  let columns: ColumnMap
  /// The record being read.
  private(set) var record = 0
  /// What is wrong with the current row, one message a problem.
  private(set) var problems: [String] = []

  /// A reader over `document`'s records, finding cells through `columns`.
  init(document: CSVDocument, columns: ColumnMap) {
    self.document = document
    self.columns = columns
  }

  /// Moves to `record` and forgets the previous row's problems.
  mutating func start(_ record: Int) {
    self.record = record
    problems.removeAll(keepingCapacity: true)
  }

  /// Records a problem with the current row.
  mutating func problem(_ message: String) {
    problems.append(message)
  }

  /// The trimmed text of `column` in Unicode's composed form (NFC), or nil
  /// when the file has no such column. Swift compares text by canonical
  /// equivalence and SQLite by bytes, so "à" written as one character or as
  /// "a" and an accent must reach the store as the same bytes: otherwise a
  /// key the checks accept is one the store's foreign keys refuse.
  func text(_ column: String) -> String? {
    guard let position = columns.position(of: column) else { return nil }
    let text = document.field(position, ofRecord: record).trimmingSpaces()
    return text.utf8.allSatisfy { $0 < 0x80 } ? text : text.precomposedStringWithCanonicalMapping
  }

  /// Reads `column` with `parse`. An empty cell is a problem when `required`;
  /// text that `parse` refuses is a problem that says it is not `what`.
  mutating func read<Value>(
    _ column: String, required: Bool = false, what: @autoclosure () -> String,
    expected: @autoclosure () -> String, _ parse: (String) -> Value?
  ) -> FieldValue<Value> {
    guard let text = text(column) else { return .absent }
    if text.isEmpty {
      guard required else { return .empty }
      problem("\(column) is empty; expected \(expected())")
      return .invalid
    }
    guard let value = parse(text) else {
      problem("\(column) \"\(text)\" is not \(what()); expected \(expected())")
      return .invalid
    }
    return .value(value)
  }

  /// Reads free text; only emptiness is checked, and only when `required`.
  mutating func plain(
    _ column: String, required: Bool = false, expected: @autoclosure () -> String = ""
  ) -> FieldValue<String> {
    read(column, required: required, what: "text", expected: expected()) { $0 }
  }

  /// Reads an id that must be one of `known`, such as a learner or staff id.
  mutating func reference(
    _ column: String, required: Bool = false, in known: Set<String>, noun: String,
    importFirst kind: ImportKind
  ) -> FieldValue<String> {
    let field = plain(column, required: required, expected: "a known \(noun)")
    if let id = field.value, !known.contains(id) {
      problem("\(column) \"\(id)\" is not a known \(noun); import \(kind.rawValue) first")
      return .invalid
    }
    return field
  }

  /// Reads a boolean in any of its spellings.
  mutating func boolean(_ column: String) -> FieldValue<Bool> {
    read(column, what: "true or false", expected: "true/false, yes/no, y/n or 1/0") {
      FieldParsers.boolean($0)
    }
  }

  /// Reads a course level such as `N5` or `Higher`.
  mutating func level(_ column: String, required: Bool = false) -> FieldValue<Level> {
    read(column, required: required, what: "a level", expected: "N3, N4, N5, H, AH or BGE") {
      // The store's own spellings first: they are most of every file.
      Level(rawValue: $0) ?? Level(parsing: $0)
    }
  }

  /// Reads a grade on `level`'s scale.
  mutating func grade(_ column: String, required: Bool = false, on level: Level)
    -> FieldValue<Grade>
  {
    read(
      column, required: required, what: "a grade on \(level)",
      expected: FieldParsers.expectedGrades(on: level.scale)
    ) { level.scale.grade(named: $0) }
  }
}
