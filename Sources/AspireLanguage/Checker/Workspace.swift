import AspireModel

/// Everything declared so far: top-level bindings and functions. A file
/// run by `aspire run`, or a REPL session, checks each statement against it
/// and adds its declarations, so later statements can use them.
public final class Workspace {
  /// A top-level `let name = value`.
  public struct Global {
    public var name: String
    public var range: SourceRange
    var syntax: Expression
    public var type: ValueType = .error
    public var value: TypedExpression?
    public var slotCount = 0
    var state = CheckState.unchecked
  }

  /// A top-level `let name(parameters) = body`.
  struct Function {
    var name: String
    var range: SourceRange
    var parameters: [Identifier]
    var body: Expression
    /// Specialisations already checked, by argument types.
    var bodies: [[ValueType]: Int] = [:]
    /// For a formula: the default value of each parameter after the first,
    /// and the declaration in canonical layout, whose hash versions it.
    var defaults: [Expression?] = []
    var formulaText: String?
    /// The declaration in canonical layout, which a formula that calls the
    /// function includes in the text its hash is taken of.
    var text = ""
  }

  /// A formula, as target statements use it.
  public struct Formula: Sendable {
    public var name: String
    /// The declaration in canonical layout, followed by the declarations of
    /// the functions it calls (directly or not) in the order it first calls
    /// them: the same for any layout, and changed by any change to a helper.
    public var text: String
    public var parameters: [String]
    /// The checked body for an enrolment and the defaults' types.
    public var body: Int
    /// The default value of each parameter after the enrolment.
    public var defaults: [TypedExpression]
  }

  enum CheckState { case unchecked, checking, checked }

  public internal(set) var globals: [Global] = []
  var globalIndex: [String: Int] = [:]
  var functions: [String: Function] = [:]
  public internal(set) var functionBodies: [FunctionBody] = []
  /// Whether a new declaration may replace an old one of the same name (the
  /// REPL) or is an error (scripts).
  public var allowsRedeclaration: Bool

  public init(allowsRedeclaration: Bool = false) {
    self.allowsRedeclaration = allowsRedeclaration
  }

  /// Every name a script can refer to, for suggestions and completion.
  public var declaredNames: [String] {
    Array(globalIndex.keys) + Array(functions.keys)
  }
}

/// The built-in named values: grades, statuses, stages and levels.
enum BuiltinConstants {
  static let values: [String: Value] = {
    var table: [String: Value] = [:]
    for scale in GradeScale.builtIn {
      for grade in 0..<scale.grades.count {
        let value = Grade(scale: scale, rank: grade)
        table[value.name.filter { $0 != " " }] = .grade(value)
      }
    }
    table["NA"] = .grade(GradeScale.sqa.lowest)
    for status in Status.allCases { table[status.description] = .status(status) }
    for stage in Stage.allCases { table[stage.description] = .stage(stage) }
    for level in Level.allCases { table[level.rawValue] = .level(level) }
    return table
  }()

  static func type(of value: Value) -> ValueType {
    switch value {
    case .number: return .number
    case .text: return .text
    case .boolean: return .boolean
    case .date: return .date
    case .grade(let grade): return .grade(grade.scale)
    case .stage: return .stage
    case .level: return .level
    case .status: return .status
    case .list(let items): return .list(items.first.map(type(of:)) ?? .unknown)
    case .record(let table, _): return .record(table.record)
    case .table(let table): return .table(table.data.record)
    case .missing: return .missing
    }
  }
}
