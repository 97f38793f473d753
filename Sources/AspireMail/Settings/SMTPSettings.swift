import Foundation

/// Everything `aspire send` needs to reach the school's SMTP server, read from
/// the environment and checked against the transport policy before any
/// connection: away from loopback the connection is TLS with a verified
/// certificate, and plain SMTP is allowed only to this machine.
public struct SMTPSettings: Sendable {
  /// How the connection is protected.
  public enum Transport: Equatable, Sendable {
    /// TLS from the first byte (`smtps://`).
    case implicitTLS
    /// Plain at first, then STARTTLS, which must succeed or nothing is sent.
    case startTLS
    /// Plain SMTP, allowed only to loopback.
    case plain
  }

  /// The server.
  public let server: SMTPServer
  /// How the connection is protected.
  public let transport: Transport
  /// The From and Reply-To.
  public let identity: SenderIdentity
  /// The login name, when the server needs one.
  public let user: String?
  /// The password that goes with `user`.
  public let password: String?
  /// A CA bundle to verify the server's certificate with, instead of the system's.
  public let caBundle: String?
  /// Seconds to wait for a connection.
  public var connectTimeout = 30
  /// Seconds one message may take, from connecting to the server's last reply.
  public var messageTimeout = 120

  public init(
    server: SMTPServer, transport: Transport, identity: SenderIdentity, user: String? = nil,
    password: String? = nil, caBundle: String? = nil
  ) {
    self.server = server
    self.transport = transport
    self.identity = identity
    self.user = user
    self.password = password
    self.caBundle = caBundle
  }

  /// Reads `ASPIRE_SMTP_URL`, `ASPIRE_MAIL_FROM`, `ASPIRE_MAIL_REPLY_TO`,
  /// `ASPIRE_SMTP_USER` with `ASPIRE_SMTP_PASSWORD` or
  /// `ASPIRE_SMTP_PASSWORD_FILE`, `ASPIRE_SMTP_CA` and `ASPIRE_SMTP_STARTTLS`.
  /// Throws when a value is wrong or the policy forbids the connection, so a
  /// forbidden connection is refused before it is attempted.
  public static func fromEnvironment(_ environment: [String: String]) throws -> SMTPSettings {
    guard let urlText = environment["ASPIRE_SMTP_URL"], !urlText.isEmpty else {
      throw SMTPSettingsError.missing("ASPIRE_SMTP_URL")
    }
    let server = try SMTPServer(url: urlText)
    let transport = try transport(for: server, startTLS: environment["ASPIRE_SMTP_STARTTLS"])
    let identity = try SenderIdentity.fromEnvironment(environment)
    let (user, password) = try credentials(environment)
    let caBundle = environment["ASPIRE_SMTP_CA"].flatMap { $0.isEmpty ? nil : $0 }
    if let caBundle, !FileManager.default.isReadableFile(atPath: caBundle) {
      throw SMTPSettingsError.unreadable(variable: "ASPIRE_SMTP_CA", path: caBundle)
    }
    return SMTPSettings(
      server: server, transport: transport, identity: identity, user: user, password: password,
      caBundle: caBundle)
  }

  /// The transport the policy allows for `server`.
  static func transport(for server: SMTPServer, startTLS: String?) throws -> Transport {
    let wantsStartTLS: Bool
    switch startTLS?.lowercased() {
    case nil, "": wantsStartTLS = false
    case "required": wantsStartTLS = true
    default: throw SMTPSettingsError.badStartTLS(startTLS ?? "")
    }
    if server.isImplicitTLS { return .implicitTLS }
    if wantsStartTLS { return .startTLS }
    guard server.isLoopback else {
      throw SMTPSettingsError.plainAwayFromLoopback(host: server.host)
    }
    return .plain
  }

  /// The user and password, both or neither.
  private static func credentials(
    _ environment: [String: String]
  ) throws -> (String?, String?) {
    let user = environment["ASPIRE_SMTP_USER"].flatMap { $0.isEmpty ? nil : $0 }
    let inline = environment["ASPIRE_SMTP_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
    let file = environment["ASPIRE_SMTP_PASSWORD_FILE"].flatMap { $0.isEmpty ? nil : $0 }
    if inline != nil && file != nil { throw SMTPSettingsError.twoPasswords }
    var password = inline
    if let file {
      guard let data = FileManager.default.contents(atPath: file),
        let text = String(data: data, encoding: .utf8)
      else {
        throw SMTPSettingsError.unreadable(variable: "ASPIRE_SMTP_PASSWORD_FILE", path: file)
      }
      // A file written by an editor ends with a line break that is not part
      // of the password.
      var scalars = text.unicodeScalars[...]
      while let last = scalars.last, last == "\n" || last == "\r" { scalars = scalars.dropLast() }
      password = String(String.UnicodeScalarView(scalars))
    }
    if user == nil && password != nil { throw SMTPSettingsError.passwordWithoutUser }
    if user != nil && password == nil { throw SMTPSettingsError.userWithoutPassword }
    return (user, password)
  }
}
