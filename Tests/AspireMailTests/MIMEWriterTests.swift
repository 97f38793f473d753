import Foundation
import Testing

@testable import AspireMail

/// The bytes `MIMEWriter` produces: structure, encodings and line limits.
@Suite struct MIMEWriterTests {
  static let instant = Date(timeIntervalSince1970: 1_787_560_000)

  static func message(
    subject: String = "Live Report: round 2", text: String = "Amy is on target.\n",
    html: String = "<p>Amy is on target.</p>\n", toName: String? = "Ann Adams",
    fromName: String? = "Craigmount High School"
  ) throws -> MailMessage {
    MailMessage(
      from: try MailAddress("office@craigmount.example.org", name: fromName),
      to: try MailAddress("parent@example.org", name: toName),
      replyTo: try MailAddress("guidance@craigmount.example.org"),
      subject: subject, text: text, html: html,
      messageID: try MessageID("report.L00012.r2@craigmount.example.org"), date: instant)
  }

  @Test func writesTheHeadersAndBothPartsInOrder() throws {
    let text = MIMEWriter(boundary: "=_test").text(for: try Self.message())

    #expect(
      text == """
        Date: Mon, 24 Aug 2026 08:26:40 +0000\r
        From: Craigmount High School <office@craigmount.example.org>\r
        Reply-To: guidance@craigmount.example.org\r
        To: Ann Adams <parent@example.org>\r
        Subject: Live Report: round 2\r
        Message-ID: <report.L00012.r2@craigmount.example.org>\r
        Auto-Submitted: auto-generated\r
        MIME-Version: 1.0\r
        Content-Type: multipart/alternative;\r
         boundary="=_test"\r
        \r
        --=_test\r
        Content-Type: text/plain; charset=utf-8\r
        Content-Transfer-Encoding: quoted-printable\r
        \r
        Amy is on target.\r
        \r
        --=_test\r
        Content-Type: text/html; charset=utf-8\r
        Content-Transfer-Encoding: quoted-printable\r
        \r
        <p>Amy is on target.</p>\r
        \r
        --=_test--\r

        """)
  }

  @Test func everyLineIsASCIIEndsInCRLFAndFitsIn76Columns() throws {
    let long = String(repeating: "Mòran taing — très bien, ", count: 20)
    let message = try Self.message(
      subject: "Aithisg: " + long, text: long + "\n" + long, html: "<p>\(long)</p>",
      toName: "Seòras Mac an t-Saoir " + long, fromName: "Àrd-sgoil " + long)
    let bytes = MIMEWriter().bytes(for: message)

    #expect(bytes.allSatisfy { $0 < 0x80 })
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.hasSuffix("\r\n"))
    let lines = text.dropLast(2).components(separatedBy: "\r\n")
    #expect(lines.allSatisfy { !$0.contains("\r") && !$0.contains("\n") })
    #expect(lines.allSatisfy { $0.utf8.count <= 76 }, "\(lines.filter { $0.count > 76 })")
  }

  @Test func readsBackAsTheSameMessage() throws {
    let text = "Amy — Mathematics: On target.\nNext step: practise algebra.\n\nMòran taing"
    let html = "<p style=\"color:#333\">Amy &mdash; Mathematics: <b>On</b></p>\n<p>Mòran taing</p>"
    let message = try Self.message(
      subject: "Aithisg bheò: Seòras — round 2 of 4 " + String(repeating: "ü", count: 40),
      text: text, html: html, toName: "Seòras's family (Mac an t-Saoir)", fromName: "Àrd-sgoil")

    let parsed = try ParsedMessage(MIMEWriter().text(for: message))

    #expect(parsed.value("Subject") == message.subject)
    #expect(parsed.value("From") == "Àrd-sgoil <office@craigmount.example.org>")
    #expect(
      ParsedMessage.unquoted(parsed.value("To") ?? "")
        == "Seòras's family (Mac an t-Saoir) <parent@example.org>")
    #expect(parsed.value("MIME-Version") == "1.0")
    #expect(parsed.parts.count == 2)
    #expect(parsed.parts[0].headers[0].value == "text/plain; charset=utf-8")
    #expect(parsed.parts[1].headers[0].value == "text/html; charset=utf-8")
    #expect(parsed.parts[0].body == text.replacingOccurrences(of: "\n", with: "\r\n"))
    #expect(parsed.parts[1].body == html.replacingOccurrences(of: "\n", with: "\r\n"))
  }

  @Test func writesEachHeaderOnceAndNoCcOrBcc() throws {
    let parsed = try ParsedMessage(MIMEWriter().text(for: try Self.message()))
    let names = parsed.headers.map { $0.name.lowercased() }

    #expect(Set(names).count == names.count)
    #expect(!names.contains("cc") && !names.contains("bcc"))
    #expect(parsed.values("To").count == 1)
  }

  @Test func quotesANameWithCommasAndQuotes() throws {
    let message = try Self.message(toName: "Adams, Ann \"Nan\"")
    let parsed = try ParsedMessage(MIMEWriter().text(for: message))

    #expect(parsed.value("To") == "\"Adams, Ann \\\"Nan\\\"\" <parent@example.org>")
  }

  @Test func encodesAccentedWordsAloneAndLeavesPlainWordsBetweenThem() {
    let words = HeaderText.phraseWords("Mairéad Ní Chonghaile and Zoë (guardian)")

    #expect(words.count == 5)
    #expect(Self.decoded(words[0]) == "Mairéad Ní")
    #expect(words[1] == "Chonghaile" && words[2] == "and")
    #expect(Self.decoded(words[3]) == "Zoë" && words[4] == "\"(guardian)\"")
  }

  @Test func splitsARunOfAccentedWordsAtTheNamesOwnSpaces() throws {
    let name = "Séaghdha-Müller Ève Ångström Brønnøysund Ñúñez Zoë Ó Dúbhghaill"
    let words = HeaderText.phraseWords(name)

    // Each encoded-word holds whole words, its last one with the space after it.
    let texts = words.map { Self.decoded($0) ?? "" }
    #expect(words.count > 1)
    #expect(texts.dropLast().allSatisfy { $0.hasSuffix(" ") })
    #expect(texts.joined() == name)
    let parsed = try ParsedMessage(MIMEWriter().text(for: try Self.message(toName: name)))
    #expect(parsed.value("To") == name + " <parent@example.org>")
  }

  @Test func splitsAWordTooLongForOneEncodedWordBetweenCharacters() {
    let word =
      String(repeating: "ü", count: 30) + String(repeating: "\u{1F469}\u{200D}\u{1F393}", count: 5)
    let words = HeaderText.encodedWords(word)

    #expect(words.count > 1)
    #expect(words.allSatisfy { Self.decoded($0) != nil })
    #expect(words.map { Self.decoded($0)! }.joined() == word)
  }

  /// The text of one encoded-word, or nil when its bytes are not UTF-8 on their own.
  static func decoded(_ word: String) -> String? {
    guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?="),
      let data = Data(base64Encoded: String(word.dropFirst(10).dropLast(2)))
    else { return nil }
    return String(data: data, encoding: .utf8)
  }

  @Test func foldsALongASCIISubjectAtSpaces() throws {
    let subject = (1...30).map { "word\($0)" }.joined(separator: " ")
    let parsed = try ParsedMessage(MIMEWriter().text(for: try Self.message(subject: subject)))

    #expect(parsed.value("Subject") == subject)
    let raw = parsed.rawHeaders.first { $0.name == "Subject" }!.value
    #expect(!raw.contains("=?"))
  }

  @Test func encodesASubjectThatLooksLikeAnEncodedWord() throws {
    let subject = "=?UTF-8?B?SGk=?= is not decoded"
    let parsed = try ParsedMessage(MIMEWriter().text(for: try Self.message(subject: subject)))

    #expect(parsed.value("Subject") == subject)
  }

  @Test func givesEachMessageItsOwnBoundaryOutsideQuotedPrintable() throws {
    let first = MIMEWriter.randomBoundary()
    let second = MIMEWriter.randomBoundary()

    #expect(first != second)
    #expect(first.hasPrefix("=_"))
  }

  @Test func writesTheDateAsRFC5322InUTC() {
    #expect(MailDate.format(Self.instant) == "Mon, 24 Aug 2026 08:26:40 +0000")
    #expect(MailDate.format(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
  }

  @Test func givesARandomMessageIDOnTheSendersDomain() throws {
    let from = try MailAddress("office@craigmount.example.org")
    let first = MailMessage(from: from, to: from, subject: "", text: "", html: "")
    let second = MailMessage(from: from, to: from, subject: "", text: "", html: "")

    #expect(first.messageID != second.messageID)
    #expect(first.messageID.value.hasSuffix("@craigmount.example.org"))
    #expect(first.messageID.description.hasPrefix("<"))
  }

  @Test func refusesAMessageIDThatCouldBreakTheHeader() {
    for bad in ["a@b>\r\nBcc: x@y.org", "no-at-sign", "a@b@c", "<a@b>", "a b@c"] {
      #expect(throws: MessageIDError.self) { try MessageID(bad) }
    }
  }
}
