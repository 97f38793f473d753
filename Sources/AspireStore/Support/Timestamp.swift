import AspireModel
import Foundation

/// Instants written to the store as ISO 8601 text in UTC, such as
/// `2026-08-24T09:15:00Z`, so that the `sqlite3` shell sorts and reads them.
public enum Timestamp {
  /// `date` as ISO 8601 text in UTC, to the second.
  public static func iso8601(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    let time = "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
    return "\(CalendarDate(dayNumber: days))T\(time)Z"
  }
}
