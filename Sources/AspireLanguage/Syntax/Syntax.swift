/// A parsed script: its statements in order.
public struct Program: Sendable {
  public var file: SourceFile
  public var statements: [Statement]
  /// Comments after the last statement.
  public var trailingComments: [String]

  public init(file: SourceFile, statements: [Statement], trailingComments: [String]) {
    self.file = file
    self.statements = statements
    self.trailingComments = trailingComments
  }
}

/// A name as written, with its place.
public struct Identifier: Sendable {
  public var name: String
  public var range: SourceRange

  public init(name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }
}

/// One statement: a declaration, a test block, or an expression to print.
public struct Statement: Sendable {
  public enum Kind: Sendable {
    /// `let name = value`, or `let name(a, b) = body` for a function.
    case binding(name: Identifier, parameters: [Identifier]?, value: Expression)
    /// `test "name": fact` or `test "name":` with `expect fact` lines.
    case test(name: String, nameRange: SourceRange, facts: [Expression])
    /// `cohort name = table`: a named set of learners, enrolments or other rows.
    case cohort(name: Identifier, value: Expression)
    /// `formula name(e, weight = 1) = body`: a pure function of an enrolment
    /// that sets targets; parameters after the first have default values.
    case formula(name: Identifier, parameters: [Parameter], body: Expression)
    /// A statement about targets: set, revise, raise, compare, replay, tune,
    /// explain.
    case targets(TargetStatement)
    /// A statement about check weeks, mentoring, rules and flags.
    case school(SchoolStatement)
    /// An expression standing alone: its value is printed.
    case expression(Expression)
  }

  public var kind: Kind
  public var range: SourceRange
  /// Comments on the lines above the statement.
  public var leadingComments: [String] = []
  /// Comments that stood between the statement's own lines.
  public var innerComments: [String] = []
  /// A comment at the end of the statement's last line.
  public var trailingComment: String?
  /// Whether a blank line separated the statement from the one before.
  public var blankLineBefore = false

