import Foundation
import Testing

@testable import AspireMail

/// Reading the server from the environment, and the transport policy: TLS
/// with a verified certificate away from loopback, plain SMTP only to it.
@Suite struct SMTPSettingsTests {
  static func environment(_ url: String, _ extra: [String: String] = [:]) -> [String: String] {
    var values = ["ASPIRE_SMTP_URL": url, "ASPIRE_MAIL_FROM": "office@school.example.org"]
    for (key, value) in extra { values[key] = value }
    return values
  }

  @Test func usesImplicitTLSForSMTPS() throws {
    let settings = try SMTPSettings.fromEnvironment(Self.environment("smtps://mail.example.org"))

    #expect(settings.transport == .implicitTLS)
    #expect(settings.server.host == "mail.example.org" && settings.server.port == 465)
    #expect(settings.server.curlURL == "smtps://mail.example.org:465")
  }

  @Test(arguments: [
    "smtp://127.0.0.1:2525", "smtp://127.45.6.7", "smtp://[::1]:2525", "smtp://localhost:25",
    "smtp://LOCALHOST", "smtp://[::ffff:127.0.0.1]:25",
  ])
  func allowsPlainSMTPToLoopback(_ url: String) throws {
    #expect(try SMTPSettings.fromEnvironment(Self.environment(url)).transport == .plain)
  }

  @Test(arguments: [
    ("smtp://192.0.2.10:25", "192.0.2.10"), ("smtp://mail.example.org", "mail.example.org"),
    ("smtp://127.0.0.1.example.org", "127.0.0.1.example.org"), ("smtp://2130706433", "2130706433"),
    ("smtp://[::ffff:192.0.2.1]:25", "::ffff:192.0.2.1"), ("smtp://[2001:db8::1]", "2001:db8::1"),
    ("smtp://localhost.example.org", "localhost.example.org"), ("smtp://0.0.0.0", "0.0.0.0"),
  ])
  func refusesPlainSMTPAwayFromLoopback(_ url: String, _ host: String) {
    #expect(throws: SMTPSettingsError.plainAwayFromLoopback(host: host)) {
      try SMTPSettings.fromEnvironment(Self.environment(url))
    }
  }

  @Test func saysTLSIsRequiredAwayFromLoopback() {
    let text = SMTPSettingsError.plainAwayFromLoopback(host: "192.0.2.10").description

    #expect(text.contains("TLS is required away from loopback"))
  }

  @Test func refusesASenderForPlainSMTPAwayFromLoopbackEvenWhenBuiltByHand() throws {
    let settings = SMTPSettings(
      server: try SMTPServer(url: "smtp://192.0.2.10:25"), transport: .plain,
      identity: SenderIdentity(from: try MailAddress("office@school.example.org")))

    #expect(throws: SMTPSettingsError.plainAwayFromLoopback(host: "192.0.2.10")) {
      try SMTPSender(settings: settings)
    }
  }

  @Test func requiresSTARTTLSWhenAskedAwayFromLoopback() throws {
    let environment = Self.environment(
      "smtp://mail.example.org:587", ["ASPIRE_SMTP_STARTTLS": "required"])

    #expect(try SMTPSettings.fromEnvironment(environment).transport == .startTLS)
  }

  @Test func refusesAnotherValueForSTARTTLS() {
    let environment = Self.environment("smtp://mail.example.org", ["ASPIRE_SMTP_STARTTLS": "yes"])

    #expect(throws: SMTPSettingsError.badStartTLS("yes")) {
      try SMTPSettings.fromEnvironment(environment)
    }
  }

  @Test(arguments: [
    "http://mail.example.org", "smtp://user:secret@mail.example.org", "smtp://mail.example.org/x",
    "smtp://mail.example.org:99999", "smtp://mail.example.org:abc", "smtp://", "smtp://:25",
    "smtp://mail.example.org?x=1", "smtp://[::1", "mail.example.org:25",
  ])
  func refusesAURLThatIsNotJustAHostAndPort(_ url: String) {
    #expect(throws: SMTPSettingsError.badURL(url)) {
      try SMTPSettings.fromEnvironment(Self.environment(url))
    }
  }

  @Test func needsTheURLAndTheFromAddress() {
    #expect(throws: SMTPSettingsError.missing("ASPIRE_SMTP_URL")) {
      try SMTPSettings.fromEnvironment(["ASPIRE_MAIL_FROM": "office@school.example.org"])
    }
    #expect(throws: SMTPSettingsError.missing("ASPIRE_MAIL_FROM")) {
      try SMTPSettings.fromEnvironment(["ASPIRE_SMTP_URL": "smtp://127.0.0.1"])
    }
  }

  @Test func readsTheFromAndReplyToWithNames() throws {
    let settings = try SMTPSettings.fromEnvironment([
      "ASPIRE_SMTP_URL": "smtp://127.0.0.1",
      "ASPIRE_MAIL_FROM": "Craigmount High <office@school.example.org>",
      "ASPIRE_MAIL_REPLY_TO": "guidance@school.example.org",
    ])

    #expect(settings.identity.from.name == "Craigmount High")
    #expect(settings.identity.replyTo?.address == "guidance@school.example.org")
  }

  @Test func refusesABadFromAddressNamingTheVariable() {
    let environment = ["ASPIRE_SMTP_URL": "smtp://127.0.0.1", "ASPIRE_MAIL_FROM": "office"]

    #expect(throws: SMTPSettingsError.badAddress(
      variable: "ASPIRE_MAIL_FROM", .notOneAt("office"))) {
      try SMTPSettings.fromEnvironment(environment)
    }
  }

  @Test func readsThePasswordFromAFileWithoutItsLineBreak() throws {
    let file = NSTemporaryDirectory() + "aspire-password-\(UUID().uuidString)"
    try Data("s3cret pass\r\n".utf8).write(to: URL(fileURLWithPath: file))
    defer { try? FileManager.default.removeItem(atPath: file) }

    let settings = try SMTPSettings.fromEnvironment(
      Self.environment(
        "smtps://mail.example.org",
        ["ASPIRE_SMTP_USER": "aspire", "ASPIRE_SMTP_PASSWORD_FILE": file]))

    #expect(settings.user == "aspire" && settings.password == "s3cret pass")
  }

  @Test func wantsAUserAndOnePasswordTogether() {
    let url = "smtps://mail.example.org"
    #expect(throws: SMTPSettingsError.userWithoutPassword) {
      try SMTPSettings.fromEnvironment(Self.environment(url, ["ASPIRE_SMTP_USER": "aspire"]))
    }
    #expect(throws: SMTPSettingsError.passwordWithoutUser) {
      try SMTPSettings.fromEnvironment(Self.environment(url, ["ASPIRE_SMTP_PASSWORD": "x"]))
    }
    #expect(throws: SMTPSettingsError.twoPasswords) {
      try SMTPSettings.fromEnvironment(
        Self.environment(
          url,
          ["ASPIRE_SMTP_USER": "a", "ASPIRE_SMTP_PASSWORD": "x", "ASPIRE_SMTP_PASSWORD_FILE": "y"]))
    }
  }

  @Test func refusesAFileThatCannotBeRead() {
    let missing = "/nonexistent/aspire-ca.pem"
    #expect(throws: SMTPSettingsError.unreadable(variable: "ASPIRE_SMTP_CA", path: missing)) {
      try SMTPSettings.fromEnvironment(
        Self.environment("smtps://mail.example.org", ["ASPIRE_SMTP_CA": missing]))
    }
  }
}
