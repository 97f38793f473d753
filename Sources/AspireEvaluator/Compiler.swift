import AspireLanguage
import AspireModel

extension Evaluator {
  /// Turns a checked expression into a kernel, once; running the kernel
  /// walks no tree.
  func compile(_ expression: TypedExpression) -> Kernel {
    compile(expression) { self.compile($0) }
  }

  /// Compiles the expression with `children` compiling its parts that run
  /// over the same rows as the whole (operands, arguments, a `let`'s value
  /// and body, a condition); parts that run over other rows (branches, the
  /// right of `??`, a comprehension's body) are compiled by `compile(_:)`.
  func compile(_ expression: TypedExpression, children: (TypedExpression) -> Kernel) -> Kernel {
    let range = expression.range
    let type = expression.type
    switch expression.kind {
    case .constant(let value):
      return { frame in Column(repeating: value, count: frame.count) }
    case .today:
      return { [unowned self] frame in Column(repeating: .date(self.today), count: frame.count) }
    case .local(let slot):
      return { frame in frame.slots[slot]! }
    case .global(let index):
      return { [unowned self] frame in
        Column(repeating: try self.value(ofGlobal: index), count: frame.count)
      }
    case .negate(let operand):
      let inner = children(operand)
      return { frame in
        let (numbers, present) = try inner(&frame).numbers
        return .numbers(numbers.map { -$0 }, present: present)
      }
    case .not(let operand):
      let inner = children(operand)
      return { frame in
        let (flags, present) = try inner(&frame).booleans
        return .booleans(flags.map { !$0 }, present: present)
      }
    case .and(let left, let right):
      return compileLogic(children(left), right, stopsAt: false)
    case .or(let left, let right):
      return compileLogic(children(left), right, stopsAt: true)
    case .ifElse(let condition, let thenBranch, let elseBranch):
      return compileIf(children(condition), thenBranch, elseBranch, type: type)
    case .letIn(_, let slot, let value, let body):
      return Evaluator.letKernel(slot, children(value), children(body))
    case .coalesce(let left, let right):
      return compileCoalesce(children(left), right, type: type)
    case .arithmetic(let operation, let left, let right):
      return compileArithmetic(
        operation, children(left), children(right), constant: right, type: type, range: range)
    case .compare(let comparison, let left, let right):
      return compileComparison(comparison, children(left), children(right))
    case .member(let element, let list):
      let elementKernel = children(element)
      let listKernel = children(list)
      return { frame in
        let elements = try elementKernel(&frame)
        let lists = try listKernel(&frame)
        var flags = [Bool](repeating: false, count: frame.count)
        var present: [Bool]?
        for row in 0..<frame.count {
          let value = elements.value(at: row)
          guard case .list(let items) = lists.value(at: row), !value.isMissing else {
            if present == nil { present = Array(repeating: true, count: frame.count) }
            present![row] = false
            continue
          }
          flags[row] = items.contains(value)
        }
        return .booleans(flags, present: present)
      }
    case .list(let items):
      let kernels = items.map(children)
      return { frame in
        let columns = try kernels.map { try $0(&frame) }
        return .values((0..<frame.count).map { row in .list(columns.map { $0.value(at: row) }) })
      }
    case .builtin(let function, let arguments):
      return compileBuiltin(function, arguments.map(children), type: type, range: range)
    case .table(let entity, let selector):
      return compileTable(entity, selector, range: range)
    case .field(let base, let index):
      return compileField(children(base), fieldType(base, index), index)
    case .query(let base, let stage):
      return compileQuery(base, stage, range: range)
    case .related(let base, let relation):
      return compileRelated(base, relation, range: range)
    case .comprehension(let function, let slot, let source, let condition, let body):
      return compileComprehension(function, slot, source, condition, body, type: type, range: range)
    case .aggregate(let function, let rows, let memberSlot, let argument):
      return compileAggregate(
        function, rows: rows, memberSlot: memberSlot, argument: argument, type: type,
        range: expression.range)
    case .call(let index, let arguments):
      let argumentKernels = arguments.map(children)
      let slotCount = workspace.functionBodies[index].slotCount
      return { [unowned self] frame in
        try self.checkCancelled(range)
        var inner = frame.inner(count: frame.count, slotCount: slotCount)
        for (slot, kernel) in argumentKernels.enumerated() {
          inner.slots[slot] = try kernel(&frame)
        }
        // Functions are pure: a function of one record (a learner, for each of
        // the learner's enrolments) runs once for each distinct record.
        if argumentKernels.count == 1,
          let (distinct, positions) = Evaluator.distinctRecords(inner.slots[0])
        {
          inner.count = distinct.count
          inner.slots[0] = distinct
          return try self.functionKernel(index)(&inner).gathered(positions)
        }
        return try self.functionKernel(index)(&inner)
      }
    }
  }

