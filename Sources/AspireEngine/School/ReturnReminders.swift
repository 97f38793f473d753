import AspireMail
import AspireModel
import AspireReports
import AspireStore
import Foundation

extension SchoolService {
  /// Queues a reminder to each teacher whose returns for `round` of
  /// `schedule` are missing, listing the learners and subjects: once per
  /// teacher and round, so writing the packs again reminds no one twice.
  /// Nothing is queued without a sender; returns the summary lines.
  func remindTeachers(
    _ marks: SessionMarks, schedule: String, round: Int, session: Session
  ) throws -> [String] {
    guard let sender = staffMailSender else { return [] }
    let missing = marks.courses.filter { course in
      !course.withdrawn && marks.scheduleOf[course.learner] == schedule
        && marks.mark(course.learner, course.subject, round) == nil
    }
    guard !missing.isEmpty else { return [] }
    var staff: [String: (name: String, email: String)] = [:]
    for row in try store.database.query("SELECT id, name, email FROM staff") {
      staff[row[0].description] = (row[1].description, row[2].description)
    }
    let people = try learnerNames(session)
    let outbox = Outbox(store: store)
    var lines: [String] = []
    var queued = 0
    for (teacher, courses) in Dictionary(grouping: missing, by: \.teacher)
      .sorted(by: { $0.key < $1.key })
    {
      let name = staff[teacher]?.name ?? teacher
      let address: MailAddress
      do {
        address = try MailAddress(staff[teacher]?.email ?? "", name: name)
      } catch {
        lines.append("packs: reminder for \(teacher) \(name) not emailed: \(error)")
        continue
      }
      let items = courses.sorted { ($0.subject, $0.learner) < ($1.subject, $1.learner) }.map {
        FlagItem(
          learner: people[$0.learner]?.name ?? $0.learner, subject: $0.subject, round: round,
          message: "no return yet")
      }
      let subject = "Returns missing for round \(round) of \(schedule): \(items.count) learners"
      let message = MailMessage(
        from: sender.from, to: address, replyTo: sender.replyTo, subject: subject,
        text: FlagItem.text(items, for: name, subject: subject, closing: Self.reminderClosing),
        html: FlagItem.html(items, for: name, subject: subject, closing: Self.reminderClosing),
        date: now)
      let key = OutboxKey.make([
        "returns-reminder", session.description, schedule, "round \(round)", teacher,
      ])
      if try outbox.queue(message: message, key: key, learnerID: nil, kind: "reminder", at: now) {
        queued += 1
      }
    }
    let previews = queued > 0 ? ", previewed in \(try writePreviews())" : ""
    lines.insert(
      "packs: \(queued) reminders queued to teachers with returns missing\(previews)", at: 0)
    return lines
  }

  static let reminderClosing = "Please enter these returns so the mentors' packs are complete."
}
