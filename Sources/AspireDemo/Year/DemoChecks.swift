import AspireModel

/// The demo school's check weeks in 2026-27, as scripts/school/40-checks.aspire
/// stores them: the senior phase's four rounds and S3's three. The generator
/// dates mentor meetings after them; the two must say the same.
enum DemoChecks {
  static let october = CheckCalendar.Holiday(
    first: CalendarDate(year: 2026, month: 10, day: 12)!,
    last: CalendarDate(year: 2026, month: 10, day: 23)!)
  static let christmas = CheckCalendar.Holiday(
    first: CalendarDate(year: 2026, month: 12, day: 21)!,
    last: CalendarDate(year: 2027, month: 1, day: 5)!)

  /// `schedule checks for seniors: from 2026-08-24 every 6 weeks, 4 rounds, …`.
  static let seniors = try! CheckCalendar(
    first: CalendarDate(year: 2026, month: 8, day: 24)!, weeks: 6, rounds: 4,
    holidays: [october, christmas])

  /// `schedule s3_checks for juniors: from 2026-09-07 every 12 weeks, 3 rounds, …`.
  static let juniors = try! CheckCalendar(
    first: CalendarDate(year: 2026, month: 9, day: 7)!, weeks: 12, rounds: 3,
    holidays: [october, christmas])

  /// The calendar a learner in `stage` follows, or nil for S1 and S2.
  static func calendar(for stage: Stage) -> CheckCalendar? {
    stage.isSenior ? seniors : stage == .s3 ? juniors : nil
  }
}
