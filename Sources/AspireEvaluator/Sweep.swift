import AspireLanguage

extension Evaluator {
  /// A formula's value for each enrolment of `table` with the parameter in
  /// slot `parameter` at each of `values` in turn, handed to `body` one by
  /// one, the other parameters at their defaults: `tune`. Each largest part
  /// of the formula that does not depend on the parameter and runs over every
  /// row (`let evidence = max(...)`) is worked out for the first value and
  /// kept for the rest, so a sweep costs little more than one evaluation.
  /// What each value gives, errors included, is what `evaluate(_:over:
  /// arguments:)` gives for it.
  public func evaluate(
    _ formula: Workspace.Formula, over table: TableValue, varying parameter: Int,
    through values: [Value], _ body: (Value, Column) throws -> Void
  ) throws {
    let function = workspace.functionBodies[formula.body]
    var frame = Frame(count: table.rows.count, slotCount: function.slotCount)
    frame.slots[0] = .records(table.data, table.rows)
    for (offset, defaultValue) in formula.defaults.enumerated() where offset + 1 != parameter {
      let value = try evaluate(defaultValue, slotCount: 0)
      frame.slots[offset + 1] = Column(repeating: value, count: table.rows.count)
    }
    // In chunks when the rows are many, as one evaluation runs: each chunk
    // keeps the parts it worked out, so each has a kernel of its own.
    let chunked =
      frame.count >= 2 * Evaluator.chunkRows && Evaluator.chunkThreads > 1 && startRunningChunks()
    defer { if chunked { stopRunningChunks() } }
    var frames = chunked ? Evaluator.chunkRanges(frame.count).map(frame.sliced) : [frame]
    let kernels = frames.map { _ in compile(function.body, varying: [parameter]) }
    for value in values {
      for index in frames.indices {
        frames[index].slots[parameter] = Column(repeating: value, count: frames[index].count)
      }
      guard chunked else {
        try body(value, try evaluation(kernels[0], &frames[0]))
        continue
      }
      let chunks = zip(kernels, frames).map { Chunk(kernel: $0, frame: $1, rows: nil) }
      guard let parts = try run(chunks) else {
        // A chunk failed: the value alone, over every row at once (chunks
        // being marked as running), gives the error one evaluation stops at.
        try body(value, try evaluate(formula, over: table, arguments: [parameter: value]))
        continue
      }
      try body(value, Column.concatenating(parts, type: function.body.type))
    }
  }

  /// Compiles an expression over rows that stay the same from one run to the
  /// next while the slots in `varying` change: the parts that read none of
  /// them keep their first column.
  func compile(_ expression: TypedExpression, varying: Set<Int>) -> Kernel {
    if Set(expression.slotsRead).isDisjoint(with: varying) {
      switch expression.kind {
      // Nothing to save on a constant or a slot.
      case .constant, .local: return compile(expression)
      default: return Evaluator.kept(compile(expression))
      }
    }
    if case .letIn(_, let slot, let value, let body) = expression.kind {
      let bodyVarying =
        Set(value.slotsRead).isDisjoint(with: varying) ? varying : varying.union([slot])
      return Evaluator.letKernel(
        slot, compile(value, varying: varying), compile(body, varying: bodyVarying))
    }
    return compile(expression) { self.compile($0, varying: varying) }
  }

  /// The kernel's first column, worked out on the first run and given again
  /// on every run after.
  static func kept(_ kernel: @escaping Kernel) -> Kernel {
    let kept = KeptColumn()
    return { frame in
      if let column = kept.column { return column }
      let column = try kernel(&frame)
      kept.column = column
      return column
    }
  }
}

/// The column a kept part of a sweep worked out, once it has.
final class KeptColumn {
  var column: Column?
}
