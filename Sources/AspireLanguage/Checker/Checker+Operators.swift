import AspireModel

extension Checker {
  mutating func checkInfix(
    _ op: InfixOperator, _ left: Expression, _ right: Expression, at range: SourceRange
  ) -> TypedExpression {
    switch op {
    case .and, .or:
      let typedLeft = checkLogical(left, of: "the left side of \"\(op.rawValue)\"")
      let typedRight = checkLogical(right, of: "the right side of \"\(op.rawValue)\"")
      let kind: TypedExpression.Kind =
        op == .and ? .and(typedLeft, typedRight) : .or(typedLeft, typedRight)
      let mayBeMissing = typedLeft.type.mayBeMissing || typedRight.type.mayBeMissing
      return TypedExpression(
        kind, type: mayBeMissing ? .optional(.boolean) : .boolean, range: range)
    case .coalesce:
      let typedLeft = checkExpression(left)
      let typedRight = checkExpression(right)
      guard let shared = ValueType.unify(typedLeft.type.present, typedRight.type) else {
        report(
          "\"??\" needs two values of one type, found \(typedLeft.type) and \(typedRight.type)",
          at: range)
        return TypedExpression(.coalesce(typedLeft, typedRight), type: .error, range: range)
      }
      // Missing on the left gives the right side: the result may be missing
      // only if the right side may be.
      let base = shared == .missing ? shared : shared.present
      let type =
        typedLeft.type.mayBeMissing
        ? (typedRight.type.mayBeMissing ? base.orMissing : base) : typedLeft.type
      return TypedExpression(.coalesce(typedLeft, typedRight), type: type, range: range)
    case .in:
      let typedLeft = checkExpression(left)
      let typedRight = checkExpression(right)
      var type = ValueType.boolean
      switch typedRight.type.present {
      case .list(let element):
        if ValueType.unify(element.present, typedLeft.type.present) == nil {
          report(
            "\"in\" looks for \(typedLeft.type) in a \(typedRight.type)", at: range)
          type = .error
        }
      case .error: type = .error
      default:
        report("\"in\" needs a list on its right, found \(typedRight.type)", at: right.range)
        type = .error
      }
      if typedLeft.type.mayBeMissing || typedRight.type.mayBeMissing { type = type.orMissing }
      return TypedExpression(.member(typedLeft, typedRight), type: type, range: range)
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
      return checkComparison(Comparison(rawValue: op.rawValue)!, left, right, at: range)
    case .add, .subtract, .multiply, .divide:
      return checkArithmetic(op, left, right, at: range)
    }
  }

  mutating func checkComparison(
    _ comparison: Comparison, _ left: Expression, _ right: Expression, at range: SourceRange
  ) -> TypedExpression {
    let typedLeft = checkExpression(left)
    let typedRight = checkExpression(right)
    let kind = TypedExpression.Kind.compare(comparison, typedLeft, typedRight)
    let optional = typedLeft.type.mayBeMissing || typedRight.type.mayBeMissing
    guard let shared = ValueType.unify(typedLeft.type.present, typedRight.type.present) else {
      report("cannot compare \(typedLeft.type) with \(typedRight.type)", at: range)
      return TypedExpression(kind, type: .error, range: range)
    }
    let isEquality = comparison == .equal || comparison == .notEqual
    switch shared {
    case .error:
      return TypedExpression(kind, type: .error, range: range)
    case .boolean where isEquality, .missing:
      break
    case let type where type.isOrdered:
      break
    default:
      report(
        "\"\(comparison.rawValue)\" cannot compare values of type \(shared)", at: range,
        help: shared == .boolean ? "only == and != compare true and false" : nil)
      return TypedExpression(kind, type: .error, range: range)
    }
    // Grades whose scale is known only per row may turn out not to compare.
    var mayDiffer = false
    if case .grade(let a) = typedLeft.type.present, case .grade(let b) = typedRight.type.present {
      mayDiffer = a != b || a.isPerRow
    }
    if typedLeft.type == .missing || typedRight.type == .missing {
      report(
        "a comparison with missing is always missing", at: range,
        help: "to ask whether a value is there, write known(x)")
    }
    return TypedExpression(
      kind, type: optional || mayDiffer ? .optional(.boolean) : .boolean, range: range)
  }

