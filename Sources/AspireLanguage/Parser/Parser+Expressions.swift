extension Parser {
  /// Level 1 of the operator table: `if`, `let … in`, or a binary expression.
  /// With `allowsIn` false, a bare `in` ends the expression (a `let` value).
  /// With `allowsQuery` false, `where` and `|` end the expression: they
  /// belong to the query the expression is part of.
  mutating func parseExpression(allowsIn: Bool = true, allowsQuery: Bool = true) throws
    -> Expression
  {
    try descend()
    defer { depth -= 1 }
    var expression: Expression
    if current.isKeyword(.if) {
      expression = try parseIf(allowsIn: allowsIn)
    } else if current.isKeyword(.let) {
      expression = try parseLetIn(allowsIn: allowsIn)
    } else {
      expression = try parseInfix(minimumLevel: 2, allowsIn: allowsIn)
    }
    while allowsQuery && !insideQueryStep, current.isKeyword(.where) || current.isSymbol(.pipe) {
      let stage = try parseQueryStage(allowsIn: allowsIn)
      let end = tokens[position - 1].range
      expression = Expression(
        .query(expression, stage), range: expression.range.joined(with: end),
        height: expression.height + 1)
    }
    return expression
  }

  /// Counts one level of nesting, refusing input nested too deeply.
  mutating func descend() throws {
    depth += 1
    if depth > Parser.maximumDepth {
      throw fail("expression nested too deeply", help: "split it into named parts with let")
    }
  }

  /// One query stage: `where C`, or after `|` one of `where`, `sort`, `show`,
  /// `group by` and `limit`.
  mutating func parseQueryStage(allowsIn: Bool) throws -> QueryStage {
    let outer = insideQueryStep
    insideQueryStep = true
    defer { insideQueryStep = outer }
    if accept(.where) != nil {
      return .filter(try parseExpression(allowsIn: allowsIn))
    }
    advance()  // the pipe
    if accept(.where) != nil {
      return .filter(try parseExpression(allowsIn: allowsIn))
    }
    guard case .identifier(let word) = current.kind else {
      throw fail(
        "expected a query step after \"|\", found \(current.displayName)",
        help: "the steps are where, sort, show, group by and limit")
    }
    let wordToken = advance()
    switch word {
    case "sort":
      var keys: [SortKey] = []
      repeat {
        let key = try parseExpression(allowsIn: allowsIn, allowsQuery: false)
        var descending = false
        if case .identifier(let direction) = current.kind, direction == "desc" || direction == "asc"
        {
          descending = direction == "desc"
          advance()
        }
        keys.append(SortKey(expression: key, descending: descending))
      } while accept(.comma) != nil
      return .sort(keys)
    case "show":
      var items: [ShowItem] = []
      repeat {
        let item = try parseExpression(allowsIn: allowsIn, allowsQuery: false)
        var name: Identifier?
        if case .identifier("as") = current.kind {
          advance()
          name = try expectIdentifier("a column name after \"as\"")
        }
        items.append(ShowItem(expression: item, name: name))
      } while accept(.comma) != nil
      return .show(items)
    case "group":
      guard case .identifier("by") = current.kind else {
        throw fail("expected \"by\" after \"group\", found \(current.displayName)")
      }
      advance()
      var keys: [Expression] = []
      repeat {
        keys.append(try parseExpression(allowsIn: allowsIn, allowsQuery: false))
      } while accept(.comma) != nil
      return .group(keys)
    case "limit":
      return .limit(try parseExpression(allowsIn: allowsIn, allowsQuery: false))
    default:
      let steps = ["sort", "show", "group", "limit", "where"]
      report(
        "unknown query step \"\(word)\"", at: wordToken.range,
        help: closestName(to: word, among: steps).map { "did you mean \"\($0)\"?" }
          ?? "the steps are where, sort, show, group by and limit")
      throw Abandon()
    }
  }

  mutating func parseIf(allowsIn: Bool) throws -> Expression {
    let keyword = advance()
    let condition = try parseExpression()
    _ = try expect(.then, "\"then\" after the condition of \"if\"")
    let thenBranch = try parseExpression()
    guard current.isKeyword(.else) else {
      throw fail(
        "expected \"else\" after the \"then\" branch, found \(current.displayName)",
        help: "every \"if\" needs an \"else\"")
    }
    advance()
    let elseBranch = try parseExpression(allowsIn: allowsIn)
    return Expression(
      .ifElse(condition: condition, then: thenBranch, else: elseBranch),
      range: keyword.range.joined(with: elseBranch.range),
      height: max(condition.height, thenBranch.height, elseBranch.height) + 1)
  }

  mutating func parseLetIn(allowsIn: Bool) throws -> Expression {
    let keyword = advance()
    let name = try expectIdentifier("a name after \"let\"")
    if current.isSymbol(.leftParenthesis) {
      throw fail(
        "a function cannot be declared inside an expression",
        help: "declare the function on its own line")
    }
    _ = try expect(.assign, "\"=\" after \"let \(name.name)\"")
    let value = try parseExpression(allowsIn: false)
    _ = try expect(.in, "\"in\" after the value of \"let \(name.name)\"")
    let body = try parseExpression(allowsIn: allowsIn)
    return Expression(
      .letIn(name: name, value: value, body: body),
      range: keyword.range.joined(with: body.range),
      height: max(value.height, body.height) + 1)
  }

  /// The infix operator at the current token, if it binds at `minimumLevel`
  /// or tighter.
  func infixOperator(minimumLevel: Int, allowsIn: Bool) -> InfixOperator? {
    let candidate: InfixOperator?
    switch current.kind {
    case .symbol(let symbol): candidate = InfixOperator(rawValue: symbol.rawValue)
    case .keyword(.and): candidate = .and
    case .keyword(.or): candidate = .or
    case .keyword(.in): candidate = allowsIn ? .in : nil
    default: candidate = nil
    }
    guard let candidate, candidate.level >= minimumLevel else { return nil }
    return candidate
  }

  /// Precedence climbing over the binary levels 2 to 8.
  mutating func parseInfix(minimumLevel: Int, allowsIn: Bool) throws -> Expression {
    var left = try parseOperand(allowsIn: allowsIn)
    while let op = infixOperator(minimumLevel: minimumLevel, allowsIn: allowsIn) {
      advance()
      // `??` groups to the right; the others to the left.
      let rightLevel = op == .coalesce ? op.level : op.level + 1
      try descend()
      let right = try parseInfix(minimumLevel: rightLevel, allowsIn: allowsIn)
      depth -= 1
      left = Expression(
        .infix(op, left, right), range: left.range.joined(with: right.range),
        height: max(left.height, right.height) + 1)
      if left.height > Parser.maximumDepth {
        throw fail("expression nested too deeply", help: "split it into named parts with let")
      }
      if op.isComparison,
        let next = infixOperator(minimumLevel: 5, allowsIn: allowsIn), next.isComparison
      {
        report(
          "comparisons cannot be chained: \"\(op.rawValue)\" then \"\(next.rawValue)\"",
          at: current.range, help: "use \"and\" or parentheses, as in (a < b) and (b < c)")
        throw Abandon()
      }
    }
    return left
  }

  /// An operand, which may start with a prefix form: `not`, `-`, `if`, `let`.
  mutating func parseOperand(allowsIn: Bool) throws -> Expression {
    try descend()
    defer { depth -= 1 }
    switch current.kind {
    case .keyword(.not):
      let keyword = advance()
      let operand = try parseInfix(minimumLevel: 5, allowsIn: allowsIn)
      return Expression(
        .prefix(.not, operand), range: keyword.range.joined(with: operand.range),
        height: operand.height + 1)
    case .symbol(.minus):
      let sign = advance()
      let operand = try parseOperand(allowsIn: allowsIn)
      return Expression(
        .prefix(.negate, operand), range: sign.range.joined(with: operand.range),
        height: operand.height + 1)
    case .keyword(.if):
      return try parseIf(allowsIn: allowsIn)
    case .keyword(.let):
      return try parseLetIn(allowsIn: allowsIn)
    case .keyword(let keyword) where Parser.statementWords.contains(keyword):
      // A word that only starts a statement is a name inside an expression:
      // the fields `schedule` of a round and `rule` of a flag.
      tokens[position].kind = .identifier(keyword.rawValue)
      return try parsePostfix()
    default:
      return try parsePostfix()
    }
  }

  /// Reserved words that begin statements and never an expression.
  static let statementWords: Set<Keyword> = [.cohort, .formula, .schedule, .rule]

  /// A primary expression followed by calls and field accesses.
  mutating func parsePostfix() throws -> Expression {
    var expression = try parsePrimary()
    while true {
      if current.isSymbol(.dot) {
        advance()
        // After a dot a reserved word can only be a field: `flag.rule`, `round.schedule`.
        if case .keyword(let keyword) = current.kind {
          tokens[position].kind = .identifier(keyword.rawValue)
        }
        let field = try expectIdentifier("a field name after \".\"")
        expression = Expression(
          .field(expression, field), range: expression.range.joined(with: field.range),
          height: expression.height + 1)
      } else if current.isSymbol(.leftParenthesis), case .name(let name) = expression.kind,
        Parser.comprehensionFunctions.contains(name), case .identifier = peek().kind,
        peek(2).isKeyword(.in)
      {
        expression = try parseComprehension(Identifier(name: name, range: expression.range))
      } else if current.isSymbol(.leftParenthesis), case .name(let name) = expression.kind {
        let open = advance()
        let arguments = try parseList(closing: .rightParenthesis, opening: open)
        let close = tokens[position - 1]
        let callee = Identifier(name: name, range: expression.range)
        expression = Expression(
          .call(callee: callee, arguments: arguments),
          range: expression.range.joined(with: close.range),
          height: (arguments.map(\.height).max() ?? 0) + 1)
      } else {
        return expression
      }
    }
  }

  /// The functions that can sum up elements as `f(x in source …)`.
  static let comprehensionFunctions: Set<String> = [
    "count", "sum", "mean", "median", "min", "max", "all", "any",
  ]

  /// `f(x in source [where condition] [: body])`, the parenthesis current.
  mutating func parseComprehension(_ callee: Identifier) throws -> Expression {
    let outer = insideQueryStep
    insideQueryStep = false
    defer { insideQueryStep = outer }
    let open = advance()
    let variable = try expectIdentifier("a name for each element")
    advance()  // in
    let source = try parseExpression(allowsQuery: false)
    var condition: Expression?
    if accept(.where) != nil { condition = try parseExpression(allowsQuery: false) }
    var body: Expression?
    if accept(.colon) != nil { body = try parseExpression() }
    guard let close = accept(.rightParenthesis) else {
      throw fail(
        "expected \"where\", \":\" or \")\", found \(current.displayName)",
        help: unclosedHelp(open, "("))
    }
    let height = [source.height, condition?.height ?? 0, body?.height ?? 0].max()! + 1
    return Expression(
      .comprehension(
        callee: callee, variable: variable, source: source, condition: condition, body: body),
      range: callee.range.joined(with: close.range), height: height)
  }

  /// Comma-separated expressions up to the closing bracket.
  mutating func parseList(closing: Symbol, opening: Token) throws -> [Expression] {
    let outer = insideQueryStep
    insideQueryStep = false
    defer { insideQueryStep = outer }
    var items: [Expression] = []
    if accept(closing) != nil { return items }
    repeat {
      if current.isSymbol(closing) { break }  // a trailing comma
      items.append(try parseExpression())
    } while accept(.comma) != nil
    guard accept(closing) != nil else {
      let pair = closing == .rightParenthesis ? "(" : "["
      throw fail(
        "expected \",\" or \"\(closing.rawValue)\", found \(current.displayName)",
        help: unclosedHelp(opening, pair))
    }
    return items
  }

  mutating func parsePrimary() throws -> Expression {
    let token = current
    switch token.kind {
    case .number(let value):
      advance()
      return Expression(.number(value), range: token.range)
    case .text(let value):
      advance()
      return Expression(.text(value), range: token.range)
    case .date(let day):
      advance()
      return Expression(.date(day), range: token.range)
    case .keyword(.true), .keyword(.false):
      advance()
      return Expression(.boolean(token.isKeyword(.true)), range: token.range)
    case .keyword(.missing):
      advance()
      return Expression(.missing, range: token.range)
    case .identifier(let name):
      advance()
      return Expression(.name(name), range: token.range)
    case .symbol(.leftParenthesis):
      advance()
      let outer = insideQueryStep
      insideQueryStep = false
      let inner = try parseExpression()
      insideQueryStep = outer
      guard let close = accept(.rightParenthesis) else {
        throw fail(
          "expected \")\", found \(current.displayName)", help: unclosedHelp(token, "("))
      }
      return Expression(
        .parenthesized(inner), range: token.range.joined(with: close.range),
        height: inner.height + 1)
    case .symbol(.leftBracket):
      advance()
      let items = try parseList(closing: .rightBracket, opening: token)
      let close = tokens[position - 1]
      return Expression(
        .list(items), range: token.range.joined(with: close.range),
        height: (items.map(\.height).max() ?? 0) + 1)
    case .invalid:
      throw Abandon()
    default:
      throw fail("expected an expression, found \(token.displayName)")
    }
  }

  /// Where the bracket `opening` stands, when the line ends before it is
  /// closed; nil when something else stands where the closing one belongs.
  func unclosedHelp(_ opening: Token, _ bracket: String) -> String? {
    guard current.kind == .newline || current.kind == .endOfFile else { return nil }
    return "the \"\(bracket)\" at \(opening.range.startLine):\(opening.range.startColumn) "
      + "is not closed"
  }
}
