import AspireMail
import AspireModel
import AspireReports
import AspireStore
import Foundation

extension SchoolService {
  /// Queues one message to each owner of open flags of rule `rule` that no
  /// message has told them of yet, listing those flags, and records in each
  /// flag the message that covers it. So flags a run stored but never
  /// emailed (it stopped in between, or the owner's address was refused)
  /// go out with a later run's, and a flag is never listed twice. The key
  /// (the rule, the owner and the first flag listed) is never queued twice.
  /// Nothing is queued without a sender; returns the summary lines.
  func mailUnmailedFlags(rule: String, session: Session) throws -> [String] {
    guard let sender = staffMailSender else { return [] }
    let rows = try store.database.query(
      """
      SELECT f.id, f.owner_id, s.name, s.email, l.name, f.subject, f.round, f.message
      FROM flags f JOIN staff s ON s.id = f.owner_id JOIN learners l ON l.id = f.learner_id
      WHERE f.session = ? AND f.rule = ? AND f.closed_at IS NULL AND f.mailed_in IS NULL
      ORDER BY f.owner_id, f.id
      """, [.text(session.description), .text(rule)])
    guard !rows.isEmpty else { return [] }
    let outbox = Outbox(store: store)
    var queued = 0
    var lines: [String] = []
    for (owner, flags) in Dictionary(grouping: rows, by: { $0[1].description })
      .sorted(by: { $0.key < $1.key })
    {
      let name = flags[0][2].description
      let address: MailAddress
      do {
        address = try MailAddress(flags[0][3].description, name: name)
      } catch {
        lines.append("rule \(rule): flags for \(owner) \(name) not emailed: \(error)")
        continue
      }
      let items = flags.map { flag in
        FlagItem(
          learner: flag[4].description, subject: flag[5].text ?? "",
          round: Int(flag[6].integer ?? 0), message: flag[7].description)
      }
      let subject = "\(items.count) new flags from rule \(rule), \(session)"
      let message = MailMessage(
        from: sender.from, to: address, replyTo: sender.replyTo, subject: subject,
        text: FlagItem.text(items, for: name, subject: subject),
        html: FlagItem.html(items, for: name, subject: subject), date: now)
      let key = OutboxKey.make([
        "flags", session.description, rule, owner, "from flag \(flags[0][0].description)",
      ])
      let ids = flags.compactMap { $0[0].integer }
      try store.database.inTransaction {
        if try outbox.queue(message: message, key: key, learnerID: nil, kind: "flags", at: now) {
          queued += 1
        }
        // A key already queued is the message that listed these flags before.
        guard let messageID = try outbox.id(ofKey: key) else { return }
        try store.database.run(
          "UPDATE flags SET mailed_in = ? WHERE id IN (SELECT value FROM json_each(?))",
          [.integer(messageID), .text("[" + ids.map(String.init).joined(separator: ",") + "]")])
      }
    }
    let previews = queued > 0 ? ", previewed in \(try writePreviews())" : ""
    lines.insert(
      "rule \(rule): \(queued) messages queued to the flags' owners\(previews)", at: 0)
    return lines
  }
}

/// One line of a message to staff: a new flag for its owner, or a missing
/// return for its teacher.
struct FlagItem {
  let learner: String
  let subject: String
  let round: Int
  let message: String

  static let flagClosing = "Close each flag in aspire when it has been dealt with."

  /// The message's plain text.
  static func text(
    _ items: [FlagItem], for owner: String, subject: String, closing: String = flagClosing
  ) -> String {
    var text = "\(owner),\n\n\(subject).\n\n"
    for item in items {
      let about = item.subject.isEmpty ? item.learner : "\(item.learner), \(item.subject)"
      text += "- \(about), round \(item.round): \(item.message)\n"
    }
    return text + "\n\(closing)\n"
  }

  /// The message's HTML: inline styles only, every value escaped.
  static func html(
    _ items: [FlagItem], for owner: String, subject: String, closing: String = flagClosing
  ) -> String {
    let cell = "border:1px solid #bbb;padding:4px 8px;text-align:left"
    var page = HTML()
    page.markup("<div style=\"font-family:Arial,Helvetica,sans-serif;color:#1b1b1b\">")
    page.element("p", "\(owner),")
    page.element("p", "\(subject).")
    page.markup("<table style=\"border-collapse:collapse\"><tr>")
    for heading in ["Learner", "Subject", "Round", "Flag"] {
      page.element("th", heading, style: cell + ";background:#eef1f4")
    }
    page.markup("</tr>")
    for item in items {
      page.markup("<tr>")
      page.element("td", item.learner, style: cell)
      page.element("td", item.subject, style: cell)
      page.element("td", String(item.round), style: cell)
      page.element("td", item.message, style: cell)
      page.markup("</tr>")
    }
    page.markup("</table>")
    page.element("p", closing)
    page.markup("</div>")
    return page.text
  }
}