  /// `and` stops at false and `or` at true: the right side is evaluated only
  /// for the rows the left side did not settle. A missing side counts as
  /// unknown: the result is settled by the other side, or is missing.
  func compileLogic(_ leftKernel: @escaping Kernel, _ right: TypedExpression, stopsAt settled: Bool)
    -> Kernel
  {
    let rightKernel = compile(right)
    let rightSlots = right.slotsRead
    return { frame in
      let (leftFlags, leftPresent) = try leftKernel(&frame).booleans
      var flags = leftFlags
      var present = leftPresent
      let open = flags.indices.filter { flags[$0] != settled || leftPresent?[$0] == false }
      guard !open.isEmpty else { return .booleans(flags, present: present) }
      var subset = open.count == frame.count ? frame : frame.gathered(open, slots: rightSlots)
      let (rightFlags, rightPresent) = try rightKernel(&subset).booleans
      for (offset, row) in open.enumerated() {
        let rightKnown = rightPresent?[offset] ?? true
        if leftPresent?[row] == false {
          // Unknown on the left: the right settles it, or it stays unknown.
          if rightKnown && rightFlags[offset] == settled {
            flags[row] = settled
            present![row] = true
          }
        } else {
          flags[row] = rightFlags[offset]
          if !rightKnown {
            if present == nil { present = Array(repeating: true, count: frame.count) }
            present![row] = false
          }
        }
      }
      return .booleans(flags, present: present)
    }
  }

  /// Each row takes one branch; a branch runs only on the rows that take it.
  /// A branch that can neither fail nor take long (`e.prior`) runs over every
  /// row instead, which saves gathering the rows: no error can come of the
  /// rows that did not need it.
  func compileIf(
    _ conditionKernel: @escaping Kernel, _ thenBranch: TypedExpression,
    _ elseBranch: TypedExpression, type: ValueType
  ) -> Kernel {
    let thenKernel = compile(thenBranch)
    let elseKernel = compile(elseBranch)
    let thenSlots = thenBranch.slotsRead
    let elseSlots = elseBranch.slotsRead
    let thenEverywhere = thenBranch.isSafeEverywhere
    let elseEverywhere = elseBranch.isSafeEverywhere
    return { frame in
      let (flags, _) = try conditionKernel(&frame).booleans
      let (thenRows, elseRows) = Evaluator.split(flags)
      if elseRows.isEmpty { return try thenKernel(&frame) }
      if thenRows.isEmpty { return try elseKernel(&frame) }
      if thenEverywhere {
        let thenColumn = try thenKernel(&frame)
        var elseFrame = frame.gathered(elseRows, slots: elseSlots)
        let elseColumn = try elseKernel(&elseFrame)
        return thenColumn.replacing(elseRows, with: elseColumn, type: type)
      }
      var thenFrame = frame.gathered(thenRows, slots: thenSlots)
      let thenColumn = try thenKernel(&thenFrame)
      if elseEverywhere {
        return try elseKernel(&frame).replacing(thenRows, with: thenColumn, type: type)
      }
      var elseFrame = frame.gathered(elseRows, slots: elseSlots)
      let elseColumn = try elseKernel(&elseFrame)
      return Column.scatter(
        [(thenRows, thenColumn), (elseRows, elseColumn)], count: frame.count, type: type)
    }
  }

