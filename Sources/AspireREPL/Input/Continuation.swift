import AspireLanguage

/// Whether the lines typed so far make a whole statement, found by parsing
/// them: a syntax error at the very end of the input means the statement goes
/// on (an unclosed bracket, a line ending in an operator, `=`, `then`,
/// `else`, `in`, `,` or `:`).
enum Continuation: Equatable {
  /// A whole statement (or one with an error before its end): run it.
  case complete
  /// The statement needs more lines.
  case incomplete
  /// A whole statement whose first line ended with `:`, such as a test with
  /// `expect` lines: more indented lines may follow, and an empty line (or a
  /// line that is not indented) ends it.
  case block

  /// How `lines` stand.
  static func of(_ lines: [String]) -> Continuation {
    let file = SourceFile(name: "<repl>", text: lines.joined(separator: "\n"))
    let (tokens, _) = Lexer.tokens(of: file)
    let content = tokens.filter { $0.kind != .newline && $0.kind != .endOfFile }
    guard let last = content.last else { return .complete }
    let (_, diagnostics) = Parser.parse(file)
    if diagnostics.contains(where: { ($0.range?.start ?? 0) >= last.range.end }) {
      return .incomplete
    }
    guard diagnostics.isEmpty else { return .complete }
    let headerEnd = file.lineStarts.count > 1 ? file.lineStarts[1] : file.scalars.count
    let header = content.last { $0.range.start < headerEnd }
    return header?.isSymbol(.colon) == true ? .block : .complete
  }

  /// How many spaces or tabs a line starts with.
  static func indentation(of line: String) -> Int {
    line.unicodeScalars.prefix { $0 == " " || $0 == "\t" }.count
  }

  /// Whether a line holds nothing but spaces and perhaps a comment.
  static func isBlank(_ line: String) -> Bool {
    let rest = line.unicodeScalars.drop { $0 == " " || $0 == "\t" }
    return rest.isEmpty || rest.first == "#"
  }
}
