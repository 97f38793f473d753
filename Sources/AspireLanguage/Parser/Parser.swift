/// Recursive-descent parser for scripts. It reports every independent error
/// of a file (at most 50): an error abandons the statement it is in, and
/// parsing resumes at the next statement.
public struct Parser {
  /// How deep the parser may recurse before it refuses the input. Each
  /// parenthesis costs two levels, so about 1,500 nested parentheses parse;
  /// the language promises at least 1,000, and far deeper input is an error.
  public static let maximumDepth = 3000

  var tokens: [Token]
  var position = 0
  var depth = 0
  /// Whether the parser is inside a query step's expressions, where `where`
  /// and `|` belong to the query. Brackets open a fresh context.
  var insideQueryStep = false
  var diagnostics = DiagnosticList()
  /// Comments met inside the statement being parsed.
  var innerComments: [String] = []
  let file: SourceFile

  /// Thrown to abandon the current statement after its error is reported.
  struct Abandon: Error {}

  init(file: SourceFile, tokens: [Token]) {
    self.file = file
    self.tokens = tokens
  }

  /// Parses a whole file.
  public static func parse(_ file: SourceFile) -> (program: Program, diagnostics: [Diagnostic]) {
    let (tokens, lexical) = Lexer.tokens(of: file)
    var parser = Parser(file: file, tokens: tokens)
    parser.diagnostics.append(contentsOf: lexical)
    let program = parser.parseProgram()
    let sorted = parser.diagnostics.diagnostics.sorted {
      ($0.range?.start ?? 0) < ($1.range?.start ?? 0)
    }
    return (program, sorted)
  }

  /// Parses the text as a single expression, as `aspire eval` needs.
  public static func parseExpression(_ file: SourceFile) -> (Expression?, [Diagnostic]) {
    let (program, diagnostics) = parse(file)
    guard diagnostics.isEmpty else { return (nil, diagnostics) }
    let expressions = program.statements.compactMap { statement -> Expression? in
      if case .expression(let expression) = statement.kind { return expression }
      return nil
    }
    if program.statements.count == 1, let only = expressions.first {
      return (only, [])
    }
    let range = program.statements.first?.range
      ?? SourceRange(file: file, start: 0, end: 0, startLine: 1, startColumn: 1)
    return (nil, [.error("expected a single expression", at: range)])
  }

  // MARK: - Tokens

  var current: Token { tokens[position] }

  func peek(_ distance: Int = 1) -> Token {
    tokens[min(position + distance, tokens.count - 1)]
  }

  /// Moves past the current token, keeping any comments it carried.
  @discardableResult
  mutating func advance() -> Token {
    let token = tokens[position]
    if position < tokens.count - 1 { position += 1 }
    let next = tokens[position]
    // In the order they stand: this token's comment at the end of its line,
    // then the comments on the lines before the next token.
    if let comment = token.trailingComment, next.kind != .newline, next.kind != .endOfFile {
      innerComments.append(comment)
    }
    innerComments.append(contentsOf: next.leadingComments)
    return token
  }

  mutating func accept(_ symbol: Symbol) -> Token? {
    current.isSymbol(symbol) ? advance() : nil
  }

  mutating func accept(_ keyword: Keyword) -> Token? {
    current.isKeyword(keyword) ? advance() : nil
  }

  mutating func expect(_ symbol: Symbol, _ what: String) throws -> Token {
    if let token = accept(symbol) { return token }
    throw fail("expected \(what), found \(current.displayName)")
  }

  mutating func expect(_ keyword: Keyword, _ what: String) throws -> Token {
    if let token = accept(keyword) { return token }
    throw fail("expected \(what), found \(current.displayName)")
  }

  mutating func expectIdentifier(_ what: String) throws -> Identifier {
    if case .identifier(let name) = current.kind {
      return Identifier(name: name, range: advance().range)
    }
    if case .keyword(let keyword) = current.kind {
      throw fail(
        "expected \(what), found \(current.displayName)",
        help: "\"\(keyword.rawValue)\" is a reserved word; choose another name")
    }
    throw fail("expected \(what), found \(current.displayName)")
  }

  /// Reports an error at the current token and returns the error to throw.
  mutating func fail(_ message: String, help: String? = nil) -> Abandon {
    report(message, at: errorRange, help: help)
    return Abandon()
  }

  /// Where an error at the current token shows: at the token itself, or just
  /// after the previous token when the line or the input has ended.
  var errorRange: SourceRange {
    guard current.kind == .newline || current.kind == .endOfFile, position > 0 else {
      return current.range
    }
    let end = tokens[position - 1].range.end
    return SourceRange(file: file, start: end, end: end + 1)
  }

  mutating func report(_ message: String, at range: SourceRange, help: String? = nil) {
    // A lexical error was already reported for an invalid token.
    if current.kind == .invalid && range.start == current.range.start { return }
    diagnostics.append(.error(message, at: range, help: help))
  }

  /// Skips to the end of the statement the parser is in.
  mutating func recover() {
    while current.kind != .newline && current.kind != .endOfFile {
      position += 1
    }
  }
}