  /// The type the literal `missing` takes beside an operand of `type`: a
  /// number when it `isCounted` (days added to a date, steps to a grade),
  /// else `type` itself.
  static func missingOperand(beside type: ValueType, isCounted: Bool) -> ValueType {
    switch type {
    case .date, .grade: return isCounted ? .number : type
    default: return type
    }
  }

  mutating func checkArithmetic(
    _ op: InfixOperator, _ left: Expression, _ right: Expression, at range: SourceRange
  ) -> TypedExpression {
    let typedLeft = checkExpression(left)
    let typedRight = checkExpression(right)
    let optional = typedLeft.type.mayBeMissing || typedRight.type.mayBeMissing
    var leftType = typedLeft.type.present
    var rightType = typedRight.type.present
    // The literal `missing` takes the type the other side needs: a number of
    // days or steps beside a date or a grade (`date - missing` moves the
    // date), else the other side's own type.
    if leftType == .missing, rightType == .missing {
      (leftType, rightType) = (.number, .number)
    } else if rightType == .missing {
      rightType = Checker.missingOperand(beside: leftType, isCounted: true)
    } else if leftType == .missing {
      leftType = Checker.missingOperand(beside: rightType, isCounted: op == .add)
    }

    var operation: Arithmetic?
    var type: ValueType = .error
    switch (op, leftType, rightType) {
    case (_, .error, _), (_, _, .error):
      return TypedExpression(
        .arithmetic(.add, typedLeft, typedRight), type: .error, range: range)
    case (.add, .number, .number): (operation, type) = (.add, .number)
    case (.subtract, .number, .number): (operation, type) = (.subtract, .number)
    case (.multiply, .number, .number): (operation, type) = (.multiply, .number)
    case (.divide, .number, .number): (operation, type) = (.divide, .number)
    case (.add, .text, .text): (operation, type) = (.join, .text)
    case (.add, .date, .number): (operation, type) = (.dateAddDays, .date)
    case (.add, .number, .date): (operation, type) = (.daysAddDate, .date)
    case (.subtract, .date, .number): (operation, type) = (.dateSubtractDays, .date)
    case (.subtract, .date, .date): (operation, type) = (.daysBetween, .number)
    case (.add, .grade, .number): (operation, type) = (.gradeAddSteps, leftType)
    case (.add, .number, .grade): (operation, type) = (.stepsAddGrade, rightType)
    case (.subtract, .grade, .number): (operation, type) = (.gradeSubtractSteps, leftType)
    case (.subtract, .grade(let a), .grade(let b)) where a == b || a.isPerRow || b.isPerRow:
      // Grades whose scale is known only per row may turn out to differ: no steps then.
      let mayDiffer = a.isPerRow || b.isPerRow
      (operation, type) = (.stepsBetween, mayDiffer ? .optional(.number) : .number)
    default:
      let verb: String =
        switch op {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        default: "divide"
        }
      let words =
        op == .subtract
        ? "\(typedRight.type) from \(typedLeft.type)"
        : op == .add
          ? "\(typedLeft.type) and \(typedRight.type)"
          : "\(typedLeft.type) by \(typedRight.type)"
      report(
        "cannot \(verb) \(words)", at: range,
        help: leftType == .text || rightType == .text
          ? "\"+\" joins two texts; it does not turn a number into text" : nil)
    }
    let kind = TypedExpression.Kind.arithmetic(operation ?? .add, typedLeft, typedRight)
    return TypedExpression(kind, type: optional ? type.orMissing : type, range: range)
  }
}