  public init(kind: Kind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// Operators written before their operand.
public enum PrefixOperator: String, Sendable {
  case negate = "-"
  case not = "not"
}

/// Operators written between their operands, with their binding level
/// (higher binds tighter), from the language's operator table.
public enum InfixOperator: String, CaseIterable, Sendable {
  case or, and
  case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<="
  case greater = ">", greaterOrEqual = ">=", `in`
  case coalesce = "??"
  case add = "+", subtract = "-"
  case multiply = "*", divide = "/"

  public var level: Int {
    switch self {
    case .or: return 2
    case .and: return 3
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual, .in: return 5
    case .coalesce: return 6
    case .add, .subtract: return 7
    case .multiply, .divide: return 8
    }
  }

  public var isComparison: Bool { level == 5 }
}

/// An expression node. Every node keeps its range; `height` bounds how deep
/// later stages recurse.
public struct Expression: Sendable {
  public indirect enum Kind: Sendable {
    case number(Double)
    case text(String)
    case date(Int)
    case boolean(Bool)
    case missing
    case name(String)
    case list([Expression])
    case parenthesized(Expression)
    case prefix(PrefixOperator, Expression)
    case infix(InfixOperator, Expression, Expression)
    case ifElse(condition: Expression, then: Expression, else: Expression)
    case letIn(name: Identifier, value: Expression, body: Expression)
    case call(callee: Identifier, arguments: [Expression])
    case field(Expression, Identifier)
    /// An aggregate over the elements of a list or the rows of a table:
    /// `count(e in learner.enrolments where e.status == Below)`,
    /// `mean(r in learner.results: points(r.grade))`.
    case comprehension(
      callee: Identifier, variable: Identifier, source: Expression, condition: Expression?,
      body: Expression?)
    /// A table with one query stage applied: `learners where stage == S4`,
    /// `… | sort name`, `… | show name, stage`.
    case query(Expression, QueryStage)
    /// Where a syntax error was reported; checking skips it quietly.
    case invalid
  }

  public var kind: Kind
  public var range: SourceRange
  public var height: Int

  public init(_ kind: Kind, range: SourceRange, height: Int = 1) {
    self.kind = kind
    self.range = range
    self.height = height
  }
}

/// One step of a query over a table's rows.
public enum QueryStage: Sendable {
  /// `where condition`: the rows for which it holds.
  case filter(Expression)
  /// `sort key [desc], …`: the rows in order.
  case sort([SortKey])
  /// `show item [as name], …`: new rows with the columns named.
  case show([ShowItem])
  /// `group by key, …`: one row per distinct key, holding its rows.
  case group([Expression])
  /// `limit n`: the first n rows.
  case limit(Expression)

  /// The word that starts the stage after `|`.
  public var word: String {
    switch self {
    case .filter: return "where"
    case .sort: return "sort"
    case .show: return "show"
    case .group: return "group by"
    case .limit: return "limit"
    }
  }
}

/// A sort key and its direction.
public struct SortKey: Sendable {
  public var expression: Expression
  public var descending: Bool
}

/// A column of a `show`: an expression and, optionally, its name.
public struct ShowItem: Sendable {
  public var expression: Expression
  public var name: Identifier?
}

/// A parameter of a formula, with its default value after the first.
public struct Parameter: Sendable {
  public var name: Identifier
  public var defaultValue: Expression?

  public init(name: Identifier, defaultValue: Expression?) {
    self.name = name
    self.defaultValue = defaultValue
  }
}

/// The statements that work with aspirational targets.
public enum TargetStatement: Sendable {
  /// `set targets for enrolments using formula`: sets the targets not yet set,
  /// and refuses to change locked ones.
  case set(cohort: Expression, formula: Identifier)
  /// `revise targets for enrolments using formula reason "…"`.
  case revise(cohort: Expression, formula: Identifier, reason: Expression)
  /// `raise target for "L0001" in "Mathematics" to A reason "…"`.
  case raise(learner: Expression, subject: Expression, grade: Expression, reason: Expression)
  /// `compare formula with other for enrolments`.
  case compare(formula: Identifier, other: Identifier, cohort: Expression)
  /// `replay formula for enrolments("2025-26")`: against that year's results.
  case replay(formula: Identifier, cohort: Expression)
  /// `tune formula parameter in [values] for enrolments("2025-26")`.
  case tune(formula: Identifier, parameter: Identifier, values: Expression, cohort: Expression)
  /// `explain formula for enrolments where …`: step by step for one
  /// enrolment, or which evidence decided the targets of many.
  case explain(formula: Identifier, cohort: Expression)

  /// The statement's first word.
  public var word: String {
    switch self {
    case .set: return "set"
    case .revise: return "revise"
    case .raise: return "raise"
    case .compare: return "compare"
    case .replay: return "replay"
    case .tune: return "tune"
    case .explain: return "explain"
    }
  }
}

/// Who a flag is for.
public enum FlagRole: String, CaseIterable, Sendable {
  case classTeacher = "class_teacher"
  case facultyHead = "faculty_head"
  case pupilSupport = "pupil_support"
  case seniorLeader = "senior_leader"
  case mentor
}

/// The statements about check weeks, mentoring, rules and flags.
public enum SchoolStatement: Sendable {
  /// `schedule checks for seniors: from 2026-08-24 every 6 weeks, 4 rounds,
  /// skip 2026-10-12 to 2026-10-23`.
  case schedule(
    name: Identifier, cohort: Expression, first: Expression, weeks: Expression,
    rounds: Expression, skips: [(from: Expression, to: Expression)])
  /// `mark "L00012" in "English" round 2 as Below comment "…"`: one return.
  case mark(
    learner: Expression, subject: Expression, round: Expression, status: Expression,
    comment: Expression?)
  /// `allocate mentors for seniors`.
  case allocate(cohort: Expression)
  /// `rule name for rows after each round of checks: when condition flag role "message"`.
  case rule(
    name: Identifier, rows: Expression, schedule: Identifier, condition: Expression,
    role: Identifier, message: Expression)
  /// `close flag 17 note "…"`.
  case closeFlag(id: Expression, note: Expression)
  /// `write packs for round 2 of checks`: each mentor's meeting pack.
  case writePacks(round: Expression, schedule: Identifier)
  /// `write summary for faculty "Sciences"`: a faculty head's summary.
  case writeSummary(faculty: Expression)
  /// `glance "L00012"` (a learner's year) or `glance seniors` (a cohort's).
  case glance(Expression)
  /// `report live for seniors after each round of checks: to contacts`:
  /// queues each family's Live Report for every round closed by today.
  case report(name: Identifier, cohort: Expression, schedule: Identifier)
  /// `analyse results for enrolments("2025-26")` (add `outside` for use
  /// outside the school): the August analysis as an HTML file.
  case analyse(cohort: Expression, outside: Bool)
}
