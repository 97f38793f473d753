import AspireModel

/// Turns a source file into tokens. A line break ends a statement unless it
/// stands inside brackets or the next line is indented deeper than the
/// statement's first line (then the statement continues there).
public struct Lexer {
  private let file: SourceFile
  private let scalars: [Unicode.Scalar]
  private var offset = 0
  private var line: Int
  private var lineStart = 0
  private var depth = 0
  /// Indentation of the first line of the statement being read.
  private var statementIndent = 0
  private var atStatementStart = true
  private var pendingComments: [String] = []
  private var pendingBlankLine = false
  private(set) public var diagnostics: [Diagnostic] = []

  public init(file: SourceFile) {
    self.file = file
    self.scalars = file.scalars
    self.line = file.firstLine
  }

  /// Every token of the file, ending with `.endOfFile`.
  public static func tokens(of file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
    var lexer = Lexer(file: file)
    var tokens: [Token] = []
    while true {
      let token = lexer.next(previous: tokens.last)
      if let comment = lexer.takeTrailingComment(), !tokens.isEmpty {
        tokens[tokens.count - 1].trailingComment = comment
      }
      tokens.append(token)
      if token.kind == .endOfFile { break }
    }
    return (tokens, lexer.diagnostics)
  }

  private var trailingComment: String?

  private mutating func takeTrailingComment() -> String? {
    defer { trailingComment = nil }
    return trailingComment
  }

  /// Reads the next token.
  private mutating func next(previous: Token?) -> Token {
    while true {
      skipSpaces()
      guard offset < scalars.count else {
        var token = make(.endOfFile, from: offset)
        attachComments(to: &token)
        return token
      }
      let scalar = scalars[offset]
      if scalar == "#" {
        let comment = readComment()
        if let previous, previous.range.file === file, previous.kind != .newline,
          file.line(of: previous.range.start) == line
        {
          trailingComment = comment
        } else {
          pendingComments.append(comment)
        }
        continue
      }
      if scalar == "\n" {
        if let token = lineBreak() { return token }
        continue
      }
      var token = readToken()
      if atStatementStart {
        statementIndent = token.range.startColumn - 1
        atStatementStart = false
      }
      attachComments(to: &token)
      return token
    }
  }

  private mutating func attachComments(to token: inout Token) {
    token.leadingComments = pendingComments
    token.blankLineBefore = pendingBlankLine
    pendingComments = []
    pendingBlankLine = false
  }

  private mutating func skipSpaces() {
    while offset < scalars.count,
      scalars[offset] == " " || scalars[offset] == "\t" || scalars[offset] == "\r"
    {
      offset += 1
    }
  }

  private mutating func readComment() -> String {
    let start = offset
    while offset < scalars.count && scalars[offset] != "\n" { offset += 1 }
    var text = file.text(from: start, to: offset)
    while text.last == " " || text.last == "\t" || text.last == "\r" { text.removeLast() }
    return text
  }

  /// Handles a line break: returns a statement end, or nil to go on reading.
  private mutating func lineBreak() -> Token? {
    let breakOffset = offset
    offset += 1
    line += 1
    lineStart = offset
    // Look ahead past blank lines to the next line with content.
    var probe = offset
    var blank = false
    while true {
      var indent = 0
      while probe < scalars.count && (scalars[probe] == " " || scalars[probe] == "\t") {
        probe += 1
        indent += 1
      }
      if probe < scalars.count && scalars[probe] == "\r" { probe += 1 }
      if probe < scalars.count && scalars[probe] == "\n" {
        probe += 1
        blank = true
        continue
      }
      let nextIsComment = probe < scalars.count && scalars[probe] == "#"
      if blank { pendingBlankLine = true }
      if indent == 0 && startsDeclaration(at: probe) {
        // A declaration at the left margin always starts a statement, so an
        // unclosed bracket above it cannot swallow the rest of the file.
        depth = 0
      }
      if depth > 0 || atStatementStart || nextIsComment {
        return nil
      }
      if probe < scalars.count && indent > statementIndent { return nil }
      atStatementStart = true
      return make(.newline, from: breakOffset, to: breakOffset + 1, line: line - 1,
        column: breakOffset - file.lineStarts[line - 1 - file.firstLine] + 1)
    }
  }

  private func startsDeclaration(at position: Int) -> Bool {
    var end = position
    while end < scalars.count, isIdentifierPart(scalars[end]) { end += 1 }
    guard end > position, let keyword = Keyword(rawValue: file.text(from: position, to: end))
    else { return false }
    return keyword.startsDeclaration
  }

  private func make(_ kind: TokenKind, from start: Int, to end: Int? = nil, line: Int? = nil,
    column: Int? = nil) -> Token
  {
    Token(
      kind: kind,
      range: SourceRange(
        file: file, start: start, end: end ?? offset, startLine: line ?? self.line,
        startColumn: column ?? (start - lineStart + 1)))
  }

  private mutating func report(_ message: String, from start: Int, to end: Int? = nil,
    help: String? = nil)
  {
    let range = make(.invalid, from: start, to: end).range
    diagnostics.append(Diagnostic(.error, message, at: range, help: help))
  }

  private func peek(_ distance: Int = 0) -> Unicode.Scalar? {
    offset + distance < scalars.count ? scalars[offset + distance] : nil
  }

