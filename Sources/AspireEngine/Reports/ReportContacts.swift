import AspireMail
import AspireStore
import Foundation

/// The contacts who receive learners' reports, by learner, each address
/// checked: those `MailAddress` refuses are kept apart to be reported.
struct ReportContacts {
  /// A contact whose address cannot be written into a message.
  struct Refused {
    let name: String
    let email: String
    let reason: String
  }

  private(set) var addresses: [String: [MailAddress]] = [:]
  private(set) var refused: [String: [Refused]] = [:]

  /// Reads every contact with `receives_reports` set, in the order imported.
  init(database: Database) throws {
    let rows = try database.query(
      "SELECT learner_id, name, email FROM contacts WHERE receives_reports = 1 ORDER BY id")
    for row in rows {
      let learner = row[0].description
      let name = row[1].description
      let email = row[2].description.trimmingCharacters(in: .whitespaces)
      do {
        addresses[learner, default: []].append(try MailAddress(email, name: name))
      } catch {
        refused[learner, default: []].append(
          Refused(name: name, email: email, reason: "\(error)"))
      }
    }
  }
}
