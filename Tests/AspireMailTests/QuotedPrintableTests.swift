import Testing

@testable import AspireMail

/// Quoted-printable bodies: what is encoded, where lines break.
@Suite struct QuotedPrintableTests {
  @Test func leavesPlainASCIIAsItIs() {
    #expect(QuotedPrintable.encode("Amy is on target.") == "Amy is on target.")
  }

  @Test func encodesEqualsSignsAndUTF8() {
    #expect(QuotedPrintable.encode("a=b ò") == "a=3Db =C3=B2")
  }

  @Test func makesEveryLineEndCRLF() {
    #expect(QuotedPrintable.encode("a\nb\r\nc\rd") == "a\r\nb\r\nc\r\nd")
  }

  @Test func encodesASpaceOrTabBeforeALineBreak() {
    #expect(QuotedPrintable.encode("end \nnext\t") == "end=20\r\nnext=09")
  }

  @Test func encodesADotThatStartsALine() {
    #expect(QuotedPrintable.encode(".\n.x") == "=2E\r\n=2Ex")
  }

  @Test func breaksLongLinesSoftlyWithin76Columns() throws {
    let line = String(repeating: "abcdefghij", count: 20) + String(repeating: "é", count: 40)
    let encoded = QuotedPrintable.encode(line)
    let lines = encoded.components(separatedBy: "\r\n")

    #expect(lines.count > 3)
    #expect(lines.allSatisfy { $0.count <= 76 })
    #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
    #expect(try ParsedMessage.decodeQuotedPrintable(encoded) == line)
  }

  @Test func neverSplitsAnEncodedByte() {
    let encoded = QuotedPrintable.encode(String(repeating: "é", count: 100))
    for line in encoded.components(separatedBy: "\r\n") {
      let body = line.hasSuffix("=") ? String(line.dropLast()) : line
      #expect(body.count % 3 == 0)
    }
  }
}
