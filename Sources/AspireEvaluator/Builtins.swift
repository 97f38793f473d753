import AspireLanguage
import AspireModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Evaluator {
  func compileBuiltin(
    _ function: BuiltinFunction, _ kernels: [Kernel], type: ValueType, range: SourceRange
  ) -> Kernel {
    if [.abs, .floor, .ceil].contains(function) {
      let operation: (Double) -> Double =
        function == .abs
        ? { Swift.abs($0) }
        : function == .floor
          ? { $0.rounded(.down) }
          : { $0.rounded(.up) }
      return { frame in
        let (numbers, present) = try kernels[0](&frame).numbers
        return .numbers(numbers.map(operation), present: present)
      }
    }
    return { [unowned self] frame in
      let argumentColumns = try kernels.map { try $0(&frame) }
      if let column = columnBuiltin(function, argumentColumns) { return column }
      let columns = argumentColumns.map(\.valueArray)
      var values = [Value](repeating: .missing, count: frame.count)
      // One buffer for every row's arguments, not an array a row.
      var arguments = [Value](repeating: .missing, count: columns.count)
      for row in 0..<frame.count {
        // Long runs of rows look out for Ctrl-C now and then.
        if row & 0xFFFF == 0xFFFF { try self.checkCancelled(range) }
        for index in columns.indices { arguments[index] = columns[index][row] }
        values[row] = try callBuiltin(function, arguments, range: range)
      }
      return Column(values, type: type)
    }
  }
}

/// The mean of `values`, nil when it is out of range. The sum is divided
/// once, as a spreadsheet does; only when the sum itself overflows are the
/// values divided first, so that a mean which fits is still found.
func meanOf(_ values: [Double]) -> Double? {
  let count = Double(values.count)
  var mean = values.reduce(0, +) / count
  if !mean.isFinite { mean = values.reduce(0) { $0 + $1 / count } }
  return mean.isFinite ? mean : nil
}

/// The number halfway between `low` and `high`: their sum halved where it
/// fits (halving first would lose the smallest numbers), else each halved.
func midpoint(_ low: Double, _ high: Double) -> Double {
  let sum = low + high
  return sum.isFinite ? sum / 2 : low / 2 + high / 2
}

/// A call over whole columns, for the functions and column kinds that have a
/// kernel of their own; nil for the rest, which go one row at a time. None of
/// these can fail, so they never need to stop at a row.
func columnBuiltin(_ function: BuiltinFunction, _ arguments: [Column]) -> Column? {
  switch (function, arguments.first) {
  case (.points, .grades(let grades)?):
    return grades.points()
  case (.top, .levels(let levels)?), (.bottom, .levels(let levels)?):
    return .grades(GradeColumn.bound(of: levels, highest: function == .top))
  case (.grade, .numbers(let points, let present)?):
    guard let levels = arguments[1].levelArray else { return nil }
    return .grades(GradeColumn.nearest(points, present, levels: levels))
  case (.known, let column?):
    return .booleans(column.missingFlags.map { !$0 }, present: nil)
  case (.min, .grades?), (.max, .grades?):
    // One argument that is a list goes one row at a time; grades are never lists.
    let columns = arguments.compactMap(\.gradeColumn)
    guard columns.count == arguments.count else { return nil }
    return GradeColumn.extreme(of: columns, highest: function == .max).map(Column.grades)
  case (.min, .numbers?), (.max, .numbers?):
    return extremeNumbers(arguments, highest: function == .max)
  default:
    return nil
  }
}

/// The lowest or highest present number of each row across the columns, as
/// `min` and `max` choose; nil unless every column holds numbers.
func extremeNumbers(_ columns: [Column], highest: Bool) -> Column? {
  var parts: [([Double], [Bool]?)] = []
  for column in columns {
    guard case .numbers(let numbers, let present) = column else { return nil }
    parts.append((numbers, present))
  }
  guard var (best, known) = parts.first else { return nil }
  for (numbers, present) in parts.dropFirst() {
    for row in best.indices where present?[row] ?? true {
      guard known?[row] ?? true else {
        best[row] = numbers[row]
        known![row] = true
        continue
      }
      // compareValues's order: anything neither below nor equal counts as above.
      let x = numbers[row]
      let y = best[row]
      let order = x < y ? -1 : (x == y ? 0 : 1)
      if highest ? order > 0 : order < 0 { best[row] = x }
    }
  }
  return .numbers(best, present: known)
}

