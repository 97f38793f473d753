import AspireLanguage
import AspireModel

extension Evaluator {
  func compileTable(_ entity: Entity, _ selector: TypedExpression?, range: SourceRange) -> Kernel {
    let selectorKernel = selector.map(compile)
    return { [unowned self] frame in
      let value = try selectorKernel.map { try $0(&frame).value(at: 0) }
      guard let source = self.dataSource else {
        throw RuntimeError(
          message: "\(entity.rawValue) needs a store, and there is none here", range: range)
      }
      do {
        let data = try self.shared.withLock { try source.table(entity, selector: value) }
        // Loading a national table takes seconds: a Ctrl-C meanwhile stops here.
        try self.checkCancelled(range)
        return Column(repeating: .table(TableValue(all: data)), count: frame.count)
      } catch let error as DataSourceError {
        throw RuntimeError(message: error.message, range: range)
      }
    }
  }

  func compileField(_ baseKernel: @escaping Kernel, _ type: ValueType, _ index: Int) -> Kernel {
    return { [unowned self] frame in
      switch try baseKernel(&frame) {
      case .records(let table, let rows):
        return Evaluator.field(index, of: table, rows, in: frame.reads)
      case let other:
        var values = [Value](repeating: .missing, count: other.count)
        for row in 0..<other.count {
          if case .record(let table, let index2) = other.value(at: row) {
            values[row] = table.value(index, at: index2)
          }
        }
        return Column(values, type: type)
      }
    }
  }

  /// A field of some rows of a table, gathered once in an evaluation for
  /// each array of rows: a formula reads `e.level` in several places, and a
  /// function called with `e` reads the same rows again. Rows that follow one
  /// another read a slice of the column, and a whole table in order reads the
  /// table's own column, with no copy.
  static func field(_ index: Int, of table: TableData, _ rows: [Int], in reads: FieldReads?)
    -> Column
  {
    let storage = rows.withUnsafeBufferPointer { $0.baseAddress }
    guard !rows.isEmpty, let storage, let reads else {
      return table.columns[index].gatheredAllowingMissing(rows)
    }
    let key = FieldKey(table: ObjectIdentifier(table), field: index, rows: storage)
    if let known = reads.columns[key] { return known.column }
    if reads.runs[storage] == nil {
      let first = rows[0]
      let follow = first >= 0 && rows.indices.allSatisfy { rows[$0] == first + $0 }
      reads.runs[storage] = (rows, follow ? first : nil)
    }
    let column: Column
    if let first = reads.runs[storage]!.first {
      // Rows one after another, as a whole table or a chunk of one gives them.
      column =
        rows.count == table.count
        ? table.columns[index] : table.columns[index].sliced(first..<(first + rows.count))
    } else {
      column = table.columns[index].gatheredAllowingMissing(rows)
    }
    reads.columns[key] = FieldRead(table: table, rows: rows, column: column)
    return column
  }

  func fieldType(_ base: TypedExpression, _ index: Int) -> ValueType {
    guard case .record(let record) = base.type.present else { return .error }
    return record.fields[index].type
  }

  func compileQuery(_ base: TypedExpression, _ stage: TypedQueryStage, range: SourceRange)
    -> Kernel
  {
    let baseKernel = compile(base)
    let apply = compileStage(stage)
    return { [unowned self] frame in
      let tables = try baseKernel(&frame)
      try self.checkCancelled(range)
      var results = [Value](repeating: .missing, count: frame.count)
      for row in 0..<frame.count {
        guard case .table(let table) = tables.value(at: row) else { continue }
        results[row] = .table(try apply(table, &frame, row))
      }
      return .values(results)
    }
  }

  /// A step's work on one table, for the outer frame's row `row`.
  typealias StageKernel = (TableValue, inout Frame, Int) throws -> TableValue

