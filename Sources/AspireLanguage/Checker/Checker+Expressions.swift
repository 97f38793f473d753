import AspireModel

extension Checker {
  mutating func checkExpression(_ expression: Expression) -> TypedExpression {
    let range = expression.range
    func typed(_ kind: TypedExpression.Kind, _ type: ValueType) -> TypedExpression {
      TypedExpression(kind, type: type, range: range)
    }
    switch expression.kind {
    case .number(let value): return typed(.constant(.number(value)), .number)
    case .text(let value): return typed(.constant(.text(value)), .text)
    case .date(let day): return typed(.constant(.date(CalendarDate(dayNumber: day))), .date)
    case .boolean(let value): return typed(.constant(.boolean(value)), .boolean)
    case .missing: return typed(.constant(.missing), .missing)
    case .invalid: return typed(.constant(.missing), .error)
    case .name(let name): return resolve(name, at: range)
    case .parenthesized(let inner): return checkExpression(inner)
    case .list(let items): return checkList(items, at: range)
    case .prefix(let op, let operand): return checkPrefix(op, operand, at: range)
    case .infix(let op, let left, let right): return checkInfix(op, left, right, at: range)
    case .ifElse(let condition, let thenBranch, let elseBranch):
      let typedCondition = checkCondition(condition, of: "the condition of \"if\"")
      let typedThen = checkExpression(thenBranch)
      let typedElse = checkExpression(elseBranch)
      guard let type = ValueType.unify(typedThen.type, typedElse.type) else {
        report(
          "the branches of \"if\" have different types: \(typedThen.type) and \(typedElse.type)",
          at: elseBranch.range)
        return typed(.ifElse(typedCondition, typedThen, typedElse), .error)
      }
      return typed(.ifElse(typedCondition, typedThen, typedElse), type)
    case .letIn(let name, let value, let body):
      let typedValue = checkExpression(value)
      let slot = bind(name.name, typedValue.type)
      let typedBody = checkExpression(body)
      unbind()
      return typed(
        .letIn(name: name.name, slot: slot, value: typedValue, body: typedBody), typedBody.type)
    case .call(let callee, let arguments):
      return checkCall(callee, arguments, at: range)
    case .field(let base, let field):
      let typedBase = checkExpression(base)
      // A table's related rows, all together: a cohort's enrolments.
      if case .table(let record) = typedBase.type.present, let entity = record.entity,
        let relation = entity.relation(named: field.name)
      {
        return typed(.related(typedBase, relation), .table(relation.child.recordType))
      }
      guard case .record(let record) = typedBase.type.present else {
        if typedBase.type != .error {
          report("\(typedBase.type) has no field \"\(field.name)\"", at: field.range)
        }
        return typed(.constant(.missing), .error)
      }
      if let entity = record.entity, let relation = entity.relation(named: field.name) {
        let type = ValueType.table(relation.child.recordType)
        return typed(.related(typedBase, relation), type)
      }
      guard let index = record.index(of: field.name) else {
        report(
          "\(record.name) has no field \"\(field.name)\"", at: field.range,
          help: closestName(
            to: field.name,
            among: record.fields.map(\.name) + (record.entity?.relations.map(\.name) ?? [])
          )
          .map { "did you mean \"\($0)\"?" })
        return typed(.constant(.missing), .error)
      }
      var type = record.fields[index].type
      if typedBase.type.mayBeMissing { type = type.orMissing }
      return typed(.field(typedBase, index), type)
    case .query(let base, let stage):
      return checkQuery(base, stage, at: range)
    case .comprehension(let callee, let variable, let source, let condition, let body):
      return checkComprehension(callee, variable, source, condition, body, at: range)
    }
  }

  /// The fields of the rows in scope, for suggestions.
  var rowFieldNames: [String] {
    scopes.compactMap { scope -> [String]? in
      guard let slot = scope[Checker.rowKey], case .record(let record) = localTypes[slot]
      else { return nil }
      return record.fields.map(\.name)
    }.flatMap { $0 }
  }

  /// Binds a query's row to a new slot in a new innermost scope.
  mutating func bindRow(_ record: RecordType) -> Int {
    bind(Checker.rowKey, .record(record))
  }

  /// Gives a name a new slot in a new innermost scope.
  mutating func bind(_ name: String, _ type: ValueType) -> Int {
    let slot = nextSlot
    localTypes[slot] = type
    nextSlot += 1
    maximumSlot = max(maximumSlot, nextSlot)
    scopes.append([name: slot])
    return slot
  }

