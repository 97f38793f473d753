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
    table(from: try readColumns(entity, sql: sql, parameters, links: links))
  }

  /// The columns of a table as read, before they become its `TableData`.
  struct LoadedColumns {
    var record: RecordType
    var count: Int
    var columns: [Column]
    /// By link field, the ids of the rows whose link found no row.
    var unlinked: [String: [Int: String]]

    /// The columns of the rows at `indices` only.
    func keeping(_ indices: [Int]) -> LoadedColumns {
      let position = Dictionary(uniqueKeysWithValues: indices.enumerated().map { ($1, $0) })
      return LoadedColumns(
        record: record, count: indices.count, columns: columns.map { $0.gathered(indices) },
        unlinked: unlinked.mapValues { ids in
          Dictionary(
            uniqueKeysWithValues: ids.compactMap { row, id in position[row].map { ($0, id) } })
        })
    }
  }

  /// The columns of the rows `sql` gives, as `load` reads them.
  func readColumns(
    _ entity: Entity, sql: String, _ parameters: [SQLValue], links: [String: TableData]
  ) throws -> LoadedColumns {
    let record = entity.recordType
    let statement = try store.database.prepare(sql)
    let (readers, extraLevel) = try fieldReaders(
      record, links: links, columnCount: statement.columnCount)
    // Levels first: a row's grades are read on the levels of the same row.
    let levelsFirst = readers.filter { $0 is LevelReader } + readers.filter { !($0 is LevelReader) }
    var count = 0
    try store.database.readRows(sql, parameters) { batch in
      for row in 0..<batch.count {
        extraLevel?.read(batch, row)
        for reader in levelsFirst { reader.read(batch, row) }
      }
      count += batch.count
    }
    var unlinked: [String: [Int: String]] = [:]
    for (field, reader) in zip(record.fields, readers) {
      if let link = reader as? LinkReader { unlinked[field.name] = link.unlinked }
    }
    return LoadedColumns(
      record: record, count: count, columns: readers.map { $0.column() }, unlinked: unlinked)
  }

  /// The table of the columns read, with the ids of its unlinked rows kept
  /// for relations.
  func table(from loaded: LoadedColumns) -> TableData {
    let table = TableData(record: loaded.record, count: loaded.count, columns: loaded.columns)
    unlinkedKeys[ObjectIdentifier(table)] = loaded.unlinked
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
