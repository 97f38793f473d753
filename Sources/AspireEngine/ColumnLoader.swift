import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore

extension StoreDataSource {
  /// Runs `sql` and builds one column per field of the entity's record type,
  /// in field order. The query returns the fields in that order; an extra
  /// last column, where present, is the level that grades are read on. Each
  /// value is read from the statement straight into its column, by type.
  func load(
    _ entity: Entity, sql: String, _ parameters: [SQLValue], links: [String: TableData] = [:]
  ) throws -> TableData {
    let record = entity.recordType
    let statement = try store.database.prepare(sql)
    try statement.bind(parameters)
    defer { statement.reset() }
    let (readers, extraLevel) = try fieldReaders(
      record, links: links, columnCount: statement.columnCount)
    // Levels first: a row's grades are read on the levels of the same row.
    let levelsFirst = readers.filter { $0 is LevelReader } + readers.filter { !($0 is LevelReader) }
    var count = 0
    while try statement.step() {
      extraLevel?.read(statement)
      for reader in levelsFirst { reader.read(statement) }
      count += 1
    }

    let table = TableData(record: record, count: count, columns: readers.map { $0.column() })
    var unlinked: [String: [Int: String]] = [:]
    for (field, reader) in zip(record.fields, readers) {
      if let link = reader as? LinkReader { unlinked[field.name] = link.unlinked }
    }
    unlinkedKeys[ObjectIdentifier(table)] = unlinked
    return table
  }

  /// A reader for each field of `record`, in field order, and one for the
  /// extra column of levels when the query has one.
  func fieldReaders(_ record: RecordType, links: [String: TableData], columnCount: Int) throws
    -> (readers: [ColumnReader], extraLevel: LevelReader?)
  {
    var levels: [Int: LevelReader] = [:]
    for (index, field) in record.fields.enumerated() where field.type.present == .level {
      levels[index] = LevelReader(column: index)
    }
    let extra = columnCount > record.fields.count ? LevelReader(column: record.fields.count) : nil
    let levelReader = record.index(of: "level").flatMap { levels[$0] }
    let priorLevelReader = record.index(of: "prior_level").flatMap { levels[$0] }
    let readers = try record.fields.enumerated().map { column, field -> ColumnReader in
      switch field.type.present {
      case .number: return NumberReader(column: column)
      case .boolean: return BooleanReader(column: column)
      case .level: return levels[column]!
      case .record:
        guard let table = links[field.name], let ids = idIndex(of: table) else {
          throw DataSourceError("no table to link \(field.name) to")
        }
        return LinkReader(column: column, ids: ids)
      case .grade:
        // A grade is read on its row's level, a prior grade on its prior
        // level or else its row's; failing those, on the extra column's.
        let sources = field.name == "prior" ? [priorLevelReader, levelReader] : [levelReader]
        return GradeReader(column: column, levels: (sources + [extra]).compactMap { $0 })
      case .date: return ParsedReader(column: column) { CalendarDate(parsing: $0).map(Value.date) }
      case .stage: return ParsedReader(column: column) { Stage(parsing: $0).map(Value.stage) }
      case .status: return ParsedReader(column: column) { Status(parsing: $0).map(Value.status) }
      default: return ParsedReader(column: column) { .text($0) }
      }
    }
    return (readers, extra)
  }

  /// The rows of `table` by id, made once for each table that others link to.
  func idIndex(of table: TableData) -> IdIndex? {
    if let known = idIndexes[ObjectIdentifier(table)] { return known }
    guard let key = table.record.index(of: "id") else { return nil }
    let index = IdIndex(table, key: key)
    idIndexes[ObjectIdentifier(table)] = index
    return index
  }
}
