import Foundation
import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore

extension SchoolService {
  /// `close flag ID note "…"`: closes one open flag with a note saying what
  /// was done. An unknown flag, or one already closed, is refused.
  func closeFlag(_ id: Int, note: String, asOf: CalendarDate, at range: SourceRange) throws
    -> [Value]
  {
    guard !note.trimmingCharacters(in: .whitespaces).isEmpty else {
      throw RuntimeError(message: "closing a flag needs a note", range: range)
    }
    let rows = try store.database.query(
      "SELECT closed_at, closed_by, learner_id, rule FROM flags WHERE id = ?",
      [.integer(Int64(id))])
    guard let flag = rows.first else {
      throw RuntimeError(message: "there is no flag \(id)", range: range)
    }
    if let closed = flag[0].text {
      throw RuntimeError(
        message: "flag \(id) is already closed (\(closed) by \(flag[1].text ?? "unknown"))",
        range: range)
    }
    try store.database.inTransaction {
      try store.database.run(
        """
        UPDATE flags SET closed_at = ?, closed_by = ?, note = ?
        WHERE id = ? AND closed_at IS NULL
        """,
        [.text(stamp), .text(user), .text(note), .integer(Int64(id))])
    }
    data.reload()
    return [.text("closed flag \(id) (\(flag[3].text ?? "") for \(flag[2].text ?? ""))")]
  }
}
