extension Parser {
  mutating func parseProgram() -> Program {
    var statements: [Statement] = []
    while true {
      while current.kind == .newline { position += 1 }
      if current.kind == .endOfFile || diagnostics.isFull { break }
      let first = current
      innerComments = []
      let startPosition = position
      do {
        var statement = try parseStatement()
        if current.kind != .newline && current.kind != .endOfFile {
          throw fail("expected end of line after the statement, found \(current.displayName)")
        }
        statement.leadingComments = first.leadingComments
        statement.blankLineBefore = first.blankLineBefore
        statement.innerComments = innerComments
        statement.trailingComment = tokens[max(startPosition, position - 1)].trailingComment
        statements.append(statement)
      } catch {
        recover()
      }
    }
    return Program(
      file: file, statements: statements, trailingComments: current.leadingComments)
  }

  mutating func parseStatement() throws -> Statement {
    if current.isKeyword(.let) { return try parseBinding() }
    if current.isKeyword(.test) { return try parseTest() }
    if current.isKeyword(.cohort) { return try parseCohort() }
    let expression = try parseExpression()
    return Statement(kind: .expression(expression), range: expression.range)
  }

  /// `let name = value`, `let name(a, b) = body`, or a `let … in` expression
  /// standing alone.
  mutating func parseBinding() throws -> Statement {
    let keyword = advance()
    let name = try expectIdentifier("a name after \"let\"")
    var parameters: [Identifier]?
    if accept(.leftParenthesis) != nil {
      var list: [Identifier] = []
      if !current.isSymbol(.rightParenthesis) {
        repeat {
          list.append(try expectIdentifier("a parameter name"))
        } while accept(.comma) != nil
      }
      _ = try expect(.rightParenthesis, "\")\" after the parameters")
      parameters = list
    }
    _ = try expect(.assign, "\"=\" after \"let \(name.name)\"")
    let value = try parseExpression(allowsIn: false)
    if current.isKeyword(.in) {
      guard parameters == nil else {
        throw fail(
          "a function cannot be declared inside an expression",
          help: "declare the function on its own line")
      }
      advance()
      let body = try parseExpression()
      let expression = Expression(
        .letIn(name: name, value: value, body: body), range: keyword.range.joined(with: body.range),
        height: max(value.height, body.height) + 1)
      return Statement(kind: .expression(expression), range: expression.range)
    }
    return Statement(
      kind: .binding(name: name, parameters: parameters, value: value),
      range: keyword.range.joined(with: value.range))
  }

  /// `cohort name = table`.
  mutating func parseCohort() throws -> Statement {
    let keyword = advance()
    let name = try expectIdentifier("the cohort's name after \"cohort\"")
    _ = try expect(.assign, "\"=\" after \"cohort \(name.name)\"")
    let value = try parseExpression()
    return Statement(
      kind: .cohort(name: name, value: value), range: keyword.range.joined(with: value.range))
  }

  /// `test "name": fact`, or `test "name":` followed by `expect fact` lines.
  mutating func parseTest() throws -> Statement {
    let keyword = advance()
    guard case .text(let name) = current.kind else {
      throw fail("expected the test's name in quotes, found \(current.displayName)")
    }
    let nameRange = advance().range
    _ = try expect(.colon, "\":\" after the test's name")
    var facts: [Expression] = []
    if current.isKeyword(.expect) {
      while accept(.expect) != nil {
        facts.append(try parseExpression())
      }
    } else {
      facts.append(try parseExpression())
    }
    return Statement(
      kind: .test(name: name, nameRange: nameRange, facts: facts),
      range: keyword.range.joined(with: facts.last!.range))
  }
}
