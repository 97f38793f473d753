/// The kinds of token the lexer produces.
public enum TokenKind: Equatable, Sendable {
  case number(Double)
  case text(String)
  case date(Int)  // day number, see `CalendarDate`
  case identifier(String)
  case keyword(Keyword)
  case symbol(Symbol)
  /// The end of a statement: a line break outside brackets that is not
  /// followed by an indented line.
  case newline
  case endOfFile
  /// Text the lexer could not read; the diagnostic has been reported.
  case invalid
}

/// Reserved words. Names that are not here are identifiers.
public enum Keyword: String, CaseIterable, Sendable {
  case `let`, `in`, `if`, then, `else`, and, or, not, `true`, `false`, missing
  case test, expect
  case cohort, `where`, formula, schedule, rule

  /// Whether the word, at the left margin, always begins a new statement.
  public var startsDeclaration: Bool {
    switch self {
    case .let, .test, .cohort, .formula, .schedule, .rule: return true
    default: return false
    }
  }
}

/// Punctuation and operators.
public enum Symbol: String, CaseIterable, Sendable {
  case leftParenthesis = "("
  case rightParenthesis = ")"
  case leftBracket = "["
  case rightBracket = "]"
  case comma = ","
  case dot = "."
  case colon = ":"
  case assign = "="
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case plus = "+"
  case minus = "-"
  case star = "*"
  case slash = "/"
  case coalesce = "??"
  case pipe = "|"
}

/// One token with its place in the source, and the comments that stood
/// before it (kept so that `aspire fmt` can put them back).
public struct Token: Sendable {
  public var kind: TokenKind
  public var range: SourceRange
  /// Comments on the lines before this token, and whether a blank line
  /// separated them (or the token) from what came before.
  public var leadingComments: [String] = []
  public var blankLineBefore = false
  /// A comment on the same line after this token.
  public var trailingComment: String?

  public init(kind: TokenKind, range: SourceRange) {
    self.kind = kind
    self.range = range
  }

  public func isKeyword(_ keyword: Keyword) -> Bool { kind == .keyword(keyword) }
  public func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }

  /// How the token reads in a message: `"then"`, `number 3`, `end of line`.
  public var displayName: String {
    switch kind {
    case .number: return "number \(range.text)"
    case .text: return "text \(range.text)"
    case .date: return "date \(range.text)"
    case .identifier(let name): return "name \"\(name)\""
    case .keyword(let keyword): return "\"\(keyword.rawValue)\""
    case .symbol(let symbol): return "\"\(symbol.rawValue)\""
    case .newline: return "end of line"
    case .endOfFile: return "end of input"
    case .invalid: return "\"\(range.text)\""
    }
  }
}
