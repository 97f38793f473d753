import AspireMail
import Foundation
import Testing

/// `aspire send` over TLS to a sink on loopback with a certificate from a
/// throwaway authority: delivered when the certificate is verified against
/// `ASPIRE_SMTP_CA`, refused otherwise, and STARTTLS that is asked for must
/// succeed or nothing is sent.
@Suite(.enabled(if: TestCertificates.isAvailable)) struct SendTLSTests {
  typealias School = SendCommandTests.MailSchool

  static func start(_ mode: String, certificates: TestCertificates, school: School) throws
    -> MailSink
  {
    try MailSink(
      folder: school.sinkFolder,
      [mode, "--cert", certificates.certificate, "--key", certificates.key])
  }

  static func environment(_ url: String, _ extra: [String: String]) -> [String: String] {
    var values = ["ASPIRE_SMTP_URL": url, "ASPIRE_MAIL_FROM": "office@school.example.org"]
    for (key, value) in extra { values[key] = value }
    return values
  }

  @Test func deliversOverSMTPSWhenTheCertificateIsVerified() throws {
    let school = try School(SendCommandTests.family)
    let certificates = try TestCertificates(in: school.folder.url.path)
    let sink = try Self.start("--smtps", certificates: certificates, school: school)

    let outcome = try school.send(
      environment: Self.environment(
        "smtps://localhost:\(sink.port)", ["ASPIRE_SMTP_CA": certificates.authority]))

    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(try sink.delivered().allSatisfy { $0.problems.isEmpty })
    #expect(sink.count() == 4)
  }

  @Test func refusesAServerWhoseCertificateCannotBeVerified() throws {
    let school = try School(SendCommandTests.family)
    let certificates = try TestCertificates(in: school.folder.url.path)
    let sink = try Self.start("--smtps", certificates: certificates, school: school)

    let outcome = try school.send(
      environment: Self.environment("smtps://localhost:\(sink.port)", [:]))

    #expect(outcome.status == 1)
    #expect(outcome.standardError.contains("stopped: the server failed, not a message"))
    #expect(outcome.standardOutput.contains("SSL certificate problem"))
    #expect(sink.count() == 0)
    // The messages are not at fault: they wait for the settings to be mended.
    #expect(try school.states().values.allSatisfy { $0 == "deferred" || $0 == "queued" })
  }

  @Test func deliversOverSTARTTLSWhenItIsRequiredAndSucceeds() throws {
    let school = try School(SendCommandTests.family)
    let certificates = try TestCertificates(in: school.folder.url.path)
    let sink = try Self.start("--starttls", certificates: certificates, school: school)

    let outcome = try school.send(
      environment: Self.environment(
        "smtp://localhost:\(sink.port)",
        ["ASPIRE_SMTP_CA": certificates.authority, "ASPIRE_SMTP_STARTTLS": "required"]))

    #expect(outcome.status == 0, "\(outcome.standardError)")
    #expect(sink.count() == 4)
  }

  @Test func sendsNothingWhenRequiredSTARTTLSIsNotOffered() throws {
    let school = try School(SendCommandTests.family)
    let sink = try MailSink(folder: school.sinkFolder)

    let outcome = try school.send(
      environment: Self.environment(
        "smtp://127.0.0.1:\(sink.port)", ["ASPIRE_SMTP_STARTTLS": "required"]))

    #expect(outcome.status == 1)
    #expect(sink.count() == 0)
    #expect(outcome.standardError.contains("STARTTLS not supported"))
  }
}
