import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore

extension StoreDataSource {
  /// Runs `sql` and builds one column per field of the entity's record type,
  /// in field order. The query returns the fields in that order; an extra
  /// last column, where present, is the level that grades are read on.
  func load(
    _ entity: Entity, sql: String, _ parameters: [SQLValue], links: [String: TableData] = [:]
  ) throws -> TableData {
    let record = entity.recordType
    let statement = try store.database.prepare(sql)
    try statement.bind(parameters)
    var rows: [[SQLValue]] = []
    while try statement.step() { rows.append(statement.row()) }
    statement.reset()

    let levelIndex = record.index(of: "level")
    let priorLevelIndex = record.index(of: "prior_level")
    var columns: [Column] = []
    var keys: [String: [String?]] = [:]
    for (index, field) in record.fields.enumerated() {
      let raw = rows.map { $0[index] }
      switch field.type.present {
      case .number:
        columns.append(numbers(raw))
      case .boolean:
        columns.append(
          Column(raw.map { $0.integer.map { .boolean($0 != 0) } ?? .missing }, type: .boolean))
      case .record:
        columns.append(try linked(raw, to: links[field.name], field: field.name))
        keys[field.name] = raw.map(\.text)
      case .grade:
        // A grade is read on its row's level; a prior grade on its prior level.
        let levelColumn = field.name == "prior" ? priorLevelIndex : levelIndex
        let values = rows.map { row -> Value in
          guard let name = row[index].text else { return .missing }
          var level: Level?
          if let levelColumn, let text = row[levelColumn].text { level = Level(parsing: text) }
          if field.name == "prior", level == nil, let levelIndex, let text = row[levelIndex].text {
            level = Level(parsing: text)
          }
          if level == nil, row.count > record.fields.count, let text = row.last?.text {
            level = Level(parsing: text)
          }
          return grade(name, on: level)
        }
        columns.append(.values(values))
      case .date:
        columns.append(
          .values(
            raw.map { raw in
              raw.text.flatMap { CalendarDate(parsing: $0) }.map(Value.date) ?? .missing
            }))
      default:
        columns.append(.values(raw.map { textValue($0, as: field.type.present) }))
      }
    }
    let table = TableData(record: record, count: rows.count, columns: columns)
    linkKeys[ObjectIdentifier(table)] = keys
    return table
  }

  func numbers(_ raw: [SQLValue]) -> Column {
    var numbers = [Double](repeating: 0, count: raw.count)
    var present: [Bool]?
    for (row, value) in raw.enumerated() {
      switch value {
      case .integer(let number): numbers[row] = Double(number)
      case .real(let number): numbers[row] = number
      default:
        if present == nil { present = Array(repeating: true, count: raw.count) }
        present![row] = false
      }
    }
    return .numbers(numbers, present: present)
  }

  /// Row references into `table` by its `id` (or `subject`) field.
  func linked(_ raw: [SQLValue], to table: TableData?, field: String) throws -> Column {
    guard let table, let key = table.record.index(of: "id") else {
      throw DataSourceError("no table to link \(field) to")
    }
    var position: [String: Int] = [:]
    for row in 0..<table.count {
      if case .text(let id) = table.value(key, at: row) { position[id] = row }
    }
    return .records(table, raw.map { $0.text.flatMap { position[$0] } ?? -1 })
  }

  func textValue(_ value: SQLValue, as type: ValueType) -> Value {
    guard let text = value.text else { return .missing }
    switch type {
    case .stage: return Stage(parsing: text).map(Value.stage) ?? .missing
    case .level: return Level(parsing: text).map(Value.level) ?? .missing
    case .status: return Status(parsing: text).map(Value.status) ?? .missing
    default: return .text(text)
    }
  }

  /// A grade read on its level's scale, or on the first built-in scale that
  /// knows it when the level is unknown.
  func grade(_ name: String, on level: Level?) -> Value {
    if let level, let grade = level.scale.grade(named: name) { return .grade(grade) }
    for scale in GradeScale.builtIn {
      if let grade = scale.grade(named: name) { return .grade(grade) }
    }
    return .missing
  }
}
