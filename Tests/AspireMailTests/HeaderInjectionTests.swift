import Foundation
import Testing

@testable import AspireMail

/// Text from data can never add a header: line breaks in names and subjects
/// become spaces, and addresses that could smuggle another are refused.
@Suite struct HeaderInjectionTests {
  @Test func turnsLineBreaksInASubjectIntoSpaces() throws {
    let message = try MIMEWriterTests.message(
      subject: "Report\r\nBcc: everyone@example.org\nX-Evil: 1\rCc: other@example.org")
    let parsed = try ParsedMessage(MIMEWriter().text(for: message))

    #expect(
      parsed.value("Subject")
        == "Report Bcc: everyone@example.org X-Evil: 1 Cc: other@example.org")
    let names = Set(parsed.headers.map { $0.name.lowercased() })
    #expect(names.isDisjoint(with: ["bcc", "cc", "x-evil"]))
  }

  @Test func turnsLineBreaksInADisplayNameIntoSpaces() throws {
    let address = try MailAddress("parent@example.org", name: "Ann\r\nBcc: x@example.org")
    #expect(address.name == "Ann Bcc: x@example.org")

    let message = try MIMEWriterTests.message(toName: "Ann\r\nBcc: x@example.org")
    let parsed = try ParsedMessage(MIMEWriter().text(for: message))
    #expect(parsed.values("Bcc").isEmpty)
    #expect(parsed.value("To") == "\"Ann Bcc: x@example.org\" <parent@example.org>")
  }

  @Test func turnsUnicodeLineSeparatorsAndControlsIntoSpaces() {
    #expect(HeaderText.clean("a\u{2028}b\u{2029}c\u{85}d\u{0}e\tf") == "a b c d e f")
    #expect(HeaderText.clean("\r\n  both ends \n") == "both ends")
  }

  @Test(arguments: [
    "parent@example.org\r\nBcc: x@example.org", "parent@example.org\nx",
    "a@example.org,b@example.org",
    "a@example.org;b@example.org", "<a@example.org>", "a @example.org", "a@example.org>",
    "Ann <a@example.org>",
  ])
  func refusesAnAddressThatCouldHoldAnother(_ text: String) {
    #expect {
      try MailAddress(text)
    } throws: { error in
      guard case .forbiddenCharacter = error as? MailAddressError else { return false }
      return true
    }
  }

  @Test func namesTheCharacterInTheMessageOnOneLine() {
    #expect {
      try MailAddress("a@example.org\r\nBcc: b@example.org")
    } throws: { error in
      let text = (error as? MailAddressError)?.description ?? ""
      return !text.contains("\n") && text.contains("\\r")
    }
  }
}
