import AspireLanguage
import AspireModel

extension Evaluator {
  func compileComparison(
    _ comparison: Comparison, _ leftKernel: @escaping Kernel, _ rightKernel: @escaping Kernel
  ) -> Kernel {
    return { frame in
      let a = try leftKernel(&frame)
      let b = try rightKernel(&frame)
      if case .numbers(let x, let xPresent) = a, case .numbers(let y, let yPresent) = b {
        var flags = [Bool](repeating: false, count: x.count)
        switch comparison {
        case .equal: for i in x.indices { flags[i] = x[i] == y[i] }
        case .notEqual: for i in x.indices { flags[i] = x[i] != y[i] }
        case .less: for i in x.indices { flags[i] = x[i] < y[i] }
        case .lessOrEqual: for i in x.indices { flags[i] = x[i] <= y[i] }
        case .greater: for i in x.indices { flags[i] = x[i] > y[i] }
        case .greaterOrEqual: for i in x.indices { flags[i] = x[i] >= y[i] }
        }
        return .booleans(flags, present: joinedPresence(xPresent, yPresent))
      }
      if case .levels(let x) = a, case .levels(let y) = b {
        return compareLevels(comparison, x, y)
      }
      if let orders = orderOfColumns(a, b) {
        return comparisonFlags(comparison, orders)
      }
      let left = a.valueArray
      let right = b.valueArray
      let orders = (0..<frame.count).map { row in
        compareValues(left[row], right[row]).map(Int8.init)
      }
      return comparisonFlags(comparison, orders)
    }
  }
}

/// For each row, -1, 0 or 1 as the left grade or level comes before, with or
/// after the right, as `compareValues` orders them; nil for other columns.
func orderOfColumns(_ a: Column, _ b: Column) -> [Int8?]? {
  switch (a, b) {
  case (.grades(let x), .grades(let y)): return x.order(against: y)
  case (.levels(let x), .levels(let y)): return levelOrder(x, y)
  default: return nil
  }
}

/// A comparison of two columns of levels, row by row; missing where either is.
func compareLevels(_ comparison: Comparison, _ x: [Level?], _ y: [Level?]) -> Column {
  var anyMissing = false
  let flags = [Bool](count: x.count, filledWith: false) { flags in
    for row in 0..<flags.count {
      guard let a = x[row], let b = y[row] else {
        anyMissing = true
        continue
      }
      switch comparison {
      case .equal: flags[row] = a == b
      case .notEqual: flags[row] = a != b
      case .less: flags[row] = a < b
      case .lessOrEqual: flags[row] = a <= b
      case .greater: flags[row] = a > b
      case .greaterOrEqual: flags[row] = a >= b
      }
    }
  }
  return .booleans(flags, present: anyMissing ? zip(x, y).map { $0 != nil && $1 != nil } : nil)
}

/// A comparison's flags from each row's order; missing where there is none.
func comparisonFlags(_ comparison: Comparison, _ orders: [Int8?]) -> Column {
  var flags = [Bool](repeating: false, count: orders.count)
  var present: [Bool]?
  for (row, order) in orders.enumerated() {
    guard let order else {
      if present == nil { present = Array(repeating: true, count: orders.count) }
      present![row] = false
      continue
    }
    switch comparison {
    case .equal: flags[row] = order == 0
    case .notEqual: flags[row] = order != 0
    case .less: flags[row] = order < 0
    case .lessOrEqual: flags[row] = order <= 0
    case .greater: flags[row] = order > 0
    case .greaterOrEqual: flags[row] = order >= 0
    }
  }
  return .booleans(flags, present: present)
}

/// -1, 0 or 1 as `a` comes before, with or after `b`; nil if either is missing.
/// Texts are equal when canonically equivalent, as Swift's strings are.
public func compareValues(_ a: Value, _ b: Value) -> Int? {
  func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
  switch (a, b) {
  case (.number(let x), .number(let y)): return order(x, y)
  case (.text(let x), .text(let y)): return order(x, y)
  case (.boolean(let x), .boolean(let y)): return x == y ? 0 : (x ? 1 : -1)
  case (.date(let x), .date(let y)): return order(x, y)
  case (.grade(let x), .grade(let y)): return x.scale == y.scale ? order(x.rank, y.rank) : nil
  case (.stage(let x), .stage(let y)): return order(x, y)
  case (.level(let x), .level(let y)): return order(x, y)
  case (.status(let x), .status(let y)): return order(x, y)
  default: return nil
  }
}

/// An order of any two present values, for sorting and grouping, where the
/// same rows must always come out in the same order: `compareValues` where
/// it answers; grades of two scales by the scale's name, so that each
/// scale's grades stay together (curriculum levels, then N3 and N4 pass and
/// fail, then SQA's); rows of one table by their place in it; values of
/// different kinds by kind.
func sortingOrder(_ a: Value, _ b: Value) -> Int {
  if let order = compareValues(a, b) { return order }
  func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
  switch (a, b) {
  case (.grade(let x), .grade(let y)):
    return order(x.scale.name, y.scale.name)
  case (.record(_, let x), .record(_, let y)):
    return order(x, y)
  default:
    return order(kindRank(a), kindRank(b))
  }
}

/// Where a value's kind sorts among the kinds, for `sortingOrder`.
private func kindRank(_ value: Value) -> Int {
  switch value {
  case .number: 0
  case .text: 1
  case .boolean: 2
  case .date: 3
  case .grade: 4
  case .stage: 5
  case .level: 6
  case .status: 7
  case .list: 8
  case .record: 9
  case .table: 10
  case .missing: 11
  }
}

/// The smallest (or largest) of the present `values`, missing when there is
/// none. Grades of two scales have no order, so neither is the larger: then
/// the answer is missing too, whichever order the values come in.
func extreme(smallest: Bool, of values: [Value]) -> Value {
  var best: Value?
  for value in values where !value.isMissing {
    guard let current = best else {
      best = value
      continue
    }
    guard let order = compareValues(value, current) else { return .missing }
    if smallest ? order < 0 : order > 0 { best = value }
  }
  return best ?? .missing
}
