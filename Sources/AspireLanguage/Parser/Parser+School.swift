extension Parser {
  /// The words that start a statement about check weeks, mentoring and
  /// flags, and what must follow each, so a name such as `mark` standing
  /// alone is still a name.
  nonisolated(unsafe) static let schoolWords: [String: (TokenKind) -> Bool] = [
    "mark": { if case .text = $0 { return true } else { return false } },
    "allocate": { $0 == .identifier("mentors") },
    "close": { $0 == .identifier("flag") },
    "write": { $0 == .identifier("packs") || $0 == .identifier("summary") },
    "glance": { $0 != .newline && $0 != .endOfFile },
    "report": { if case .identifier = $0 { return true } else { return false } },
    "analyse": { $0 == .identifier("results") },
  ]

  /// `schedule name for cohort: from date every n weeks, n rounds {, skip a to b}`.
  mutating func parseSchedule() throws -> Statement {
    let keyword = advance()
    let name = try expectIdentifier("the schedule's name after \"schedule\"")
    try expectWord("for")
    let cohort = try parseExpression()
    _ = try expect(.colon, "\":\" after the schedule's cohort")
    try expectWord("from")
    let first = try parseExpression()
    try expectWord("every")
    let weeks = try parseInfix(minimumLevel: 2, allowsIn: true)
    try expectWord("weeks")
    _ = try expect(.comma, "\",\" and the number of rounds")
    let rounds = try parseInfix(minimumLevel: 2, allowsIn: true)
    try expectWord("rounds")
    var skips: [(from: Expression, to: Expression)] = []
    while accept(.comma) != nil {
      try expectWord("skip")
      let from = try parseExpression()
      try expectWord("to")
      skips.append((from, try parseExpression()))
    }
    return Statement(
      kind: .school(
        .schedule(
          name: name, cohort: cohort, first: first, weeks: weeks, rounds: rounds, skips: skips)),
      range: keyword.range.joined(with: tokens[position - 1].range))
  }

  /// `rule name for rows after each round of schedule: when condition flag role message`.
  mutating func parseRule() throws -> Statement {
    let keyword = advance()
    let name = try expectIdentifier("the rule's name after \"rule\"")
    try expectWord("for")
    let rows = try parseExpression()
    let schedule = try parseAfterEachRound()
    try expectWord("when")
    let condition = try parseExpression()
    try expectWord("flag")
    let role = try expectIdentifier("who the flag is for")
    let message = try parseExpression()
    return Statement(
      kind: .school(
        .rule(
          name: name, rows: rows, schedule: schedule, condition: condition, role: role,
          message: message)),
      range: keyword.range.joined(with: message.range))
  }

  /// `after each round of SCHEDULE:`, as rules and reports say when they run;
  /// the schedule's name.
  mutating func parseAfterEachRound() throws -> Identifier {
    for word in ["after", "each", "round", "of"] { try expectWord(word) }
    let schedule = try expectIdentifier("the schedule's name")
    _ = try expect(.colon, "\":\" after the schedule's name")
    return schedule
  }

  /// A statement about returns, mentoring or flags, or nil when the line is
  /// not one.
  mutating func parseSchoolStatement() throws -> Statement? {
    guard case .identifier(let word) = current.kind, let follows = Parser.schoolWords[word],
      follows(peek().kind)
    else { return nil }
    let first = advance()
    let statement: SchoolStatement
    switch word {
    case "mark":
      let learner = try parseExpression(allowsIn: false)
      _ = try expect(.in, "\"in\" and the subject after the learner")
      let subject = try parseExpression()
      try expectWord("round")
      let round = try parseExpression()
      try expectWord("as")
      let status = try parseExpression()
      var comment: Expression?
      if current.kind == .identifier("comment") {
        advance()
        comment = try parseExpression()
      }
      statement = .mark(
        learner: learner, subject: subject, round: round, status: status, comment: comment)
    case "allocate":
      advance()  // mentors
      try expectWord("for")
      statement = .allocate(cohort: try parseExpression())
    case "close":
      advance()  // flag
      let id = try parseExpression()
      try expectWord("note")
      statement = .closeFlag(id: id, note: try parseExpression())
    case "write":
      if accept(word: "packs") {
        try expectWord("for")
        try expectWord("round")
        let round = try parseExpression()
        try expectWord("of")
        let schedule = try expectIdentifier("the schedule's name")
        statement = .writePacks(round: round, schedule: schedule)
      } else {
        advance()  // summary
        try expectWord("for")
        try expectWord("faculty")
        statement = .writeSummary(faculty: try parseExpression())
      }
    case "report":
      let name = try expectIdentifier("the report's name")
      try expectWord("for")
      let cohort = try parseExpression()
      let schedule = try parseAfterEachRound()
      try expectWord("to")
      try expectWord("contacts")
      statement = .report(name: name, cohort: cohort, schedule: schedule)
    case "analyse":
      advance()  // results
      try expectWord("for")
      let cohort = try parseExpression()
      statement = .analyse(cohort: cohort, outside: accept(word: "outside"))
    default:
      statement = .glance(try parseExpression())
    }
    return Statement(
      kind: .school(statement), range: first.range.joined(with: tokens[position - 1].range))
  }

  /// Moves past the word if it is current.
  mutating func accept(word: String) -> Bool {
    guard current.kind == .identifier(word) else { return false }
    advance()
    return true
  }
}
