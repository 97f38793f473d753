import AspireLanguage
import AspireModel

extension Evaluator {
  func compileRelated(_ base: TypedExpression, _ relation: Relation, range: SourceRange)
    -> Kernel
  {
    let baseKernel = compile(base)
    return { [unowned self] frame in
      let records = try baseKernel(&frame)
      guard let source = self.dataSource else {
        throw RuntimeError(message: "\(relation.name) needs a store", range: range)
      }
      // The usual case, a column of rows of one table: each row's related
      // rows as bounds into the relationship's one array of rows.
      if case .records(let parent, let indices) = records {
        let relationship = try self.related(relation, of: parent, source, range)
        return .related(relationship.rows(of: indices))
      }
      var cache: [TableData: Relationship] = [:]
      var values = [Value](repeating: .missing, count: records.count)
      for row in 0..<records.count {
        if case .table(let parents) = records.value(at: row) {
          if cache[parents.data] == nil {
            cache[parents.data] = try self.related(relation, of: parents.data, source, range)
          }
          let relationship = cache[parents.data]!
          values[row] = .table(
            TableValue(
              data: relationship.child, rows: parents.rows.flatMap { relationship[$0] }))
          continue
        }
        guard case .record(let parent, let index) = records.value(at: row) else { continue }
        if cache[parent] == nil {
          cache[parent] = try self.related(relation, of: parent, source, range)
        }
        let relationship = cache[parent]!
        values[row] = .table(TableValue(data: relationship.child, rows: Array(relationship[index])))
      }
      return .values(values)
    }
  }

  func related(
    _ relation: Relation, of parent: TableData, _ source: DataSource,
    _ range: SourceRange
  ) throws -> Relationship {
    do {
      return try source.related(relation, of: parent)
    } catch let error as DataSourceError {
      throw RuntimeError(message: error.message, range: range)
    }
  }

  /// Runs the condition and body once over the elements of every row's
  /// source together, then sums up each row's share.
  func compileComprehension(
    _ function: BuiltinFunction, _ slot: Int, _ source: TypedExpression,
    _ condition: TypedExpression?, _ body: TypedExpression?, type: ValueType,
    range: SourceRange
  ) -> Kernel {
    let sourceKernel = compile(source)
    let conditionKernel = condition.map(compile)
    let bodyKernel = body.map(compile)
    let elementType: ValueType =
      switch source.type.present {
      case .list(let element): element
      case .table(let record): .record(record)
      default: .error
      }
    // The outer slots the condition and body read, gathered for each element.
    let innerSlots = Set([condition, body].compactMap { $0?.slotsRead }.joined())
      .subtracting([slot]).sorted()
    return { [unowned self] frame in
      try self.checkCancelled(range)
      let (elements, owners) = elementsOf(try sourceKernel(&frame), type: elementType)
      var owned = owners
      var inner = frame.gathered(owners, slots: innerSlots)
      inner.slots[slot] = elements
      if let conditionKernel {
        let (flags, present) = try conditionKernel(&inner).booleans
        let kept = flags.indices.filter { flags[$0] && present?[$0] != false }
        if kept.count < owners.count {
          inner = inner.gathered(kept, slots: innerSlots + [slot])
          owned = kept.map { owners[$0] }
        }
      }
      let values = try bodyKernel.map { try $0(&inner) } ?? inner.slots[slot]!
      if let summed = summariseNumbers(function, values, owned, count: frame.count) {
        return summed
      }
      var groups = [[Value]](repeating: [], count: frame.count)
      for (offset, owner) in owned.enumerated() {
        let value = values.value(at: offset)
        if !value.isMissing { groups[owner].append(value) }
      }
      return Column(groups.map { summarise(function, $0) }, type: type)
    }
  }
}

/// The elements of every row's source one after another, as one column, and
/// for each element the row it belongs to. Rows of one table (a learner's
/// results) are bound as a column of row numbers; only other sources need
/// one value per element.
func elementsOf(_ sources: Column, type elementType: ValueType) -> (Column, [Int]) {
  if case .related(let related) = sources {
    let (rows, owners) = related.flattened()
    return (.records(related.table, rows), owners)
  }
  let values = sources.valueArray
  var sharedTable: TableData?
  var allFromOneTable = true
  for value in values {
    switch value {
    case .list: allFromOneTable = false
    case .table(let table):
      if sharedTable == nil { sharedTable = table.data }
      if sharedTable !== table.data { allFromOneTable = false }
    default: continue
    }
  }
  var owners: [Int] = []
  var elements: [Value] = []
  var tableRows: [Int] = []
  for (row, value) in values.enumerated() {
    switch value {
    case .list(let items):
      owners.append(contentsOf: repeatElement(row, count: items.count))
      elements.append(contentsOf: items)
    case .table(let table):
      owners.append(contentsOf: repeatElement(row, count: table.rows.count))
      if allFromOneTable {
        tableRows.append(contentsOf: table.rows)
      } else {
        elements.append(contentsOf: table.rows.map { .record(table.data, $0) })
      }
    default:
      continue
    }
  }
  if allFromOneTable, let sharedTable { return (.records(sharedTable, tableRows), owners) }
  return (Column(elements, type: elementType), owners)
}

/// `sum`, `mean` and `count` of numbers straight into a column of numbers,
/// adding in the elements' order as `summarise` does; nil for anything else.
func summariseNumbers(
  _ function: BuiltinFunction, _ values: Column, _ owners: [Int], count: Int
) -> Column? {
  guard [.sum, .mean, .count].contains(function),
    case .numbers(let numbers, let present) = values
  else { return nil }
  var sums = [Double](repeating: 0, count: count)
  var counts = [Int](repeating: 0, count: count)
  for (offset, owner) in owners.enumerated() where present?[offset] ?? true {
    sums[owner] += numbers[offset]
    counts[owner] += 1
  }
  switch function {
  case .sum: return .numbers(sums, present: nil)
  case .count: return .numbers(counts.map(Double.init), present: nil)
  default:
    let means = zip(sums, counts).map { $1 == 0 ? 0 : $0 / Double($1) }
    let known = counts.map { $0 > 0 }
    return .numbers(means, present: known.allSatisfy { $0 } ? nil : known)
  }
}

/// The value of `function` over the present values of one row's elements.
func summarise(_ function: BuiltinFunction, _ values: [Value]) -> Value {
  switch function {
  case .all: return .boolean(!values.contains(.boolean(false)))
  case .any: return .boolean(values.contains(.boolean(true)))
  default: return aggregate(function, values)
  }
}
