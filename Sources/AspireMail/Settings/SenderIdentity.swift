/// Who the school's messages come from, and where replies go: the From and
/// Reply-To that a rule writes into each message it queues.
public struct SenderIdentity: Hashable, Sendable {
  /// The From address (`ASPIRE_MAIL_FROM`), also the envelope sender.
  public let from: MailAddress
  /// The Reply-To address (`ASPIRE_MAIL_REPLY_TO`), when replies go elsewhere.
  public let replyTo: MailAddress?

  public init(from: MailAddress, replyTo: MailAddress? = nil) {
    self.from = from
    self.replyTo = replyTo
  }

  /// Reads `ASPIRE_MAIL_FROM` (required) and `ASPIRE_MAIL_REPLY_TO`, each a bare
  /// address or `Name <address>`.
  public static func fromEnvironment(_ environment: [String: String]) throws -> SenderIdentity {
    guard let fromText = environment["ASPIRE_MAIL_FROM"], !fromText.isEmpty else {
      throw SMTPSettingsError.missing("ASPIRE_MAIL_FROM")
    }
    let from = try address(fromText, variable: "ASPIRE_MAIL_FROM")
    let replyTo = try environment["ASPIRE_MAIL_REPLY_TO"].flatMap { text in
      text.isEmpty ? nil : try address(text, variable: "ASPIRE_MAIL_REPLY_TO")
    }
    return SenderIdentity(from: from, replyTo: replyTo)
  }

  private static func address(_ text: String, variable: String) throws -> MailAddress {
    do {
      return try MailAddress(parsing: text)
    } catch let error as MailAddressError {
      throw SMTPSettingsError.badAddress(variable: variable, error)
    }
  }
}
