import Foundation

/// One email to one recipient: exactly one address in To, no Cc, no Bcc, and
/// both a plain text and an HTML body.
public struct MailMessage: Sendable {
  /// Who the message is from, as the family sees it.
  public var from: MailAddress
  /// The one recipient. The type holds a single address, so no message can
  /// show one family another's address.
  public var to: MailAddress
  /// Where replies go, when not to `from`.
  public var replyTo: MailAddress?
  /// The subject, on one line: line breaks in it become spaces when written.
  public var subject: String
  /// The plain text body.
  public var text: String
  /// The HTML body: plain HTML with inline styles, every value from data escaped.
  public var html: String
  /// The message's unique identifier.
  public var messageID: MessageID
  /// When the message was written.
  public var date: Date

  /// A message; its Message-ID is random on the sender's domain unless given.
  public init(
    from: MailAddress, to: MailAddress, replyTo: MailAddress? = nil, subject: String,
    text: String, html: String, messageID: MessageID? = nil, date: Date = Date()
  ) {
    self.from = from
    self.to = to
    self.replyTo = replyTo
    self.subject = subject
    self.text = text
    self.html = html
    self.messageID = messageID ?? .random(domain: from.domain)
    self.date = date
  }
}
