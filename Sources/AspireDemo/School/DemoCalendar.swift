import AspireModel

/// The sessions of the demo: the school's year is always 2026-27, with 2025-26
/// and its August 2026 results behind it.
enum DemoCalendar {
  static let current = Session(startYear: 2026)
  static let previous = Session(startYear: 2025)
  /// The year of the results that meet the previous session's targets.
  static let resultsYear = previous.resultsYear
  /// The sessions written to files, oldest first.
  static let sessions = [previous, current]
}
