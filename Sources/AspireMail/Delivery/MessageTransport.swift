/// Something that hands one message to a mail server: `SMTPSender`, or a
/// stand-in in tests.
public protocol MessageTransport: AnyObject {
  /// Hands over `message` (its exact bytes) from `sender` to the one
  /// `recipient`, and says what became of it.
  func send(_ message: [UInt8], from sender: String, to recipient: String) -> DeliveryOutcome
}

extension SMTPSender: MessageTransport {}