  /// The left side where present; the right side only for the missing rows,
  /// or for every row when it can neither fail nor take long (`e.level`).
  func compileCoalesce(_ leftKernel: @escaping Kernel, _ right: TypedExpression, type: ValueType)
    -> Kernel
  {
    let rightKernel = compile(right)
    let rightSlots = right.slotsRead
    let rightEverywhere = right.isSafeEverywhere
    return { frame in
      let leftColumn = try leftKernel(&frame)
      if rightEverywhere {
        return leftColumn.coalesced(with: try rightKernel(&frame), type: type)
      }
      let missing = leftColumn.missingFlags
      guard missing.contains(true) else { return leftColumn }
      var missingRows: [Int] = []
      for (row, isMissing) in missing.enumerated() where isMissing { missingRows.append(row) }
      var subset = frame.gathered(missingRows, slots: rightSlots)
      let rightColumn = try rightKernel(&subset)
      return leftColumn.replacing(missingRows, with: rightColumn, type: type)
    }
  }
}

extension Evaluator {
  /// The rows whose flag is true, and those whose flag is false, in order.
  static func split(_ flags: [Bool]) -> (true: [Int], false: [Int]) {
    let trueCount = flags.count { $0 }
    var falseRows: [Int] = []
    // Each row is written to both, and only the one its flag picks moves on:
    // no branch to guess at each row. So each has one place to spare.
    var trueRows = [Int](count: trueCount + 1, filledWith: 0) { trueRows in
      falseRows = [Int](count: flags.count - trueCount + 1, filledWith: 0) { falseRows in
        var (next, nextFalse) = (0, 0)
        for row in 0..<flags.count {
          trueRows[next] = row
          falseRows[nextFalse] = row
          let flag = flags[row] ? 1 : 0
          next += flag
          nextFalse += 1 - flag
        }
      }
    }
    trueRows.removeLast()
    falseRows.removeLast()
    return (trueRows, falseRows)
  }

  /// Binds the value to `slot` for the body, as `let` does.
  static func letKernel(_ slot: Int, _ value: @escaping Kernel, _ body: @escaping Kernel) -> Kernel
  {
    return { frame in
      let saved = frame.slots[slot]
      frame.slots[slot] = try value(&frame)
      defer { frame.slots[slot] = saved }
      return try body(&frame)
    }
  }

  /// For a call whose only argument is a column of records that repeat
  /// (each at least twice on average): the distinct records, and for each
  /// row the position of its record among them. Nil when not worth it.
  static func distinctRecords(_ column: Column?) -> (Column, [Int])? {
    guard case .records(let table, let rows)? = column, rows.count > 1 else { return nil }
    // Records in order (the learners of a table of enrolments) repeat in
    // runs, found in one pass; records in order that never repeat are not
    // worth a pass more.
    var runs = [rows[0]]
    var ascending = true
    var repeating = true
    let runOf = [Int](count: rows.count, filledWith: 0) { runOf in
      for offset in 1..<rows.count {
        let row = rows[offset]
        if row != rows[offset - 1] {
          guard row > rows[offset - 1] else {
            ascending = false
            return
          }
          runs.append(row)
          // More than half the rows distinct: not worth it, as below.
          guard runs.count * 2 <= rows.count else {
            repeating = false
            return
          }
        }
        runOf[offset] = runs.count - 1
      }
    }
    if ascending {
      return repeating ? (.records(table, runs), runOf) : nil
    }
    guard table.count <= 4 * rows.count else { return nil }
    // Slot 0 of firstSeen is the missing record (-1).
    var firstSeen = [Int](repeating: -1, count: table.count + 1)
    var distinct: [Int] = []
    var positions = [Int](repeating: 0, count: rows.count)
    for (offset, row) in rows.enumerated() {
      if firstSeen[row + 1] < 0 {
        firstSeen[row + 1] = distinct.count
        distinct.append(row)
        if distinct.count * 2 > rows.count { return nil }
      }
      positions[offset] = firstSeen[row + 1]
    }
    return (.records(table, distinct), positions)
  }
}
