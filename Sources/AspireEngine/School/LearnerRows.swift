import AspireLanguage
import AspireModel

/// The facts about each learner of a cohort that the school statements
/// need, read once from the table's columns.
struct LearnerRows {
  let table: TableValue
  let id: [String]
  let name: [String]
  let stage: [String]
  /// The session the cohort's rows belong to (the default when it has none).
  let session: Session

  init(_ table: TableValue, defaultSession: Session) {
    self.table = table
    id = fieldValues(table, "id").map(text)
    name = fieldValues(table, "name").map(text)
    stage = fieldValues(table, "stage").map(text)
    session = fieldValues(table, "session").lazy.compactMap {
      if case .text(let name) = $0 { return Session(parsing: name) } else { return nil }
    }.first ?? defaultSession
  }

  var count: Int { id.count }
}

/// The values of field `name` for each row of `table`; missing where the
/// table has no such field.
func fieldValues(_ table: TableValue, _ name: String) -> [Value] {
  guard let index = table.data.record.index(of: name) else {
    return Array(repeating: .missing, count: table.rows.count)
  }
  return table.rows.map { table.data.value(index, at: $0) }
}

/// The id of the record a value links to (a learner, a member of staff).
func linkedID(_ value: Value) -> String? {
  guard case .record(let table, let row) = value, let index = table.record.index(of: "id"),
    case .text(let id) = table.value(index, at: row)
  else { return nil }
  return id
}
