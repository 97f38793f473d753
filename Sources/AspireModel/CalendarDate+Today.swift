import Foundation

extension CalendarDate {
  /// The date on the calendar where the machine is, at `instant`: a school
  /// works by its own clock, so just after midnight in summer time in
  /// Scotland it is already tomorrow, though not yet in UTC.
  public static func today(at instant: Date = Date(), in zone: TimeZone = .current)
    -> CalendarDate
  {
    let local = instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))
    return CalendarDate(dayNumber: Int((local / 86_400).rounded(.down)))
  }
}
