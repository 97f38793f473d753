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
    if current.isKeyword(.formula) { return try parseFormula() }
    if current.isKeyword(.schedule) { return try parseSchedule() }
    if current.isKeyword(.rule) { return try parseRule() }
    if let statement = try parseTargetStatement() { return statement }
    if let statement = try parseSchoolStatement() { return statement }
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

  /// `formula name(e, parameter = default, …) = body`.
  mutating func parseFormula() throws -> Statement {
    let keyword = advance()
    let name = try expectIdentifier("the formula's name after \"formula\"")
    _ = try expect(.leftParenthesis, "\"(\" and the enrolment's name after the formula's name")
    var parameters: [Parameter] = []
    repeat {
      let parameter = try expectIdentifier("a parameter name")
      var defaultValue: Expression?
      if accept(.assign) != nil {
        defaultValue = try parseExpression()
      } else if !parameters.isEmpty {
        throw fail(
          "expected \"=\" and a default value for parameter \"\(parameter.name)\"",
          help: "a formula's parameters after the enrolment need default values")
      }
      parameters.append(Parameter(name: parameter, defaultValue: defaultValue))
    } while accept(.comma) != nil
    _ = try expect(.rightParenthesis, "\")\" after the parameters")
    if parameters[0].defaultValue != nil {
      report("the enrolment parameter takes no default value", at: parameters[0].name.range)
    }
    _ = try expect(.assign, "\"=\" after the formula's parameters")
    let body = try parseExpression()
    return Statement(
      kind: .formula(name: name, parameters: parameters, body: body),
      range: keyword.range.joined(with: body.range))
  }

  /// The words that start a statement about targets, and what must follow
  /// each (so a name such as `compare` standing alone is still a name).
  nonisolated(unsafe) static let targetWords: [String: (TokenKind) -> Bool] = [
    "set": { $0 == .identifier("targets") },
    "revise": { $0 == .identifier("targets") },
    "raise": { $0 == .identifier("target") },
    "compare": { if case .identifier = $0 { return true } else { return false } },
    "replay": { if case .identifier = $0 { return true } else { return false } },
    "tune": { if case .identifier = $0 { return true } else { return false } },
    "explain": { if case .identifier = $0 { return true } else { return false } },
  ]

  mutating func expectWord(_ word: String) throws {
    guard current.kind == .identifier(word) else {
      throw fail("expected \"\(word)\", found \(current.displayName)")
    }
    advance()
  }

  /// A statement about targets, or nil when the line is not one.
  mutating func parseTargetStatement() throws -> Statement? {
    guard case .identifier(let word) = current.kind, let follows = Parser.targetWords[word],
      follows(peek().kind)
    else { return nil }
    let first = advance()
    let statement: TargetStatement
    switch word {
    case "set", "revise":
      advance()  // targets
      try expectWord("for")
      let cohort = try parseExpression()
      try expectWord("using")
      let formula = try expectIdentifier("the formula's name after \"using\"")
      if word == "set" {
        statement = .set(cohort: cohort, formula: formula)
      } else {
        try expectWord("reason")
        statement = .revise(cohort: cohort, formula: formula, reason: try parseExpression())
      }
    case "raise":
      advance()  // target
      try expectWord("for")
      let learner = try parseExpression(allowsIn: false)
      _ = try expect(.in, "\"in\" and the subject after the learner")
      let subject = try parseExpression()
      try expectWord("to")
      let grade = try parseExpression()
      try expectWord("reason")
      statement = .raise(
        learner: learner, subject: subject, grade: grade, reason: try parseExpression())
    case "compare":
      let formula = try expectIdentifier("a formula's name")
      try expectWord("with")
      let other = try expectIdentifier("the other formula's name")
      try expectWord("for")
      statement = .compare(formula: formula, other: other, cohort: try parseExpression())
    case "replay":
      let formula = try expectIdentifier("a formula's name")
      try expectWord("for")
      statement = .replay(formula: formula, cohort: try parseExpression())
    case "tune":
      let formula = try expectIdentifier("a formula's name")
      let parameter = try expectIdentifier("the parameter to sweep")
      _ = try expect(.in, "\"in\" and the values to try")
      let values = try parseExpression()
      try expectWord("for")
      statement = .tune(
        formula: formula, parameter: parameter, values: values, cohort: try parseExpression())
    default:
      let formula = try expectIdentifier("a formula's name")
      try expectWord("for")
      statement = .explain(formula: formula, cohort: try parseExpression())
    }
    return Statement(
      kind: .targets(statement), range: first.range.joined(with: tokens[position - 1].range))
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
