import AspireModel

/// A checked expression: every name resolved to a slot, every operator
/// resolved to the operation its operand types call for, every node typed.
/// The evaluator compiles this, never the syntax tree.
public struct TypedExpression: Sendable {
  public indirect enum Kind: Sendable {
    case constant(Value)
    /// The date the command runs as of (`--as-of`, else today).
    case today
    /// A local binding or parameter, by its slot in the frame.
    case local(Int)
    /// A top-level binding, by its index in the workspace.
    case global(Int)
    case negate(TypedExpression)
    case not(TypedExpression)
    case arithmetic(Arithmetic, TypedExpression, TypedExpression)
    case compare(Comparison, TypedExpression, TypedExpression)
    case member(TypedExpression, TypedExpression)
    case and(TypedExpression, TypedExpression)
    case or(TypedExpression, TypedExpression)
    case coalesce(TypedExpression, TypedExpression)
    case ifElse(TypedExpression, TypedExpression, TypedExpression)
    case letIn(name: String, slot: Int, value: TypedExpression, body: TypedExpression)
    case list([TypedExpression])
    case builtin(BuiltinFunction, [TypedExpression])
    /// A user function, by its specialisation's index in the workspace.
    case call(Int, [TypedExpression])
    /// A school table from the store, of the session (or year) given, or the
    /// default session.
    case table(Entity, session: TypedExpression?)
    /// A field of a record, by its index in the record type.
    case field(TypedExpression, Int)
    /// The rows of another table that belong to a record.
    case related(TypedExpression, Relation)
    /// `f(x in source where condition: body)`: the source's elements bound to
    /// `slot` in turn, kept where the condition holds, summed up by `f`.
    case comprehension(
      BuiltinFunction, slot: Int, source: TypedExpression, condition: TypedExpression?,
      body: TypedExpression?)
    /// A query step applied to a table.
    case query(TypedExpression, TypedQueryStage)
    /// An aggregate over each group's rows, in a query after `group by`: the
    /// argument is evaluated for the group's rows in `memberSlot`.
    case aggregate(
      BuiltinFunction, rows: TypedExpression, memberSlot: Int, argument: TypedExpression?)
  }

  public var kind: Kind
  public var type: ValueType
  public var range: SourceRange

  public init(_ kind: Kind, type: ValueType, range: SourceRange) {
    self.kind = kind
    self.type = type
    self.range = range
  }
}

/// What `+`, `-`, `*` and `/` do, chosen by the types of their operands.
public enum Arithmetic: Sendable {
  case add, subtract, multiply, divide
  case join
  /// A date plus or minus days (the number may stand on either side of `+`).
  case dateAddDays, dateSubtractDays, daysBetween
  /// A grade moved by steps, and the steps between two grades.
  case gradeAddSteps, gradeSubtractSteps, stepsBetween
  /// `number + date` and `number + grade`: the operands swap places.
  case daysAddDate, stepsAddGrade
}

/// The six comparisons, valid on one type.
public enum Comparison: String, Sendable {
  case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<="
  case greater = ">", greaterOrEqual = ">="
}

/// One specialisation of a user function: its body checked for one list of
/// argument types.
public struct FunctionBody: Sendable {
  public var name: String
  public var parameterCount: Int
  /// Slots the body's frame needs: parameters first, then `let` bindings.
  public var slotCount: Int
  public var body: TypedExpression
}

/// A checked query step. Each binds the row it looks at to `rowSlot`.
public enum TypedQueryStage: Sendable {
  case filter(rowSlot: Int, condition: TypedExpression)
  case sort(rowSlot: Int, keys: [TypedExpression], descending: [Bool])
  case show(rowSlot: Int, items: [TypedExpression], record: RecordType)
  case group(rowSlot: Int, keys: [TypedExpression], record: RecordType)
  case limit(TypedExpression)
}

extension TypedExpression {
  /// The expressions directly inside this one, in source order.
  public var children: [TypedExpression] {
    switch kind {
    case .constant, .local, .global, .today, .table(_, session: nil): return []
    case .table(_, let session?): return [session]
    case .negate(let x), .not(let x), .field(let x, _), .related(let x, _): return [x]
    case .arithmetic(_, let a, let b), .compare(_, let a, let b), .member(let a, let b),
      .and(let a, let b), .or(let a, let b), .coalesce(let a, let b):
      return [a, b]
    case .ifElse(let a, let b, let c): return [a, b, c]
    case .letIn(_, _, let value, let body): return [value, body]
    case .list(let items), .builtin(_, let items), .call(_, let items): return items
    case .query(let base, let stage): return [base] + stage.expressions
    case .aggregate(_, let rows, _, let argument): return [rows] + (argument.map { [$0] } ?? [])
    case .comprehension(_, _, let source, let condition, let body):
      return [source] + [condition, body].compactMap { $0 }
    }
  }
}

extension TypedQueryStage {
  /// The expressions the step evaluates.
  public var expressions: [TypedExpression] {
    switch self {
    case .filter(_, let condition): return [condition]
    case .sort(_, let keys, _), .group(_, let keys, _): return keys
    case .show(_, let items, _): return items
    case .limit(let count): return [count]
    }
  }
}
