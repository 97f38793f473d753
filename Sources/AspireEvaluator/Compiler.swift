import AspireLanguage
import AspireModel

extension Evaluator {
  /// Turns a checked expression into a kernel, once; running the kernel
  /// walks no tree.
  func compile(_ expression: TypedExpression) -> Kernel {
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
      let inner = compile(operand)
      return { frame in
        let (numbers, present) = try inner(&frame).numbers
        return .numbers(numbers.map { -$0 }, present: present)
      }
    case .not(let operand):
      let inner = compile(operand)
      return { frame in
        let (flags, present) = try inner(&frame).booleans
        return .booleans(flags.map { !$0 }, present: present)
      }
    case .and(let left, let right):
      return compileLogic(left, right, stopsAt: false)
    case .or(let left, let right):
      return compileLogic(left, right, stopsAt: true)
    case .ifElse(let condition, let thenBranch, let elseBranch):
      return compileIf(condition, thenBranch, elseBranch, type: type)
    case .letIn(_, let slot, let value, let body):
      let valueKernel = compile(value)
      let bodyKernel = compile(body)
      return { frame in
        let saved = frame.slots[slot]
        frame.slots[slot] = try valueKernel(&frame)
        defer { frame.slots[slot] = saved }
        return try bodyKernel(&frame)
      }
    case .coalesce(let left, let right):
      return compileCoalesce(left, right, type: type)
    case .arithmetic(let operation, let left, let right):
      return compileArithmetic(operation, left, right, type: type, range: range)
    case .compare(let comparison, let left, let right):
      return compileComparison(comparison, left, right)
    case .member(let element, let list):
      let elementKernel = compile(element)
      let listKernel = compile(list)
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
      let kernels = items.map(compile)
      return { frame in
        let columns = try kernels.map { try $0(&frame) }
        return .values((0..<frame.count).map { row in .list(columns.map { $0.value(at: row) }) })
      }
    case .builtin(let function, let arguments):
      return compileBuiltin(function, arguments, type: type, range: range)
    case .table(let entity, let selector):
      return compileTable(entity, selector, range: range)
    case .field(let base, let index):
      return compileField(base, index)
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
      let argumentKernels = arguments.map(compile)
      let slotCount = workspace.functionBodies[index].slotCount
      return { [unowned self] frame in
        try self.checkCancelled(range)
        var inner = Frame(count: frame.count, slotCount: slotCount)
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
  func compileLogic(_ left: TypedExpression, _ right: TypedExpression, stopsAt settled: Bool)
    -> Kernel
  {
    let leftKernel = compile(left)
    let rightKernel = compile(right)
    return { frame in
      let (leftFlags, leftPresent) = try leftKernel(&frame).booleans
      var flags = leftFlags
      var present = leftPresent
      let open = flags.indices.filter { flags[$0] != settled || leftPresent?[$0] == false }
      guard !open.isEmpty else { return .booleans(flags, present: present) }
      var subset = open.count == frame.count ? frame : frame.gathered(open)
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
  func compileIf(
    _ condition: TypedExpression, _ thenBranch: TypedExpression, _ elseBranch: TypedExpression,
    type: ValueType
  ) -> Kernel {
    let conditionKernel = compile(condition)
    let thenKernel = compile(thenBranch)
    let elseKernel = compile(elseBranch)
    return { frame in
      let (flags, _) = try conditionKernel(&frame).booleans
      var thenRows: [Int] = []
      var elseRows: [Int] = []
      for (row, flag) in flags.enumerated() {
        if flag { thenRows.append(row) } else { elseRows.append(row) }
      }
      if elseRows.isEmpty { return try thenKernel(&frame) }
      if thenRows.isEmpty { return try elseKernel(&frame) }
      var thenFrame = frame.gathered(thenRows)
      var elseFrame = frame.gathered(elseRows)
      let thenColumn = try thenKernel(&thenFrame)
      let elseColumn = try elseKernel(&elseFrame)
      return Column.scatter(
        [(thenRows, thenColumn), (elseRows, elseColumn)], count: frame.count, type: type)
    }
  }

  /// The left side where present; the right side only for the missing rows.
  func compileCoalesce(_ left: TypedExpression, _ right: TypedExpression, type: ValueType)
    -> Kernel
  {
    let leftKernel = compile(left)
    let rightKernel = compile(right)
    return { frame in
      let leftColumn = try leftKernel(&frame)
      let missing = leftColumn.missingFlags
      let missingRows = (0..<frame.count).filter { missing[$0] }
      if missingRows.isEmpty { return leftColumn }
      let presentRows = (0..<frame.count).filter { !missing[$0] }
      var subset = frame.gathered(missingRows)
      let rightColumn = try rightKernel(&subset)
      return Column.scatter(
        [(presentRows, leftColumn.gathered(presentRows)), (missingRows, rightColumn)],
        count: frame.count, type: type)
    }
  }
}

extension Evaluator {
  /// For a call whose only argument is a column of records that repeat
  /// (each at least twice on average): the distinct records, and for each
  /// row the position of its record among them. Nil when not worth it.
  static func distinctRecords(_ column: Column?) -> (Column, [Int])? {
    guard case .records(let table, let rows)? = column, rows.count > 1,
      table.count <= 4 * rows.count
    else { return nil }
    // Slot 0 of firstSeen is the missing record (-1).
    var firstSeen = [Int](repeating: -1, count: table.count + 1)
    var distinct: [Int] = []
    var positions = [Int](repeating: 0, count: rows.count)
    for (offset, row) in rows.enumerated() {
      if firstSeen[row + 1] < 0 {
        firstSeen[row + 1] = distinct.count
        distinct.append(row)
      }
      positions[offset] = firstSeen[row + 1]
    }
    guard distinct.count * 2 <= rows.count else { return nil }
    return (.records(table, distinct), positions)
  }
}
