import AspireModel

extension Checker {
  /// Checks one query step over a table. The step's expressions see the
  /// fields of the row as names.
  mutating func checkQuery(_ base: Expression, _ stage: QueryStage, at range: SourceRange)
    -> TypedExpression
  {
    let typedBase = checkExpression(base)
    guard case .table(let record) = typedBase.type else {
      if typedBase.type != .error {
        report("\"\(stage.word)\" needs a table, found \(typedBase.type)", at: base.range)
      }
      return TypedExpression(.constant(.missing), type: .error, range: range)
    }
    func query(_ step: TypedQueryStage, _ type: ValueType) -> TypedExpression {
      TypedExpression(.query(typedBase, step), type: type, range: range)
    }
    switch stage {
    case .filter(let condition):
      let slot = bindRow(record)
      let typedCondition = checkExpression(condition)
      unbind()
      switch typedCondition.type {
      // A row whose condition is missing is left out, as in a spreadsheet filter.
      case .boolean, .optional(.boolean), .error: break
      default:
        report(
          "a \"where\" condition must be true or false, found \(typedCondition.type)",
          at: condition.range)
      }
      return query(.filter(rowSlot: slot, condition: typedCondition), typedBase.type)
    case .sort(let keys):
      let slot = bindRow(record)
      var typedKeys: [TypedExpression] = []
      for key in keys {
        let typed = checkExpression(key.expression)
        if !typed.type.isOrdered && typed.type.present != .boolean && typed.type != .error {
          report("cannot sort by \(typed.type)", at: key.expression.range)
        }
        typedKeys.append(typed)
      }
      unbind()
      return query(
        .sort(rowSlot: slot, keys: typedKeys, descending: keys.map(\.descending)),
        typedBase.type)
    case .show(let items):
      let slot = bindRow(record)
      var typedItems: [TypedExpression] = []
      var fields: [RecordType.Field] = []
      for item in items {
        let typed = checkExpression(item.expression)
        if case .table = typed.type.present {
          report("a column cannot hold a whole table", at: item.expression.range)
        }
        typedItems.append(typed)
        fields.append(RecordType.Field(columnName(item.name?.name, item.expression), typed.type))
      }
      unbind()
      let shown = RecordType(name: "row", fields: uniqueNames(fields))
      return query(.show(rowSlot: slot, items: typedItems, record: shown), .table(shown))
    case .group(let keys):
      let slot = bindRow(record)
      var typedKeys: [TypedExpression] = []
      var fields: [RecordType.Field] = []
      for key in keys {
        let typed = checkExpression(key)
        if case .table = typed.type.present {
          report("cannot group by a table", at: key.range)
        }
        typedKeys.append(typed)
        fields.append(RecordType.Field(columnName(nil, key), typed.type))
      }
      unbind()
      fields.append(RecordType.Field(Checker.groupRows, .table(record)))
      let grouped = RecordType(name: "group of \(record.name)", fields: uniqueNames(fields))
      return query(.group(rowSlot: slot, keys: typedKeys, record: grouped), .table(grouped))
    case .limit(let count):
      let typed = checkExpression(count)
      if typed.type != .number && typed.type != .error {
        report("\"limit\" needs a number, found \(typed.type)", at: count.range)
      }
      return query(.limit(typed), typedBase.type)
    }
  }

  /// The field of a group's row that holds the rows of the group.
  static let groupRows = "rows"

  /// The name of a column: as given with `as`, a field's own name, or the
  /// expression as written.
  func columnName(_ given: String?, _ expression: Expression) -> String {
    if let given { return given }
    switch expression.kind {
    case .name(let name): return name
    case .field(_, let field): return field.name
    default: return Formatter().flat(expression)
    }
  }

  /// Renames repeated column names `name`, `name_2`, … so each is unique.
  func uniqueNames(_ fields: [RecordType.Field]) -> [RecordType.Field] {
    var seen: [String: Int] = [:]
    return fields.map { field in
      var renamed = field
      let count = (seen[field.name] ?? 0) + 1
      seen[field.name] = count
      if count > 1 { renamed.name = "\(field.name)_\(count)" }
      return renamed
    }
  }

  /// In a query after `group by`, `count()` and an aggregate over a value of
  /// each row of the group (`mean(midyis)`); nil where the call is not one.
  mutating func checkAggregate(
    _ function: BuiltinFunction, _ arguments: [Expression], at range: SourceRange
  ) -> TypedExpression? {
    guard function.isAggregate, arguments.count <= 1,
      let groupSlot = scopes.last(where: { $0[Checker.rowKey] != nil })?[Checker.rowKey],
      case .record(let group) = localTypes[groupSlot],
      let rowsIndex = group.index(of: Checker.groupRows),
      case .table(let member) = group.fields[rowsIndex].type
    else { return nil }
    let row = TypedExpression(.local(groupSlot), type: .record(group), range: range)
    let rows = TypedExpression(
      .field(row, rowsIndex), type: group.fields[rowsIndex].type, range: range)
    guard let argument = arguments.first else {
      guard function == .count else { return nil }
      return TypedExpression(
        .aggregate(.count, rows: rows, memberSlot: -1, argument: nil), type: .number,
        range: range)
    }
    let slot = bindRow(member)
    let typed = checkExpression(argument)
    unbind()
    let type: ValueType
    switch (function, typed.type.present) {
    case (_, .list), (_, .table): return nil
    case (.count, _): type = .number
    case (.sum, .number), (.mean, .number), (.median, .number), (.sum, .error):
      type = function == .sum ? .number : .optional(.number)
    case (.min, let present) where present.isOrdered, (.max, let present) where present.isOrdered:
      type = present.orMissing
    case (_, .error): type = .error
    default:
      report(
        "\(function.rawValue) of a group needs numbers, found \(typed.type)", at: argument.range)
      type = .error
    }
    return TypedExpression(
      .aggregate(function, rows: rows, memberSlot: slot, argument: typed), type: type,
      range: range)
  }

  /// `learners("2025-26")`, `enrolments("2025-26")`: a table of another
  /// session; `results(2026)`: the results of one year.
  mutating func checkTableCall(_ entity: Entity, _ arguments: [Expression], at range: SourceRange)
    -> TypedExpression
  {
    let typedArguments = arguments.map { checkExpression($0) }
    let type = ValueType.table(entity.recordType)
    let expected: ValueType? =
      entity.isPerSession ? .text : entity == .results ? .number : nil
    guard let expected else {
      report(
        "\(entity.rawValue) is one table for every session; write it without parentheses",
        at: range)
      return TypedExpression(.constant(.missing), type: .error, range: range)
    }
    guard typedArguments.count == 1,
      typedArguments[0].type == expected || typedArguments[0].type == .error
    else {
      report(
        entity == .results
          ? "results(YEAR) takes the year of the results, as in results(2026)"
          : "\(entity.rawValue)(SESSION) takes a session's name, "
            + "as in \(entity.rawValue)(\"2025-26\")",
        at: range)
      return TypedExpression(.constant(.missing), type: .error, range: range)
    }
    return TypedExpression(.table(entity, session: typedArguments[0]), type: type, range: range)
  }
}
