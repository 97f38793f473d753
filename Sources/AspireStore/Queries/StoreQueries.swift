import AspireModel

/// A learner with their stage in one session.
public struct LearnerStage: Hashable, Sendable {
  public let id: String
  public let name: String
  public let stage: Stage
}

extension Store {
  /// The school's tables, in the order people think of them.
  public static let tableNames = [
    "sessions", "staff", "learners", "learner_stages", "contacts", "subjects", "enrolments",
    "assessments", "results", "import_log", "history", "formulas", "targets", "schedules",
    "schedule_learners", "rounds", "mentor_allocations", "meetings", "flags", "outbox",
    "learner_holds",
  ]

  /// How many rows each of the school's tables holds, in `tableNames` order.
  public func rowCounts() throws -> [(table: String, rows: Int)] {
    try Store.tableNames.map { name in
      // Table names come from the list above, never from input.
      let count = try database.scalar("SELECT count(*) FROM \(name)").integer ?? 0
      return (name, Int(count))
    }
  }

  /// The learners who have a stage in `session`, by stage then name.
  public func learners(in session: Session) throws -> [LearnerStage] {
    let rows = try database.query(
      """
      SELECT learners.id, learners.name, learner_stages.stage FROM learner_stages
      JOIN learners ON learners.id = learner_stages.learner_id
      WHERE learner_stages.session = ? ORDER BY learner_stages.stage, learners.name, learners.id
      """, [.text(session.description)])
    return rows.compactMap { row in
      guard let id = row[0].text, let name = row[1].text,
        let stage = row[2].text.flatMap({ Stage(parsing: $0) })
      else { return nil }
      return LearnerStage(id: id, name: name, stage: stage)
    }
  }

  /// The sessions the store holds any yearly records for, oldest first.
  public func sessions() throws -> [Session] {
    try database.query("SELECT name FROM sessions ORDER BY name").compactMap {
      $0[0].text.flatMap { Session(parsing: $0) }
    }
  }

  /// Runs a read-only query with bound `parameters` and returns it as a table.
  public func table(_ sql: String, _ parameters: [SQLValue] = []) throws -> ResultTable {
    let statement = try database.prepare(sql)
    try statement.bind(parameters)
    defer { statement.reset() }
    let columns = (0..<statement.columnCount).map { statement.columnName($0) }
    var rows: [[Cell]] = []
    while try statement.step() {
      rows.append((0..<columns.count).map { Cell(statement.value(at: $0)) })
    }
    return ResultTable(columns: columns, rows: rows)
  }
}
