import AspireEvaluator
import AspireLanguage
import AspireModel

extension StoreDataSource {
  public func related(_ relation: Relation, of parent: TableData) throws
    -> (child: TableData, rows: [[Int]])
  {
    let key = "\(ObjectIdentifier(parent).hashValue) \(relation.name)"
    if let known = relatedCache[key] { return known }
    let session = sessionOf[ObjectIdentifier(parent)] ?? defaultSession
    let child: TableData
    switch relation.timing {
    case .sameSession: child = try table(relation.child, selector: .text(session.description))
    case .always: child = try table(relation.child, selector: nil)
    case .resultsBefore:
      child = try table(relation.child, selector: .number(Double(session.startYear)))
    case .resultsAfter:
      child = try table(relation.child, selector: .number(Double(session.resultsYear)))
    }
    let childKeys = keys(of: child, relation.childKeys)
    var rowsByKey: [String: [Int]] = [:]
    for (row, value) in childKeys.enumerated() {
      if let value { rowsByKey[value, default: []].append(row) }
    }
    let parentKeys = keys(of: parent, relation.parentKeys)
    let result = (child, parentKeys.map { $0.flatMap { rowsByKey[$0] } ?? [] })
    relatedCache[key] = result
    return result
  }

  /// For each row, its values at the field paths (`learner.id`) joined into
  /// one key; nil where any is missing.
  func keys(of table: TableData, _ paths: [String]) -> [String?] {
    var keys = [String?](repeating: "", count: table.count)
    for path in paths {
      let values = fieldValues(table, path.split(separator: ".").map(String.init))
      for row in 0..<table.count {
        guard let key = keys[row], let value = values[row] else {
          keys[row] = nil
          continue
        }
        keys[row] = key.isEmpty ? value : key + "\u{1F}" + value
      }
    }
    return keys
  }

  func fieldValues(_ table: TableData, _ path: [String]) -> [String?] {
    guard let first = path.first, let index = table.record.index(of: first) else {
      return Array(repeating: nil, count: table.count)
    }
    let column = table.columns[index]
    // A link's id is the id it was written with, linked row or not.
    if path == [first, "id"], let ids = linkKeys[ObjectIdentifier(table)]?[first] { return ids }
    if path.count > 1, case .records(let target, let rows) = column {
      let inner = fieldValues(target, Array(path.dropFirst()))
      return rows.map { $0 < 0 ? nil : inner[$0] }
    }
    return (0..<table.count).map { row in
      let value = column.value(at: row)
      return value.isMissing ? nil : ValuePrinter.print(value)
    }
  }
}
