import AspireLanguage
import Testing

@Suite struct LexerTests {
  func kinds(_ text: String) -> [TokenKind] {
    Lexer.tokens(of: SourceFile(name: "<test>", text: text)).tokens.map(\.kind)
  }

  @Test func readsADateAsOneToken() {
    #expect(kinds("2026-08-24")[0] == .date(CalendarDateDay.of("2026-08-24")))
  }

  @Test func readsADateOfTheWrongShapeAsArithmetic() {
    #expect(kinds("2026-8-24").count == 6)
  }

  @Test func reportsADateNotOnTheCalendar() {
    let (_, diagnostics) = Lexer.tokens(of: SourceFile(name: "<test>", text: "2026-02-30"))
    #expect(diagnostics.map(\.message) == ["2026-02-30 is not a date on the calendar"])
  }

  @Test func countsColumnsInUnicodeScalars() {
    let (tokens, _) = Lexer.tokens(of: SourceFile(name: "<test>", text: "\"é😀\" + x"))
    #expect(tokens[2].range.startColumn == 8)
  }

  @Test func reportsAnUnterminatedStringAtItsOpeningQuote() {
    let (_, diagnostics) = Lexer.tokens(of: SourceFile(name: "<test>", text: "1 + \"abc"))
    #expect(diagnostics.first?.message == "unterminated string")
    #expect(diagnostics.first?.range?.startColumn == 5)
  }

  @Test func endsAStatementAtALineBreakUnlessTheNextLineIsIndented() {
    #expect(kinds("1 +\n  2\n3").filter { $0 == .newline }.count == 1)
    #expect(kinds("(1 +\n2)").filter { $0 == .newline }.isEmpty)
  }

  @Test func startsAStatementAtADeclarationEvenInsideAnOpenBracket() {
    #expect(kinds("let a = (1 +\nlet b = 2").filter { $0 == .newline }.count == 1)
  }

  @Test func keepsCommentsForTheFormatter() {
    let (tokens, _) = Lexer.tokens(of: SourceFile(name: "<test>", text: "# a\nx # b\n"))
    #expect(tokens[0].leadingComments == ["# a"])
    #expect(tokens[0].trailingComment == "# b")
  }
}

/// Day numbers for dates in expectations.
enum CalendarDateDay {
  static func of(_ text: String) -> Int {
    var year = 0, month = 0, day = 0
    let parts = text.split(separator: "-").map { Int($0)! }
    (year, month, day) = (parts[0], parts[1], parts[2])
    // Days from 1970-01-01 by counting, independent of the model's algorithm.
    var count = 0
    for y in 1970..<year { count += (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 366 : 365 }
    let lengths = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28,
      31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    for m in 0..<(month - 1) { count += lengths[m] }
    return count + day - 1
  }
}
