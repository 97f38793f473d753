/// Where each of a kind's columns sits in a file's header. Names match
/// case-insensitively after trimming spaces; an optional column may be absent.
public struct ColumnMap {
  /// Each known column's name (lowercase) and its position in the file. A short
  /// list searched in order: cheaper than hashing for a dozen columns a row.
  private let positions: [(name: String, position: Int)]
  /// How many columns the header has.
  let width: Int

  /// Matches `header` against `kind`'s columns, or returns every problem found.
  static func match(_ header: [String], kind: ImportKind) -> Result<ColumnMap, ColumnProblems> {
    match(
      header, required: kind.requiredColumns, optional: kind.optionalColumns,
      kindName: kind.rawValue)
  }

  /// For a kind of file imported outside the store (a teacher's raises):
  /// where each of its columns sits in `header`, by lowercase name, or every
  /// problem with the header, each a message for line 1.
  public static func positions(
    in header: [String], required: [String], optional: [String] = [], kindName: String
  ) -> Result<[String: Int], ColumnProblems> {
    match(header, required: required, optional: optional, kindName: kindName).map { map in
      Dictionary(uniqueKeysWithValues: map.positions.map { ($0.name, $0.position) })
    }
  }

  /// Matches `header` against the columns named, or returns every problem found.
  static func match(
    _ header: [String], required: [String], optional: [String], kindName: String
  ) -> Result<ColumnMap, ColumnProblems> {
    let known = required + optional
    var positions: [String: Int] = [:]
    var problems: [String] = []
    for (position, written) in header.enumerated() {
      let name = written.lowercased()
      if positions[name] != nil {
        problems.append("column \"\(written)\" appears twice")
      } else if known.contains(name) {
        positions[name] = position
      } else {
        problems.append(unknownColumnMessage(written, known: known))
      }
    }
    for name in required where positions[name] == nil {
      problems.append(
        "missing column \"\(name)\"; a \(kindName) file needs " + required.joined(separator: ", "))
    }
    guard problems.isEmpty else { return .failure(ColumnProblems(messages: problems)) }
    let list = positions.map { (name: $0.key, position: $0.value) }
    return .success(ColumnMap(positions: list, width: header.count))
  }

  /// The file position of column `name`, or nil when the file does not have it.
  func position(of name: String) -> Int? {
    for entry in positions where entry.name == name { return entry.position }
    return nil
  }

  private static func unknownColumnMessage(_ written: String, known: [String]) -> String {
    let name = written.lowercased()
    if written.isEmpty {
      return "a column has no name; expected one of \(known.joined(separator: ", "))"
    }
    let nearest = known.min { editDistance(name, $0) < editDistance(name, $1) }
    if let nearest, editDistance(name, nearest) <= max(1, nearest.count / 3) {
      return "unknown column \"\(written)\"; did you mean \"\(nearest)\"?"
    }
    return "unknown column \"\(written)\"; expected one of \(known.joined(separator: ", "))"
  }

  /// The Levenshtein distance between two short names.
  private static func editDistance(_ left: String, _ right: String) -> Int {
    let left = Array(left.unicodeScalars)
    let right = Array(right.unicodeScalars)
    var previous = Array(0...right.count)
    for (row, leftScalar) in left.enumerated() {
      var current = [row + 1]
      for (column, rightScalar) in right.enumerated() {
        let substitution = previous[column] + (leftScalar == rightScalar ? 0 : 1)
        current.append(min(substitution, previous[column + 1] + 1, current[column] + 1))
      }
      previous = current
    }
    return previous[right.count]
  }
}

/// The header's problems, each a message for line 1.
public struct ColumnProblems: Error {
  public let messages: [String]
}
