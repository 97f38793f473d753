import Testing

@testable import AspireMail

/// Which texts are one usable address.
@Suite struct MailAddressTests {
  @Test(arguments: [
    "parent@example.org", "ann.adams+school@mail.example.co.uk", "o'brien@example.ie",
    "x@a-b.example.org", "UPPER@Example.ORG", "1@2.example",
  ])
  func acceptsAPlainAddress(_ text: String) throws {
    #expect(try MailAddress(text).address == text)
  }

  @Test(arguments: [
    ("", MailAddressError.notOneAt("")),
    ("parent.example.org", .notOneAt("parent.example.org")),
    ("a@@example.org", .notOneAt("a@@example.org")),
    ("a@b@example.org", .notOneAt("a@b@example.org")),
    ("@example.org", .badLocalPart("@example.org")),
    (".ann@example.org", .badLocalPart(".ann@example.org")),
    ("ann.@example.org", .badLocalPart("ann.@example.org")),
    ("ann..adams@example.org", .badLocalPart("ann..adams@example.org")),
    ("\"ann\"@example.org", .badLocalPart("\"ann\"@example.org")),
    ("ann@", .badDomain("ann@")),
    ("ann@localhost", .badDomain("ann@localhost")),
    ("ann@-example.org", .badDomain("ann@-example.org")),
    ("ann@example-.org", .badDomain("ann@example-.org")),
    ("ann@example..org", .badDomain("ann@example..org")),
    ("ann@exa_mple.org", .badDomain("ann@exa_mple.org")),
    ("ann@[127.0.0.1]", .badDomain("ann@[127.0.0.1]")),
    ("seòras@example.org", .notASCII("seòras@example.org")),
  ])
  func refusesAnAddressThatIsNotOne(_ text: String, _ expected: MailAddressError) {
    #expect(throws: expected) { try MailAddress(text) }
  }

  @Test func refusesALocalPartLongerThan64() {
    let text = String(repeating: "a", count: 65) + "@example.org"
    #expect(throws: MailAddressError.badLocalPart(text)) { try MailAddress(text) }
  }

  @Test func readsANameBeforeAnAddressInAngleBrackets() throws {
    let plain = try MailAddress(parsing: "Craigmount High <office@example.org>")
    #expect(plain.name == "Craigmount High" && plain.address == "office@example.org")

    let quoted = try MailAddress(parsing: "\"Guidance, Craigmount\" <guidance@example.org>")
    #expect(quoted.name == "Guidance, Craigmount" && quoted.address == "guidance@example.org")

    let bare = try MailAddress(parsing: "  office@example.org ")
    #expect(bare.name == nil && bare.address == "office@example.org")
  }

  @Test func refusesTwoAddressesWrittenAsOne() {
    #expect(throws: MailAddressError.self) {
      try MailAddress(parsing: "Ann <a@example.org>, Bob <b@example.org>")
    }
  }

  @Test func dropsAnEmptyName() throws {
    #expect(try MailAddress("a@example.org", name: " \r\n ").name == nil)
  }

  @Test func knowsItsDomain() throws {
    #expect(try MailAddress("ann@mail.example.org").domain == "mail.example.org")
  }
}