/// One call of a built-in function on one row's arguments.
func callBuiltin(_ function: BuiltinFunction, _ arguments: [Value], range: SourceRange) throws
  -> Value
{
  func fail(_ message: String) -> RuntimeError { RuntimeError(message: message, range: range) }
  func numbers(_ value: Value) -> [Double] {
    guard case .list(let items) = value else { return [] }
    return items.compactMap { if case .number(let n) = $0 { return n } else { return nil } }
  }
  switch function {
  case .min, .max:
    var candidates = arguments
    if arguments.count == 1, case .list(let items) = arguments[0] {
      guard !items.isEmpty else { throw fail("\(function.rawValue) of an empty list") }
      candidates = items
    }
    return extreme(smallest: function == .min, of: candidates)
  case .abs, .floor, .ceil:
    guard case .number(let x) = arguments[0] else { return .missing }
    return .number(
      function == .abs ? Swift.abs(x) : function == .floor ? x.rounded(.down) : x.rounded(.up))
  case .round:
    guard case .number(let x) = arguments[0] else { return .missing }
    var digits = 0.0
    if arguments.count == 2 {
      guard case .number(let d) = arguments[1] else { return .missing }
      digits = d
    }
    guard digits == digits.rounded(), (-15...15).contains(digits) else {
      throw fail("round's digits must be a whole number from -15 to 15")
    }
    // The largest numbers round up past the largest double at 15 digits.
    let rounded = roundAsPrinted(x, digits: Int(digits))
    guard rounded.isFinite else { throw fail("number out of range") }
    return .number(rounded)
  case .clamp:
    if arguments.contains(where: \.isMissing) { return .missing }
    // Grades of two scales cannot be ordered: like a comparison of them, the
    // answer is missing.
    guard let bounds = compareValues(arguments[1], arguments[2]),
      let belowLow = compareValues(arguments[0], arguments[1]),
      let aboveHigh = compareValues(arguments[0], arguments[2])
    else { return .missing }
    guard bounds <= 0 else {
      throw fail(
        "clamp's low bound \(ValuePrinter.element(arguments[1])) is above its high bound "
          + ValuePrinter.element(arguments[2]))
    }
    if belowLow < 0 { return arguments[1] }
    if aboveHigh > 0 { return arguments[2] }
    return arguments[0]
  case .sum:
    let sum = numbers(arguments[0]).reduce(0, +)
    guard sum.isFinite else { throw fail("number out of range") }
    return .number(sum)
  case .count:
    if case .table(let table) = arguments[0] { return .number(Double(table.rows.count)) }
    guard case .list(let items) = arguments[0] else { return .number(0) }
    return .number(Double(items.filter { !$0.isMissing }.count))
  case .mean:
    let values = numbers(arguments[0])
    guard !values.isEmpty else { throw fail("mean of an empty list") }
    guard let mean = meanOf(values) else { throw fail("number out of range") }
    return .number(mean)
  case .median:
    let values = numbers(arguments[0]).sorted()
    guard !values.isEmpty else { throw fail("median of an empty list") }
    let middle = values.count / 2
    if values.count % 2 == 1 { return .number(values[middle]) }
    return .number(midpoint(values[middle - 1], values[middle]))
  case .all, .any:
    guard case .list(let items) = arguments[0] else { return .missing }
    let flags = items.compactMap { item -> Bool? in
      if case .boolean(let flag) = item { return flag }
      return nil
    }
    return .boolean(function == .all ? !flags.contains(false) : flags.contains(true))
  case .length:
    guard case .text(let text) = arguments[0] else { return .missing }
    return .number(Double(text.count))
  case .upper, .lower:
    guard case .text(let text) = arguments[0] else { return .missing }
    return .text(function == .upper ? text.uppercased() : text.lowercased())
  case .year, .month, .day, .weekday:
    guard case .date(let date) = arguments[0] else { return .missing }
    let (year, month, day) = date.components
    let part =
      switch function {
      case .year: year
      case .month: month
      case .day: day
      default: date.weekday
      }
    return .number(Double(part))
  case .points:
    guard case .grade(let grade) = arguments[0] else { return .missing }
    return .number(grade.points)
  case .known:
    return .boolean(!arguments[0].isMissing)
  case .top, .bottom:
    guard case .level(let level) = arguments[0] else { return .missing }
    return .grade(function == .top ? level.scale.highest : level.scale.lowest)
  case .grade:
    guard case .number(let points) = arguments[0], case .level(let level) = arguments[1] else {
      return .missing
    }
    return .grade(level.scale.grade(nearest: points))
  }
}

/// Rounds the decimal that `x` prints as (15 significant digits) to `digits`
/// places, half away from zero, as a spreadsheet does: 2.675 → 2.68.
public func roundAsPrinted(_ x: Double, digits: Int) -> Double {
  guard x != 0, x.isFinite else { return x }
  // "d.dddddddddddddde±XX": 15 significant digits and a decimal exponent.
  var buffer = [CChar](repeating: 0, count: 48)
  let length = withVaList([Swift.abs(x)]) { vsnprintf(&buffer, buffer.count, "%.14e", $0) }
  let text = String(decoding: buffer[0..<Int(length)].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  let parts = text.split(separator: "e")
  let mantissa = parts[0].filter { $0 != "." }.map { Int($0.asciiValue! - 48) }
  let exponent = Int(parts[1])!
  // Keep the digits down to 10^-digits: that is `kept` significant digits.
  let kept = exponent + 1 + digits
  let sign = x < 0 ? -1.0 : 1.0
  if kept >= mantissa.count { return sign * Double(String(text))! }
  if kept < 0 { return 0 * sign }
  var whole = 0
  for digit in mantissa.prefix(kept) { whole = whole * 10 + digit }
  if mantissa[kept] >= 5 { whole += 1 }
  return sign * Double("\(whole)e\(-digits)")!
}