  private mutating func readToken() -> Token {
    let start = offset
    let scalar = scalars[offset]
    if isDigit(scalar) { return readNumberOrDate() }
    if isIdentifierStart(scalar) { return readWord() }
    if scalar == "\"" { return readText() }
    offset += 1
    switch scalar {
    case "(", "[":
      depth += 1
    case ")", "]":
      depth = max(0, depth - 1)
    default:
      break
    }
    if let symbol = readSymbol(scalar) {
      return make(.symbol(symbol), from: start)
    }
    let shown = scalar.value < 32 || scalar.value == 127 || scalar.value == 0xFFFD
      ? codePointName(scalar.value) : "\"\(scalar)\""
    let help: String? =
      switch scalar {
      case "?": "\"??\" gives a default for a missing value"
      case "!": "write \"!=\" for not equal, or \"not\" before a condition"
      case "'": "text goes in double quotes"
      case "&": "write \"and\""
      default: nil
      }
    report("unexpected character \(shown)", from: start, help: help)
    return make(.invalid, from: start)
  }

  /// The symbol starting with `scalar` (already consumed), taking a second
  /// scalar for the two-character operators.
  private mutating func readSymbol(_ scalar: Unicode.Scalar) -> Symbol? {
    let next = peek()
    func pair(_ second: Unicode.Scalar, _ double: Symbol, _ single: Symbol?) -> Symbol? {
      if next == second {
        offset += 1
        return double
      }
      return single
    }
    switch scalar {
    case "(": return .leftParenthesis
    case ")": return .rightParenthesis
    case "[": return .leftBracket
    case "]": return .rightBracket
    case ",": return .comma
    case ".": return .dot
    case ":": return .colon
    case "+": return .plus
    case "-": return .minus
    case "*": return .star
    case "/": return .slash
    case "|": return .pipe
    case "=": return pair("=", .equal, .assign)
    case "!": return pair("=", .notEqual, nil)
    case "<": return pair("=", .lessOrEqual, .less)
    case ">": return pair("=", .greaterOrEqual, .greater)
    case "?": return pair("?", .coalesce, nil)
    default: return nil
    }
  }

  private func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 48 && scalar.value <= 57
  }

  private func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "_" || (scalar.value < 128 ? isASCIILetter(scalar) : scalar.properties.isAlphabetic)
  }

  private func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
    isIdentifierStart(scalar) || isDigit(scalar)
  }

  private func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value >= 65 && scalar.value <= 90) || (scalar.value >= 97 && scalar.value <= 122)
  }

  private mutating func readWord() -> Token {
    let start = offset
    while let scalar = peek(), isIdentifierPart(scalar) { offset += 1 }
    let word = file.text(from: start, to: offset)
    if let keyword = Keyword(rawValue: word) {
      return make(.keyword(keyword), from: start)
    }
    return make(.identifier(word), from: start)
  }

  /// A date is exactly four digits, two and two joined by dashes; anything
  /// else that starts with a digit is a number.
  private mutating func readNumberOrDate() -> Token {
    let start = offset
    if let token = readDate() { return token }
    while let scalar = peek(), isDigit(scalar) { offset += 1 }
    if peek() == ".", let after = peek(1), isDigit(after) {
      offset += 1
      while let scalar = peek(), isDigit(scalar) { offset += 1 }
    }
    if peek() == "e" || peek() == "E" {
      var probe = 1
      if peek(1) == "+" || peek(1) == "-" { probe = 2 }
      if let digit = peek(probe), isDigit(digit) {
        offset += probe
        while let scalar = peek(), isDigit(scalar) { offset += 1 }
      }
    }
    let text = file.text(from: start, to: offset)
    if let scalar = peek(), isIdentifierStart(scalar) {
      while let scalar = peek(), isIdentifierPart(scalar) { offset += 1 }
      report(
        "\"\(file.text(from: start, to: offset))\" is not a number or a name", from: start,
        help: "a name cannot start with a digit")
      return make(.invalid, from: start)
    }
    guard let value = Double(text), value.isFinite else {
      report("number out of range", from: start)
      return make(.invalid, from: start)
    }
    return make(.number(value), from: start)
  }

  private mutating func readDate() -> Token? {
    let shape: [Bool] = [true, true, true, true, false, true, true, false, true, true]
    guard offset + 10 <= scalars.count else { return nil }
    for (index, isDigitPlace) in shape.enumerated() {
      let scalar = scalars[offset + index]
      if isDigitPlace ? !isDigit(scalar) : scalar != "-" { return nil }
    }
    if offset + 10 < scalars.count {
      let after = scalars[offset + 10]
      if isIdentifierPart(after) { return nil }
    }
    let start = offset
    offset += 10
    let text = file.text(from: start, to: offset)
    guard let date = CalendarDate(parsing: text) else {
      report("\(text) is not a date on the calendar", from: start)
      return make(.invalid, from: start)
    }
    return make(.date(date.dayNumber), from: start)
  }

  private mutating func readText() -> Token {
    let start = offset
    offset += 1
    var value = String.UnicodeScalarView()
    var valid = true
    while true {
      guard let scalar = peek(), scalar != "\n" else {
        report(
          "unterminated string", from: start, to: start + 1,
          help: "close the text with a double quote on the same line")
        return make(.invalid, from: start)
      }
      offset += 1
      if scalar == "\"" { break }
      if scalar == "\\" {
        let escapeStart = offset - 1
        guard let escaped = peek(), escaped != "\n" else { continue }
        offset += 1
        switch escaped {
        case "\"": value.append("\"")
        case "\\": value.append("\\")
        case "n": value.append("\n")
        case "t": value.append("\t")
        default:
          valid = false
          report(
            "unknown escape \"\\\(escaped)\" in a string", from: escapeStart,
            help: "the escapes are \\\", \\\\, \\n and \\t")
        }
        continue
      }
      value.append(scalar)
    }
    return make(valid ? .text(String(value)) : .invalid, from: start)
  }
}

/// `U+0000` for a scalar that cannot be shown as itself.
private func codePointName(_ value: UInt32) -> String {
  let hex = String(value, radix: 16, uppercase: true)
  return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
}
