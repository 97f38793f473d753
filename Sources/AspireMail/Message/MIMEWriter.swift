/// Writes a `MailMessage` as the exact bytes that go to the server (RFC 5322
/// and MIME): headers folded to 76 columns, non-ASCII header text as
/// encoded-words, and a multipart/alternative body of text then HTML, each
/// UTF-8 in quoted-printable, every line ending CRLF. The output is ASCII.
public struct MIMEWriter: Sendable {
  private let boundary: String?

  /// A writer; `boundary` fixes the multipart boundary (for tests), else each
  /// message gets a random one.
  public init(boundary: String? = nil) {
    self.boundary = boundary
  }

  /// The message as bytes.
  public func bytes(for message: MailMessage) -> [UInt8] {
    Array(text(for: message).utf8)
  }

  /// The message as text: ASCII only, CRLF line ends.
  public func text(for message: MailMessage) -> String {
    let boundary = self.boundary ?? MIMEWriter.randomBoundary()
    var headers = [
      HeaderText.field("Date", [MailDate.format(message.date)]),
      HeaderText.field("From", HeaderText.addressWords(message.from)),
    ]
    if let replyTo = message.replyTo {
      headers.append(HeaderText.field("Reply-To", HeaderText.addressWords(replyTo)))
    }
    headers += [
      HeaderText.field("To", HeaderText.addressWords(message.to)),
      HeaderText.field("Subject", HeaderText.unstructuredWords(message.subject)),
      HeaderText.field("Message-ID", [message.messageID.description]),
      // Tells auto-responders not to answer a school's automatic mail.
      "Auto-Submitted: auto-generated",
      "MIME-Version: 1.0",
      "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"",
    ]
    let parts = [
      part(type: "text/plain", body: message.text, boundary: boundary),
      part(type: "text/html", body: message.html, boundary: boundary),
    ]
    return headers.joined(separator: "\r\n") + "\r\n\r\n" + parts.joined()
      + "--\(boundary)--\r\n"
  }

  /// One body part with the delimiter before it.
  private func part(type: String, body: String, boundary: String) -> String {
    "--\(boundary)\r\n"
      + "Content-Type: \(type); charset=utf-8\r\n"
      + "Content-Transfer-Encoding: quoted-printable\r\n"
      + "\r\n"
      + QuotedPrintable.encode(body) + "\r\n"
  }

  /// A boundary that cannot occur in quoted-printable text: `=_` is never an
  /// encoded byte there.
  static func randomBoundary() -> String {
    var generator = SystemRandomNumberGenerator()
    let digits = String(generator.next() as UInt64, radix: 36)
    return "=_aspire_" + digits
  }
}
