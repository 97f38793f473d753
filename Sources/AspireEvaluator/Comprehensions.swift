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
      let relationship = try shared.withLock { try source.related(relation, of: parent) }
      // Matching a national table's rows takes a while: a Ctrl-C stops here.
      try checkCancelled(range)
      return relationship
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
      var (elements, bounds) = elementsOf(try sourceKernel(&frame), type: elementType)
      // Each element's row is needed only for the outer slots it reads.
      var owners = innerSlots.isEmpty ? [] : ownersOf(bounds)
      var inner = frame.gathered(owners, slots: innerSlots)
      inner.count = bounds.last ?? 0
      inner.slots[slot] = elements
      if let conditionKernel {
        let (flags, present) = try self.inChunks(conditionKernel, &inner, type: .boolean).booleans
        let kept = flags.indices.filter { flags[$0] && present?[$0] != false }
        if kept.count < inner.count {
          inner = inner.gathered(kept, slots: innerSlots + [slot])
          if !owners.isEmpty { owners = kept.map { owners[$0] } }
          bounds = boundsKeeping(kept, of: bounds)
        }
      }
      let values =
        try bodyKernel.map { try self.inChunks($0, &inner, type: body!.type) } ?? inner.slots[slot]!
      if let summed = summariseInSegments(function, values, bounds) { return summed }
      let groups = (0..<frame.count).map { row in
        (bounds[row]..<bounds[row + 1]).map(values.value(at:)).filter { !$0.isMissing }
      }
      return Column(try groups.map { try summarise(function, $0, range: range) }, type: type)
    }
  }
}

/// For each element, the row it belongs to, from where each row's start.
func ownersOf(_ bounds: [Int]) -> [Int] {
  var owners = [Int](repeating: 0, count: bounds.last ?? 0)
  for row in 0..<max(bounds.count - 1, 0) {
    for element in bounds[row]..<bounds[row + 1] { owners[element] = row }
  }
  return owners
}

/// The bounds of each row's elements once only those at `kept` (in order)
/// are left.
func boundsKeeping(_ kept: [Int], of bounds: [Int]) -> [Int] {
  var result = [0]
  result.reserveCapacity(bounds.count)
  var next = 0
  for row in 0..<max(bounds.count - 1, 0) {
    while next < kept.count && kept[next] < bounds[row + 1] { next += 1 }
    result.append(next)
  }
  return result
}

/// The elements of every row's source one after another, as one column, and
/// where each row's elements start (`bounds[row]..<bounds[row + 1]`). Rows of
/// one table (a learner's results) are bound as a column of row numbers;
/// only other sources need one value per element.
func elementsOf(_ sources: Column, type elementType: ValueType) -> (Column, [Int]) {
  if case .related(let related) = sources {
    let (rows, bounds) = related.flattened()
    return (.records(related.table, rows), bounds)
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
  var bounds = [0]
  var elements: [Value] = []
  var tableRows: [Int] = []
  for value in values {
    switch value {
    case .list(let items):
      elements.append(contentsOf: items)
    case .table(let table):
      if allFromOneTable {
        tableRows.append(contentsOf: table.rows)
      } else {
        elements.append(contentsOf: table.rows.map { .record(table.data, $0) })
      }
    default:
      break
    }
    bounds.append(allFromOneTable && sharedTable != nil ? tableRows.count : elements.count)
  }
  if allFromOneTable, let sharedTable { return (.records(sharedTable, tableRows), bounds) }
  return (Column(elements, type: elementType), bounds)
}

/// `sum`, `mean` and `count` of each row's elements (`bounds[row]..<bounds[row
/// + 1]` of `values`) straight into a column of numbers, adding in the
/// elements' order as `summarise` does; nil for other functions and values.
func summariseInSegments(_ function: BuiltinFunction, _ values: Column, _ bounds: [Int])
  -> Column?
{
  let count = bounds.count - 1
  if function == .count {
    // Present values of any kind.
    let missing = values.missingFlags
    return .numbers(
      (0..<count).map { row in
        Double((bounds[row]..<bounds[row + 1]).count { !missing[$0] })
      }, present: nil)
  }
  guard function == .sum || function == .mean, case .numbers(let numbers, let present) = values
  else { return nil }
  var sums = [Double](repeating: 0, count: count)
  var counts = [Int](repeating: 0, count: count)
  for row in 0..<count {
    var sum = 0.0
    var known = 0
    for element in bounds[row]..<bounds[row + 1] where present?[element] ?? true {
      sum += numbers[element]
      known += 1
    }
    sums[row] = sum
    counts[row] = known
  }
  // A sum past the largest number goes the general way, which reports it.
  guard sums.allSatisfy(\.isFinite) else { return nil }
  if function == .sum { return .numbers(sums, present: nil) }
  let means = zip(sums, counts).map { $1 == 0 ? 0 : $0 / Double($1) }
  let known = counts.map { $0 > 0 }
  return .numbers(means, present: known.allSatisfy { $0 } ? nil : known)
}

/// The value of `function` over the present values of one row's elements.
func summarise(_ function: BuiltinFunction, _ values: [Value], range: SourceRange) throws
  -> Value
{
  switch function {
  case .all: return .boolean(!values.contains(.boolean(false)))
  case .any: return .boolean(values.contains(.boolean(true)))
  default: return try aggregate(function, values, range: range)
  }
}
