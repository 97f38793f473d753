import AspireMail
import AspireModel
import AspireReports
import AspireStore

extension SchoolService {
  /// Queues each mentor's pack to the mentor, as HTML with inline styles and
  /// as plain text: once per mentor, schedule and round, so writing the
  /// packs again queues nothing twice. Nothing is queued without a sender;
  /// returns the summary lines.
  func mailPacks(_ packs: [MentorPack], schedule: String, round: Int, session: Session)
    throws -> [String]
  {
    guard !packs.isEmpty, let sender = staffMailSender else { return [] }
    var emails: [String: String] = [:]
    for row in try store.database.query("SELECT id, email FROM staff") {
      emails[row[0].description] = row[1].description
    }
    let outbox = Outbox(store: store)
    var lines: [String] = []
    var queued = 0
    for pack in packs {
      let address: MailAddress
      do {
        address = try MailAddress(emails[pack.mentorID] ?? "", name: pack.mentorName)
      } catch {
        lines.append("packs: pack for \(pack.mentorID) \(pack.mentorName) not emailed: \(error)")
        continue
      }
      let message = MailMessage(
        from: sender.from, to: address, replyTo: sender.replyTo, subject: pack.title,
        text: pack.plainText, html: pack.html(forEmail: true), date: now)
      let key = OutboxKey.make([
        "mentor-pack", session.description, schedule, "round \(round)", pack.mentorID,
      ])
      if try outbox.queue(message: message, key: key, learnerID: nil, kind: "mentor-pack", at: now)
      {
        queued += 1
      }
    }
    let previews = queued > 0 ? ", previewed in \(try writePreviews())" : ""
    lines.insert("packs: \(queued) packs queued to their mentors\(previews)", at: 0)
    return lines
  }
}
