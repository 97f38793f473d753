import Foundation

/// Writes an import's rows into their tables: new keys are inserted, known
/// keys updated column by column, and every changed value is kept in history.
final class Merger {
  private let database: Database
  private let tables: [MergeTable]
  /// Per table, its insert and select statements, prepared once.
  private let inserts: [Statement]
  private let selects: [Statement]
  /// Per table, the stored rows in scope: match key to rowid.
  private var existing: [[String: Int64]]
  private let dryRun: Bool
  private let changedAt: String
  private let changedBy: String
  /// The import_log row that history rows point to.
  var importID: Int64?

  /// Loads the keys already stored in `tables`; a dry run reads but never writes.
  init(database: Database, tables: [MergeTable], dryRun: Bool, at: Date, by: String) throws {
    self.database = database
    self.tables = tables
    self.dryRun = dryRun
    self.changedAt = Timestamp.iso8601(at)
    self.changedBy = by
    self.existing = try tables.map { try Merger.loadKeys(of: $0, from: database) }
    self.inserts = try tables.map { try database.prepare($0.insertSQL) }
    self.selects = try tables.map { try database.prepare($0.selectValuesSQL) }
  }

  /// Applies the writes of one file row; the first write decides whether the row is new.
  func apply(_ writes: [RowWrite]) throws -> RowEffect {
    var effect = RowEffect.unchanged
    for (position, write) in writes.enumerated() {
      let table = tables[write.table]
      let key = table.matchKey(write.key)
      if let rowid = existing[write.table][key] {
        if try update(table, rowid: rowid, with: write) { effect = max(effect, .changed) }
      } else {
        try insert(table, write)
        existing[write.table][key] = dryRun ? -1 : database.lastInsertRowID
        effect = position == 0 ? .added : max(effect, .changed)
      }
    }
    return effect
  }

  private func insert(_ table: MergeTable, _ write: RowWrite) throws {
    guard !dryRun else { return }
    let statement = inserts[write.table]
    var parameter: Int32 = 1
    for value in write.key {
      try statement.bind(value, at: parameter)
      parameter += 1
    }
    for (index, value) in write.values.enumerated() {
      try statement.bind(value ?? table.defaults[index], at: parameter)
      parameter += 1
    }
    try statement.step()
    statement.reset()
  }

  /// Updates the columns whose value differs; true when any did.
  private func update(_ table: MergeTable, rowid: Int64, with write: RowWrite) throws -> Bool {
    let stored = try storedValues(of: write.table, rowid: rowid)
    var changed = false
    for (index, value) in write.values.enumerated() {
      guard let value, value != stored[index] else { continue }
      changed = true
      guard !dryRun else { continue }
      let column = table.valueColumns[index]
      try database.run(table.updateSQL(column: column), [value, .integer(rowid)])
      try database.run(
        """
        INSERT INTO history (table_name, row_key, column_name, old_value, new_value,
          changed_at, changed_by, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        [
          .text(table.name), .text(write.key.map(\.description).joined(separator: "/")),
          .text(column), stored[index], value, .text(changedAt), .text(changedBy),
          importID.map { .integer($0) } ?? .null,
        ])
    }
    return changed
  }

  private func storedValues(of table: Int, rowid: Int64) throws -> [SQLValue] {
    let statement = selects[table]
    statement.reset()
    try statement.bind(.integer(rowid), at: 1)
    defer { statement.reset() }
    guard try statement.step() else { return tables[table].defaults }
    return statement.row()
  }

  private static func loadKeys(of table: MergeTable, from database: Database) throws
    -> [String: Int64]
  {
    var sql = "SELECT rowid, \(table.keyColumns.joined(separator: ", ")) FROM \(table.name)"
    var parameters: [SQLValue] = []
    if let scope = table.scope {
      sql += " WHERE \(scope.column) = ?"
      parameters.append(scope.value)
    }
    let statement = try database.prepare(sql)
    try statement.bind(parameters)
    defer { statement.reset() }
    var keys: [String: Int64] = [:]
    var key: [SQLValue] = Array(repeating: .null, count: table.keyColumns.count)
    while try statement.step() {
      for index in key.indices { key[index] = statement.value(at: index + 1) }
      keys[table.matchKey(key)] = statement.integer(at: 0)
    }
    return keys
  }
}

extension RowEffect: Comparable {
  private var order: Int {
    switch self {
    case .unchanged: return 0
    case .changed: return 1
    case .added: return 2
    }
  }

  static func < (lhs: RowEffect, rhs: RowEffect) -> Bool { lhs.order < rhs.order }
}
