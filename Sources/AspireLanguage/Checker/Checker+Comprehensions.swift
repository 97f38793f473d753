import AspireModel

extension Checker {
  /// `f(x in source where condition: body)`. Over no elements, `count` and
  /// `sum` give 0, `all` true, `any` false, and the others are missing.
  mutating func checkComprehension(
    _ callee: Identifier, _ variable: Identifier, _ source: Expression, _ condition: Expression?,
    _ body: Expression?, at range: SourceRange
  ) -> TypedExpression {
    let function = BuiltinFunction(rawValue: callee.name)!
    let typedSource = checkExpression(source)
    let element: ValueType
    switch typedSource.type.present {
    case .list(let type): element = type
    case .table(let record): element = .record(record)
    case .error: element = .error
    default:
      report("\"in\" needs a list or a table here, found \(typedSource.type)", at: source.range)
      element = .error
    }
    let slot = bind(variable.name, element)
    let typedCondition = condition.map { checkLogical($0, of: "the condition") }
    let typedBody = body.map { checkExpression($0) }
    unbind()

    let value = typedBody?.type ?? element
    var type: ValueType = .error
    switch function {
    case .count:
      type = .number
    case .all, .any:
      if [.boolean, .error].contains(value.present) {
        type = .boolean
      } else {
        report(
          "\(function.rawValue) needs a condition after \":\", found \(value)",
          at: body?.range ?? source.range)
      }
    case .sum, .mean, .median:
      if [.number, .error, .unknown].contains(value.present) {
        type = function == .sum ? .number : .optional(.number)
      } else {
        report(
          "\(function.rawValue) needs numbers, found \(value)", at: body?.range ?? source.range,
          help: body == nil ? "give the number to sum up after \":\"" : nil)
      }
    default:
      if value.isOrdered || value.present == .error {
        type = value.present.orMissing
      } else {
        report(
          "\(function.rawValue) needs numbers, dates or grades, found \(value)",
          at: body?.range ?? source.range)
      }
    }
    return TypedExpression(
      .comprehension(
        function, slot: slot, source: typedSource, condition: typedCondition, body: typedBody),
      type: type, range: range)
  }
}
