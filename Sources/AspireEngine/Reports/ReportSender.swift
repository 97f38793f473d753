import AspireEvaluator
import AspireLanguage
import AspireMail
import Foundation

extension SchoolService {
  /// Who the messages a rule queues come from: the sender set on the
  /// service, else the environment's. A rule that would queue email without
  /// a From address stops, naming the variable to set.
  func mailSender(at range: SourceRange) throws -> SenderIdentity {
    if let sender { return sender }
    do {
      return try SenderIdentity.fromEnvironment(environment)
    } catch let error as SMTPSettingsError {
      throw RuntimeError(
        message: "cannot queue email: \(error)", range: range,
        help: "set ASPIRE_MAIL_FROM to the school's address, such as "
          + "\"Demo Academy <reports@school.example.org>\"")
    }
  }
}

extension SchoolService {
  /// The sender for messages to staff that a statement sends besides its
  /// main work (new flags to their owners): nil when none is configured,
  /// and the statement then writes its files without queuing email.
  var staffMailSender: SenderIdentity? {
    sender ?? (try? SenderIdentity.fromEnvironment(environment))
  }

  /// The school's name, as reports and the office list print it: the
  /// display name of the From address, such as `Demo Academy` in
  /// `Demo Academy <reports@school.example.org>`; nil when the address
  /// has none, or there is no sender, and the reports leave the line out.
  var school: String? {
    guard let name = staffMailSender?.from.name, !name.isEmpty else { return nil }
    return name
  }
}

extension SchoolService {
  /// Writes a preview of every message waiting in the outbox under the
  /// output folder's `outbox/`, and returns that folder's path.
  func writePreviews() throws -> String {
    let folder = outputFolder.appendingPathComponent("outbox").path
    try Outbox(store: store).previews(to: folder)
    return folder
  }
}
