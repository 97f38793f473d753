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
      var cache: [TableData: (TableData, [[Int]])] = [:]
      var values = [Value](repeating: .missing, count: records.count)
      for row in 0..<records.count {
        if case .table(let parents) = records.value(at: row) {
          if cache[parents.data] == nil {
            cache[parents.data] = try self.related(relation, of: parents.data, source, range)
          }
          let (child, rows) = cache[parents.data]!
          values[row] = .table(TableValue(data: child, rows: parents.rows.flatMap { rows[$0] }))
          continue
        }
        guard case .record(let parent, let index) = records.value(at: row) else { continue }
        if cache[parent] == nil {
          do {
            cache[parent] = try source.related(relation, of: parent)
          } catch let error as DataSourceError {
            throw RuntimeError(message: error.message, range: range)
          }
        }
        let (child, rows) = cache[parent]!
        values[row] = .table(TableValue(data: child, rows: rows[index]))
      }
      return .values(values)
    }
  }

  func related(_ relation: Relation, of parent: TableData, _ source: DataSource,
    _ range: SourceRange) throws -> (TableData, [[Int]])
  {
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
    _ condition: TypedExpression?, _ body: TypedExpression?, type: ValueType
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
    return { frame in
      let sources = try sourceKernel(&frame)
      var owners: [Int] = []
      var elements: [Value] = []
      var sharedTable: TableData?
      var tableRows: [Int] = []
      var allFromOneTable = true
      for row in 0..<frame.count {
        switch sources.value(at: row) {
        case .list(let items):
          owners.append(contentsOf: repeatElement(row, count: items.count))
          elements.append(contentsOf: items)
          allFromOneTable = false
        case .table(let table):
          owners.append(contentsOf: repeatElement(row, count: table.rows.count))
          if sharedTable == nil { sharedTable = table.data }
          if sharedTable !== table.data { allFromOneTable = false }
          tableRows.append(contentsOf: table.rows)
          elements.append(contentsOf: table.rows.map { .record(table.data, $0) })
        default:
          continue
        }
      }
      var inner = frame.gathered(owners)
      if allFromOneTable, let sharedTable {
        inner.slots[slot] = .records(sharedTable, tableRows)
      } else {
        inner.slots[slot] = Column(elements, type: elementType)
      }
      if let conditionKernel {
        let (flags, present) = try conditionKernel(&inner).booleans
        let kept = flags.indices.filter { flags[$0] && present?[$0] != false }
        if kept.count < owners.count {
          inner = inner.gathered(kept)
          owners = kept.map { owners[$0] }
        }
      }
      let values = try bodyKernel.map { try $0(&inner) } ?? inner.slots[slot]!
      var groups = [[Value]](repeating: [], count: frame.count)
      for (offset, owner) in owners.enumerated() {
        let value = values.value(at: offset)
        if !value.isMissing { groups[owner].append(value) }
      }
      return Column(groups.map { summarise(function, $0) }, type: type)
    }
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