  func compileStage(_ stage: TypedQueryStage) -> StageKernel {
    switch stage {
    case .filter(let slot, let condition):
      let kernel = compile(condition)
      return { table, frame, row in
        var inner = rowFrame(frame, row, table, slot)
        let (flags, present) = try kernel(&inner).booleans
        let kept = table.rows.indices.filter { flags[$0] && present?[$0] != false }
        return TableValue(data: table.data, rows: kept.map { table.rows[$0] })
      }
    case .sort(let slot, let keys, let descending):
      let kernels = keys.map(compile)
      return { table, frame, row in
        var inner = rowFrame(frame, row, table, slot)
        let columns = try kernels.map { try $0(&inner) }
        let order = table.rows.indices.sorted { a, b in
          for (column, isDescending) in zip(columns, descending) {
            let x = column.value(at: a)
            let y = column.value(at: b)
            // Missing values sort last, whichever the direction.
            if x.isMissing != y.isMissing { return y.isMissing }
            if x.isMissing { continue }
            let comparison = sortingOrder(x, y)
            if comparison == 0 { continue }
            return isDescending ? comparison > 0 : comparison < 0
          }
          return a < b
        }
        return TableValue(data: table.data, rows: order.map { table.rows[$0] })
      }
    case .show(let slot, let items, let record):
      let kernels = items.map(compile)
      return { table, frame, row in
        var inner = rowFrame(frame, row, table, slot)
        let columns = try kernels.map { try $0(&inner) }
        let data = TableData(record: record, count: table.rows.count, columns: columns)
        return TableValue(all: data)
      }
    case .group(let slot, let keys, let record):
      let kernels = keys.map(compile)
      return { table, frame, row in
        var inner = rowFrame(frame, row, table, slot)
        let columns = try kernels.map { try $0(&inner) }
        var groups: [[Value]: [Int]] = [:]
        // Keys in the order first met, so that keys the order cannot tell
        // apart still come out the same way every run.
        var firstMet: [[Value]] = []
        for index in table.rows.indices {
          let key = columns.map { $0.value(at: index) }
          if groups[key] == nil { firstMet.append(key) }
          groups[key, default: []].append(index)
        }
        let ordered = firstMet.enumerated().sorted { a, b in
          for (x, y) in zip(a.element, b.element) {
            if x.isMissing != y.isMissing { return y.isMissing }
            if x.isMissing { continue }
            let comparison = sortingOrder(x, y)
            if comparison != 0 { return comparison < 0 }
          }
          return a.offset < b.offset
        }.map(\.element)
        var groupColumns: [Column] = columns.indices.map { key in
          Column(ordered.map { $0[key] }, type: record.fields[key].type)
        }
        groupColumns.append(
          .values(
            ordered.map { key in
              .table(TableValue(data: table.data, rows: groups[key]!.map { table.rows[$0] }))
            }))
        return TableValue(
          all: TableData(record: record, count: ordered.count, columns: groupColumns))
      }
    case .limit(let count):
      let kernel = compile(count)
      return { table, frame, row in
        guard case .number(let limit) = try kernel(&frame).value(at: row) else { return table }
        guard limit >= 0, limit == limit.rounded() else {
          throw RuntimeError(
            message: "a limit must be a whole number, 0 or more", range: count.range)
        }
        return TableValue(data: table.data, rows: Array(table.rows.prefix(Int(min(limit, 1e9)))))
      }
    }
  }

  /// `count()`, `mean(x)` and the others over each group's rows. The argument
  /// runs once over the rows of every group together, then is split by group.
  func compileAggregate(
    _ function: BuiltinFunction, rows: TypedExpression, memberSlot: Int,
    argument: TypedExpression?, type: ValueType, range: SourceRange
  ) -> Kernel {
    let rowsKernel = compile(rows)
    let argumentKernel = argument.map(compile)
    return { frame in
      let groups = try rowsKernel(&frame)
      var members: [TableValue] = []
      for group in 0..<frame.count {
        guard case .table(let table) = groups.value(at: group) else { return .values([]) }
        members.append(table)
      }
      guard let argumentKernel, let first = members.first else {
        return .numbers(members.map { Double($0.rows.count) }, present: nil)
      }
      var owners: [Int] = []
      var allRows: [Int] = []
      for (group, table) in members.enumerated() {
        owners.append(contentsOf: repeatElement(group, count: table.rows.count))
        allRows.append(contentsOf: table.rows)
      }
      var inner = frame.gathered(owners)
      inner.slots[memberSlot] = .records(first.data, allRows)
      let values = try argumentKernel(&inner)
      var results = [Value](repeating: .missing, count: frame.count)
      var start = 0
      for (group, table) in members.enumerated() {
        let slice = (start..<(start + table.rows.count)).map(values.value(at:))
        start += table.rows.count
        results[group] = try aggregate(function, slice.filter { !$0.isMissing }, range: range)
      }
      return Column(results, type: type)
    }
  }
}

/// The value of an aggregate over one group's present values; a sum or mean
/// beyond the largest number is the error `number out of range` at `range`.
func aggregate(_ function: BuiltinFunction, _ values: [Value], range: SourceRange) throws
  -> Value
{
  let numbers = values.compactMap { value -> Double? in
    if case .number(let number) = value { return number }
    return nil
  }
  let outOfRange = RuntimeError(message: "number out of range", range: range)
  switch function {
  case .count: return .number(Double(values.count))
  case .sum:
    let sum = numbers.reduce(0, +)
    guard sum.isFinite else { throw outOfRange }
    return .number(sum)
  case .mean:
    guard !numbers.isEmpty else { return .missing }
    guard let mean = meanOf(numbers) else { throw outOfRange }
    return .number(mean)
  case .median:
    guard !numbers.isEmpty else { return .missing }
    let sorted = numbers.sorted()
    let middle = sorted.count / 2
    return .number(
      sorted.count % 2 == 1 ? sorted[middle] : midpoint(sorted[middle - 1], sorted[middle]))
  case .min, .max:
    return extreme(smallest: function == .min, of: values)
  default: return .missing
  }
}

/// A frame over a table's rows: the row bound to `slot`, and every other slot
/// of the outer frame's row `row` repeated for each of them.
func rowFrame(_ frame: Frame, _ row: Int, _ table: TableValue, _ slot: Int) -> Frame {
  var inner = frame.gathered(Array(repeating: row, count: table.rows.count))
  inner.slots[slot] = .records(table.data, table.rows)
  return inner
}

/// Which field of which rows of a table: the rows by where their array is
/// stored, which stays theirs while the cache holds them.
struct FieldKey: Hashable {
  var table: ObjectIdentifier
  var field: Int
  var rows: UnsafePointer<Int>
}

/// A field read, with the table and rows it was read from, kept alive so
/// that no other array of rows can be stored where these are.
struct FieldRead {
  var table: TableData
  var rows: [Int]
  var column: Column
}
