import AspireModel

/// The functions every script can call, with the rule that types their calls.
public enum BuiltinFunction: String, CaseIterable, Sendable {
  case min, max, abs, floor, ceil, round, clamp
  case sum, count, mean, median, all, any
  case length, upper, lower
  case year, month, day, weekday
  case points, top, bottom, grade, known

  /// Whether, in a query after `group by`, the function can sum up a group.
  public var isAggregate: Bool {
    [.count, .sum, .mean, .median, .min, .max].contains(self)
  }

  /// What a call needs, shown in errors and in `.help`.
  public var signature: String {
    switch self {
    case .min, .max: return "\(rawValue)(x, ...) or \(rawValue)(list)"
    case .abs, .floor, .ceil: return "\(rawValue)(number)"
    case .round: return "round(number) or round(number, digits)"
    case .clamp: return "clamp(x, low, high)"
    case .sum, .mean, .median: return "\(rawValue)(list of numbers)"
    case .count: return "count(list or table)"
    case .all, .any: return "\(rawValue)(list of booleans) or \(rawValue)(x in list: condition)"
    case .length, .upper, .lower: return "\(rawValue)(text)"
    case .year, .month, .day, .weekday: return "\(rawValue)(date)"
    case .points: return "points(grade)"
    case .top, .bottom: return "\(rawValue)(level)"
    case .known: return "known(value)"
    case .grade: return "grade(points, level)"
    }
  }

  /// The type of a call with these argument types, or an error message.
  func resultType(for arguments: [ValueType]) -> Result<ValueType, CallError> {
    let anyMissing = arguments.contains { $0.mayBeMissing }
    func scalar(_ input: ValueType, _ output: ValueType) -> Result<ValueType, CallError> {
      guard arguments.count == 1 else { return .failure(.arity(1)) }
      guard ValueType.unify(arguments[0].present, input) == input
        || arguments[0].present == .error || arguments[0] == .missing
      else { return .failure(.argument(0, expected: "\(input)")) }
      return .success(anyMissing ? output.orMissing : output)
    }
    switch self {
    case .min, .max:
      guard !arguments.isEmpty else { return .failure(.arity(1)) }
      if arguments.count == 1, case .list(let element) = arguments[0].present {
        guard element.isOrdered || element == .unknown || element.present == .error
          || element == .missing
        else {
          return .failure(.argument(0, expected: "a list of numbers, dates or grades"))
        }
        return .success(element == .unknown ? .number : element)
      }
      var shared = ValueType.unknown
      for (index, argument) in arguments.enumerated() {
        guard let joined = ValueType.unify(shared, argument) else {
          return .failure(.argument(index, expected: "\(shared.present), as the others"))
        }
        shared = joined
      }
      guard shared.isOrdered || shared.present == .error || shared == .missing else {
        return .failure(.argument(0, expected: "numbers, dates or grades"))
      }
      // Missing values are skipped: the result is missing only if all are.
      let allMissing = arguments.allSatisfy { $0.mayBeMissing }
      return .success(allMissing ? shared.orMissing : shared.present)
    case .abs, .floor, .ceil:
      return scalar(.number, .number)
    case .round:
      guard arguments.count == 1 || arguments.count == 2 else { return .failure(.arity(2)) }
      for (index, argument) in arguments.enumerated()
      where ValueType.unify(argument.present, .number) != .number && argument != .error
        && argument != .missing
      {
        return .failure(.argument(index, expected: "number"))
      }
      return .success(anyMissing ? .optional(.number) : .number)
    case .clamp:
      guard arguments.count == 3 else { return .failure(.arity(3)) }
      var shared = ValueType.unknown
      for (index, argument) in arguments.enumerated() {
        guard let joined = ValueType.unify(shared, argument),
          joined.isOrdered || joined == .error || joined == .missing
        else { return .failure(.argument(index, expected: "\(shared.present), as the others")) }
        shared = joined
      }
      return .success(shared)
    case .sum, .mean, .median:
      guard arguments.count == 1 else { return .failure(.arity(1)) }
      guard case .list(let element) = arguments[0].present,
        [.number, .unknown, .error, .missing].contains(element.present)
      else { return .failure(.argument(0, expected: "list of numbers")) }
      return .success(.number)
    case .count:
      guard arguments.count == 1 else { return .failure(.arity(1)) }
      switch arguments[0].present {
      case .list, .table, .error: return .success(.number)
      default: return .failure(.argument(0, expected: "list or table"))
      }
    case .all, .any:
      guard arguments.count == 1 else { return .failure(.arity(1)) }
      guard case .list(let element) = arguments[0].present,
        [.boolean, .unknown, .error].contains(element.present)
      else { return .failure(.argument(0, expected: "list of booleans")) }
      return .success(.boolean)
    case .length:
      return scalar(.text, .number)
    case .upper, .lower:
      return scalar(.text, .text)
    case .year, .month, .day, .weekday:
      return scalar(.date, .number)
    case .known:
      guard arguments.count == 1 else { return .failure(.arity(1)) }
      return .success(.boolean)
    case .top, .bottom:
      guard arguments.count == 1 else { return .failure(.arity(1)) }
      guard [.level, .error, .missing].contains(arguments[0].present) else {
        return .failure(.argument(0, expected: "level"))
      }
      return .success(anyMissing ? .optional(.grade(.perRow)) : .grade(.perRow))
    case .grade:
      guard arguments.count == 2 else { return .failure(.arity(2)) }
      guard [.number, .error, .missing].contains(arguments[0].present) else {
        return .failure(.argument(0, expected: "number"))
      }
      guard [.level, .error, .missing].contains(arguments[1].present) else {
        return .failure(.argument(1, expected: "level"))
      }
      return .success(anyMissing ? .optional(.grade(.perRow)) : .grade(.perRow))
    case .points:
      guard arguments.count == 1 else { return .failure(.arity(1)) }
      if arguments[0] != .missing {
        guard case .grade = arguments[0].present else {
          return .failure(.argument(0, expected: "grade"))
        }
      }
      return .success(anyMissing ? .optional(.number) : .number)
    }
  }

  /// Why a call does not fit its function.
  enum CallError: Error {
    case arity(Int)
    case argument(Int, expected: String)
  }
}
