import AspireEvaluator
import AspireLanguage
import AspireModel

extension StoreDataSource {
  public func related(_ relation: Relation, of parent: TableData) throws -> Relationship {
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
    var keys = KeyCodes(unlinkedKeys: unlinkedKeys)
    let result: Relationship
    if child.count == 0 {
      result = Relationship(child: child, groups: Array(repeating: [], count: parent.count))
    } else if relation.parentKeys.count == 1 {
      // The parent's keys first: a parent whose key is its own id, in order,
      // numbers its rows in order, and then shares the child rows sorted by key.
      let parentKeys = keys.codes(of: parent, relation.parentKeys)
      let childKeys = keys.codes(of: child, relation.childKeys)
      result = Relationship(child: child, keys: childKeys, parentKeys: parentKeys)
    } else {
      // Keys of several fields: a parent's only need numbering if a child has them.
      let childKeys = keys.codes(of: child, relation.childKeys)
      keys.isClosed = true
      let parentKeys = keys.codes(of: parent, relation.parentKeys)
      result = Relationship(child: child, keys: childKeys, parentKeys: parentKeys)
    }
    relatedCache[key] = result
    return result
  }
}

extension Relationship {
  /// Each parent's child rows: those whose key equals the parent's, in the
  /// child's order. Keys are whole numbers from 0, -1 where missing.
  init(child: TableData, keys: [Int], parentKeys: [Int]) {
    // The child rows sorted by key, stably: a counting sort.
    let keyCount = max(keys.max() ?? -1, parentKeys.max() ?? -1) + 1
    var starts = [Int](repeating: 0, count: keyCount + 1)
    for key in keys where key >= 0 { starts[key + 1] += 1 }
    for key in 0..<keyCount { starts[key + 1] += starts[key] }
    var next = starts
    var byKey = [Int](repeating: 0, count: starts[keyCount])
    for (row, key) in keys.enumerated() where key >= 0 {
      byKey[next[key]] = row
      next[key] += 1
    }

    var offsets = [0]
    offsets.reserveCapacity(parentKeys.count + 1)
    var total = 0
    for key in parentKeys {
      if key >= 0 { total += starts[key + 1] - starts[key] }
      offsets.append(total)
    }
    // Parents each with a key of their own, in key order, share the sorted rows.
    let inOrder = parentKeys.enumerated().allSatisfy { $0.element == $0.offset }
    if inOrder && total == byKey.count {
      self.init(child: child, offsets: offsets, rows: byKey)
      return
    }
    var rows = [Int]()
    rows.reserveCapacity(total)
    for key in parentKeys where key >= 0 {
      rows.append(contentsOf: byKey[starts[key]..<starts[key + 1]])
    }
    self.init(child: child, offsets: offsets, rows: rows)
  }
}

/// Whole numbers standing for the values of key fields, the same number for
/// equal values in any table, so that rows of two tables are matched by
/// number: a relation's keys are worked out once per distinct value.
struct KeyCodes {
  let unlinkedKeys: [ObjectIdentifier: [String: [Int: String]]]
  /// The number of each text a key holds (values other than texts as printed).
  private var textCodes: [String: Int] = [:]
  /// The number of each pair of numbers, for keys of several fields.
  private var pairCodes: [Pair: Int] = [:]
  /// For each table whose ids were numbered, each row's number.
  private var idCodes: [ObjectIdentifier: [Int]] = [:]

  struct Pair: Hashable {
    var first: Int
    var second: Int
  }

  /// Whether values not numbered yet are left unnumbered (-1) rather than
  /// given a new number: no row numbered so far has them.
  var isClosed = false

  init(unlinkedKeys: [ObjectIdentifier: [String: [Int: String]]]) {
    self.unlinkedKeys = unlinkedKeys
  }

  /// For each row, the number of its values at the field paths (`learner.id`)
  /// together; -1 where any is missing.
  mutating func codes(of table: TableData, _ paths: [String]) -> [Int] {
    var combined: [Int]?
    for path in paths {
      let codes = fieldCodes(table, path.split(separator: ".").map(String.init))
      guard let previous = combined else {
        combined = codes
        continue
      }
      combined = zip(previous, codes).map { first, second in
        guard first >= 0, second >= 0 else { return -1 }
        let pair = Pair(first: first, second: second)
        if let code = pairCodes[pair] { return code }
        if isClosed { return -1 }
        pairCodes[pair] = pairCodes.count
        return pairCodes.count - 1
      }
    }
    return combined ?? Array(repeating: 0, count: table.count)
  }

  mutating func fieldCodes(_ table: TableData, _ path: [String]) -> [Int] {
    guard let first = path.first, let index = table.record.index(of: first) else {
      return Array(repeating: -1, count: table.count)
    }
    let column = table.columns[index]
    if path.count > 1, case .records(let target, let rows) = column {
      let inner =
        path == [first, "id"] ? idCodes(of: target) : fieldCodes(target, Array(path.dropFirst()))
      var codes = rows.map { $0 < 0 ? -1 : inner[$0] }
      // A link's id is the id it was written with, linked row or not.
      if path == [first, "id"] {
        for (row, id) in unlinkedKeys[ObjectIdentifier(table)]?[first] ?? [:] {
          codes[row] = code(id)
        }
      }
      return codes
    }
    if path == ["id"] { return idCodes(of: table) }
    return values(column, count: table.count)
  }

  /// The numbers of a table's ids, worked out once for each table.
  mutating func idCodes(of table: TableData) -> [Int] {
    if let known = idCodes[ObjectIdentifier(table)] { return known }
    guard let index = table.record.index(of: "id") else {
      return Array(repeating: -1, count: table.count)
    }
    let codes = values(table.columns[index], count: table.count)
    idCodes[ObjectIdentifier(table)] = codes
    return codes
  }

  mutating func values(_ column: Column, count: Int) -> [Int] {
    (0..<count).map { row in
      switch column.value(at: row) {
      case .missing: return -1
      case .text(let text): return code(text)
      case let value: return code(ValuePrinter.print(value))
      }
    }
  }

  mutating func code(_ text: String) -> Int {
    if let code = textCodes[text] { return code }
    if isClosed { return -1 }
    textCodes[text] = textCodes.count
    return textCodes.count - 1
  }
}
