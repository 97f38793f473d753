import AspireLanguage
import AspireModel

extension Evaluator {
  /// Arithmetic on the two operands' columns; `right`, the right operand,
  /// says when it is a constant number.
  func compileArithmetic(
    _ operation: Arithmetic, _ leftKernel: @escaping Kernel, _ rightKernel: @escaping Kernel,
    constant right: TypedExpression, type: ValueType, range: SourceRange
  ) -> Kernel {
    switch operation {
    case .add, .subtract, .multiply, .divide:
      if case .constant(.number(let constant)) = right.kind {
        return { frame in
          let (numbers, present) = try leftKernel(&frame).numbers
          return try numberKernel(operation, numbers, present, constant, range: range)
        }
      }
      return { frame in
        let (x, xPresent) = try leftKernel(&frame).numbers
        let (y, yPresent) = try rightKernel(&frame).numbers
        return try numberKernel(operation, x, xPresent, y, yPresent, range: range)
      }
    default:
      return { frame in
        let left = try leftKernel(&frame)
        let right = try rightKernel(&frame)
        if let column = try gradeArithmetic(operation, left, right, range: range) {
          return column
        }
        let a = left.valueArray
        let b = right.valueArray
        var values = [Value](repeating: .missing, count: frame.count)
        for row in 0..<frame.count {
          values[row] = try combine(operation, a[row], b[row], range: range)
        }
        return Column(values, type: type)
      }
    }
  }
}

/// Grade steps over whole columns of grades and numbers; nil for other
/// operations and column kinds, which go one row at a time.
func gradeArithmetic(_ operation: Arithmetic, _ left: Column, _ right: Column, range: SourceRange)
  throws -> Column?
{
  switch (operation, left, right) {
  case (.gradeAddSteps, .grades(let grades), .numbers(let steps, let present)):
    return .grades(try grades.moved(by: steps, present, sign: 1, range: range))
  case (.gradeSubtractSteps, .grades(let grades), .numbers(let steps, let present)):
    return .grades(try grades.moved(by: steps, present, sign: -1, range: range))
  case (.stepsAddGrade, .numbers(let steps, let present), .grades(let grades)):
    return .grades(try grades.moved(by: steps, present, sign: 1, range: range))
  case (.stepsBetween, .grades(let x), .grades(let y)):
    return x.steps(from: y)
  default:
    return nil
  }
}

/// Both operands present in a row only where both masks say so.
func joinedPresence(_ a: [Bool]?, _ b: [Bool]?) -> [Bool]? {
  guard let a else { return b }
  guard let b else { return a }
  return zip(a, b).map { $0 && $1 }
}

/// Number arithmetic over two columns.
func numberKernel(
  _ operation: Arithmetic, _ x: [Double], _ xPresent: [Bool]?, _ y: [Double],
  _ yPresent: [Bool]?, range: SourceRange
) throws -> Column {
  let present = joinedPresence(xPresent, yPresent)
  var result = [Double](repeating: 0, count: x.count)
  switch operation {
  case .add: for i in x.indices { result[i] = x[i] + y[i] }
  case .subtract: for i in x.indices { result[i] = x[i] - y[i] }
  case .multiply: for i in x.indices { result[i] = x[i] * y[i] }
  default:
    for i in x.indices {
      if y[i] == 0 && present?[i] != false {
        throw RuntimeError(message: "division by zero", range: range)
      }
      result[i] = x[i] / y[i]
    }
  }
  try checkFinite(result, present, range: range)
  return .numbers(result, present: present)
}

/// Number arithmetic of a column with a constant.
func numberKernel(
  _ operation: Arithmetic, _ x: [Double], _ present: [Bool]?, _ constant: Double,
  range: SourceRange
) throws -> Column {
  if operation == .divide && constant == 0 && present?.contains(true) ?? !x.isEmpty {
    throw RuntimeError(message: "division by zero", range: range)
  }
  let result: [Double]
  switch operation {
  case .add: result = x.map { $0 + constant }
  case .subtract: result = x.map { $0 - constant }
  case .multiply: result = x.map { $0 * constant }
  default: result = x.map { $0 / constant }
  }
  try checkFinite(result, present, range: range)
  return .numbers(result, present: present)
}

/// A result that overflowed or is not a number is an error, never a value.
func checkFinite(_ numbers: [Double], _ present: [Bool]?, range: SourceRange) throws {
  var allFinite = true
  for number in numbers where !number.isFinite { allFinite = false }
  if allFinite { return }
  for (row, number) in numbers.enumerated() where !number.isFinite && present?[row] != false {
    throw RuntimeError(message: "number out of range", range: range)
  }
}

/// Arithmetic on dates, grades and texts, one row at a time.
func combine(_ operation: Arithmetic, _ a: Value, _ b: Value, range: SourceRange) throws -> Value
{
  if a.isMissing || b.isMissing { return .missing }
  func whole(_ value: Value, _ what: String) throws -> Int {
    guard case .number(let number) = value, number.isFinite, number == number.rounded() else {
      throw RuntimeError(message: "\(what) must be a whole number", range: range)
    }
    // A billion days is past every date, and a billion steps past the end of
    // every scale, so larger counts give the same answer as a billion.
    return Int(min(max(number, -1e9), 1e9))
  }
  switch (operation, a, b) {
  case (.join, .text(let x), .text(let y)):
    return .text(x + y)
  case (.dateAddDays, .date(let date), _):
    return try checkedDate(date.adding(days: whole(b, "a number of days")), range)
  case (.daysAddDate, _, .date(let date)):
    return try checkedDate(date.adding(days: whole(a, "a number of days")), range)
  case (.dateSubtractDays, .date(let date), _):
    return try checkedDate(date.adding(days: -whole(b, "a number of days")), range)
  case (.daysBetween, .date(let x), .date(let y)):
    return .number(Double(x.dayNumber - y.dayNumber))
  case (.gradeAddSteps, .grade(let grade), _):
    return .grade(grade.moved(by: try whole(b, "a number of grade steps")))
  case (.stepsAddGrade, _, .grade(let grade)):
    return .grade(grade.moved(by: try whole(a, "a number of grade steps")))
  case (.gradeSubtractSteps, .grade(let grade), _):
    return .grade(grade.moved(by: -(try whole(b, "a number of grade steps"))))
  case (.stepsBetween, .grade(let x), .grade(let y)):
    // Grades on different scales (an N4 pass beside an N5 grade) have no steps between them.
    return x.scale == y.scale ? .number(Double(x.rank - y.rank)) : .missing
  default:
    preconditionFailure("arithmetic \(operation) on \(a) and \(b)")
  }
}

func checkedDate(_ date: CalendarDate, _ range: SourceRange) throws -> Value {
  guard (1...9999).contains(date.components.year) else {
    throw RuntimeError(message: "date out of range", range: range)
  }
  return .date(date)
}
