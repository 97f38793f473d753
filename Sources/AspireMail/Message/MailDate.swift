import AspireModel
import Foundation

/// Instants written as RFC 5322 dates for the Date header, in UTC:
/// `Mon, 24 Aug 2026 09:15:00 +0000`.
enum MailDate {
  private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
  private static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// `date` as an RFC 5322 date-time, to the second.
  static func format(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
    let secondOfDay = seconds - days * 86_400
    let day = CalendarDate(dayNumber: days)
    let (year, month, dayOfMonth) = day.components
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    let time = "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
    return "\(weekdays[day.weekday - 1]), \(pad(dayOfMonth)) \(months[month - 1]) \(year) "
      + "\(time) +0000"
  }
}