  mutating func unbind() {
    scopes.removeLast()
    nextSlot -= 1
  }

  /// A condition: a boolean that cannot be missing.
  mutating func checkCondition(_ expression: Expression, of what: String) -> TypedExpression {
    let typed = checkExpression(expression)
    switch typed.type {
    case .boolean, .error: break
    case .optional(.boolean), .missing:
      report(
        "\(what) may be missing", at: expression.range,
        help: "give a default with ??, as in (condition) ?? false")
    default:
      report("\(what) must be true or false, found \(typed.type)", at: expression.range)
    }
    return typed
  }

  /// An operand of `and`, `or` or `not`: a boolean, which may be missing (a
  /// learner's free school meals flag, say). Missing behaves as "unknown":
  /// `missing or true` is true, `missing and false` is false.
  mutating func checkLogical(_ expression: Expression, of what: String) -> TypedExpression {
    let typed = checkExpression(expression)
    switch typed.type {
    case .boolean, .optional(.boolean), .missing, .error: break
    default: report("\(what) must be true or false, found \(typed.type)", at: expression.range)
    }
    return typed
  }

  mutating func resolve(_ name: String, at range: SourceRange) -> TypedExpression {
    for scope in scopes.reversed() {
      if let slot = scope[name] {
        return TypedExpression(.local(slot), type: localTypes[slot] ?? .error, range: range)
      }
      if let slot = scope[Checker.rowKey], case .record(let record) = localTypes[slot] {
        let row = TypedExpression(.local(slot), type: .record(record), range: range)
        if let index = record.index(of: name) {
          return TypedExpression(
            .field(row, index), type: record.fields[index].type, range: range)
        }
        // The row itself: `it`, or the singular of its table (`learner`).
        if name == "it" || (name == record.name && !name.contains(" ")) {
          return row
        }
        // In a query over learners, `enrolments` is the row's own enrolments.
        if let relation = record.entity?.relation(named: name) {
          return TypedExpression(
            .related(row, relation), type: .table(relation.child.recordType), range: range)
        }
      }
    }
    if let index = workspace.globalIndex[name] {
      checkGlobal(index)
      return TypedExpression(.global(index), type: workspace.globals[index].type, range: range)
    }
    if name == "today" {
      return TypedExpression(.today, type: .date, range: range)
    }
    if let entity = Entity(rawValue: name) {
      return TypedExpression(
        .table(entity, session: nil), type: .table(entity.recordType), range: range)
    }
    if let value = BuiltinConstants.values[name] {
      return TypedExpression(
        .constant(value), type: BuiltinConstants.type(of: value), range: range)
    }
    if workspace.functions[name] != nil || BuiltinFunction(rawValue: name) != nil {
      report("\"\(name)\" is a function; call it with arguments in parentheses", at: range)
    } else {
      let candidates =
        scopes.flatMap(\.keys) + workspace.declaredNames
        + BuiltinConstants.values.keys + Entity.allCases.map(\.rawValue) + rowFieldNames
      report(
        "unknown name \"\(name)\"", at: range,
        help: closestName(to: name, among: candidates).map { "did you mean \"\($0)\"?" })
    }
    return TypedExpression(.constant(.missing), type: .error, range: range)
  }

  mutating func checkList(_ items: [Expression], at range: SourceRange) -> TypedExpression {
    var element = ValueType.unknown
    var typedItems: [TypedExpression] = []
    for item in items {
      let typed = checkExpression(item)
      typedItems.append(typed)
      guard let joined = ValueType.unify(element, typed.type) else {
        report(
          "a list holds values of one type: this is \(typed.type), the others \(element)",
          at: item.range)
        element = .error
        continue
      }
      element = joined
    }
    return TypedExpression(.list(typedItems), type: .list(element), range: range)
  }

  mutating func checkPrefix(_ op: PrefixOperator, _ operand: Expression, at range: SourceRange)
    -> TypedExpression
  {
    switch op {
    case .not:
      let typed = checkLogical(operand, of: "the operand of \"not\"")
      return TypedExpression(
        .not(typed), type: typed.type.mayBeMissing ? .optional(.boolean) : .boolean, range: range)

    case .negate:
      let typed = checkExpression(operand)
      switch typed.type.present {
      case .number, .error, .missing: break
      default: report("\"-\" needs a number, found \(typed.type)", at: operand.range)
      }
      let type: ValueType = typed.type == .error ? .error : .number
      return TypedExpression(
        .negate(typed), type: typed.type.mayBeMissing ? type.orMissing : type, range: range)
    }
  }
}
