import AspireLanguage
import AspireModel
import Foundation

/// Compiles checked expressions to kernels and runs them. It keeps the values
/// of top-level bindings and the compiled function bodies of a workspace.
public final class Evaluator {
  public let workspace: Workspace
  /// The date scripts run as of: `today` in the language.
  public var today = CalendarDate.today()
  /// Asked between steps of long work (query steps, comprehensions, calls
  /// over many rows): true stops the statement with the error `interrupted`.
  public var isCancelled: @Sendable () -> Bool = { false }

  /// Throws `interrupted` when the person at the REPL pressed Ctrl-C.
  func checkCancelled(_ range: SourceRange) throws {
    if isCancelled() { throw RuntimeError(message: "interrupted", range: range) }
  }

  /// Where school tables come from; nil where there is no store.
  public var dataSource: DataSource?
  var globalValues: [Int: Value] = [:]
  var functionKernels: [Int: Kernel] = [:]
  /// Held while kernels reach what the threads running chunks of one frame
  /// share: global values, compiled functions, the data source, and whether
  /// chunks are running (see `inChunks`).
  let shared = NSRecursiveLock()
  var isRunningChunks = false

  public init(workspace: Workspace) {
    self.workspace = workspace
  }

  /// The value of a top-level binding, computed on first use.
  public func value(ofGlobal index: Int) throws -> Value {
    if let value = shared.withLock({ globalValues[index] }) { return value }
    let global = workspace.globals[index]
    guard let expression = global.value else { return .missing }
    // Worked out without the lock, which chunks of the evaluation may need;
    // two chunks needing it at once both work out the same value.
    let value = try evaluate(expression, slotCount: global.slotCount)
    shared.withLock { globalValues[index] = value }
    return value
  }

  /// Forgets the values of top-level bindings, so that each is computed
  /// again on next use: after a statement changed the store, a cohort shows
  /// the store as it is now (the learners' new mentors, say).
  public func forgetGlobalValues() {
    globalValues = [:]
  }

  /// Evaluates an expression that needs no rows: a single value.
  public func evaluate(_ expression: TypedExpression, slotCount: Int) throws -> Value {
    let kernel = compile(expression)
    var frame = Frame(count: 1, slotCount: slotCount)
    return try evaluation(kernel, &frame).value(at: 0)
  }

  /// Evaluates an expression over the rows of `frame`.
  public func evaluate(_ expression: TypedExpression, over frame: inout Frame) throws -> Column {
    let kernel = compile(expression)
    return try evaluation({ try self.inChunks(kernel, &$0, type: expression.type) }, &frame)
  }

  /// Runs a kernel over a frame as one evaluation, or as a part of the one
  /// under way when the frame belongs to it: the fields read are kept while
  /// it runs, and forgotten after.
  func evaluation(_ kernel: Kernel, _ frame: inout Frame) throws -> Column {
    guard frame.reads == nil else { return try kernel(&frame) }
    frame.reads = FieldReads()
    defer { frame.reads = nil }
    return try kernel(&frame)
  }

  /// A formula's value for each enrolment of `table`, with the parameters
  /// after the enrolment at their defaults unless given in `arguments`.
  public func evaluate(
    _ formula: Workspace.Formula, over table: TableValue, arguments: [Int: Value] = [:]
  ) throws -> Column {
    let body = workspace.functionBodies[formula.body]
    var frame = Frame(count: table.rows.count, slotCount: body.slotCount)
    frame.slots[0] = .records(table.data, table.rows)
    let parameters = try formula.defaults.indices.map { offset in
      try arguments[offset + 1] ?? evaluate(formula.defaults[offset], slotCount: 0)
    }
    let function = functionKernel(formula.body)
    // The parameters' columns are made for the rows being run, a chunk's
    // on the thread that runs the chunk.
    let kernel: Kernel = { frame in
      for (offset, value) in parameters.enumerated() {
        frame.slots[offset + 1] = Column(repeating: value, count: frame.count)
      }
      return try function(&frame)
    }
    return try evaluation({ try self.inChunks(kernel, &$0, type: body.body.type) }, &frame)
  }

  func functionKernel(_ index: Int) -> Kernel {
    shared.withLock {
      if let kernel = functionKernels[index] { return kernel }
      let kernel = compile(workspace.functionBodies[index].body)
      functionKernels[index] = kernel
      return kernel
    }
  }
}
