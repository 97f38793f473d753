/// A school year, named like `2026-27`, running from 1 August to 31 July.
public struct Session: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The calendar year in which the session starts (2026 for `2026-27`).
  public var startYear: Int

  public init(startYear: Int) {
    self.startYear = startYear
  }

  /// Reads `2026-27`; the second part must be the year after the first.
  public init?(parsing text: some StringProtocol) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
      let start = Int(parts[0]), let end = Int(parts[1]), (start + 1) % 100 == end
    else { return nil }
    self.startYear = start
  }

  /// The session that contains `date`.
  public init(containing date: CalendarDate) {
    let (year, month, _) = date.components
    self.startYear = month >= 8 ? year : year - 1
  }

  /// The session whose targets the results of August `year` are set against:
  /// the 2026 results meet the targets of 2025-26.
  public init(resultsYear year: Int) {
    self.startYear = year - 1
  }

  public var firstDay: CalendarDate { CalendarDate(year: startYear, month: 8, day: 1)! }
  public var lastDay: CalendarDate { CalendarDate(year: startYear + 1, month: 7, day: 31)! }
  public var previous: Session { Session(startYear: startYear - 1) }
  public var next: Session { Session(startYear: startYear + 1) }

  /// The year whose August results are set against this session's targets.
  public var resultsYear: Int { startYear + 1 }

  public func contains(_ date: CalendarDate) -> Bool {
    firstDay <= date && date <= lastDay
  }

  public var description: String {
    let end = (startYear + 1) % 100
    return "\(startYear)-\(end < 10 ? "0" : "")\(end)"
  }

  public static func < (lhs: Session, rhs: Session) -> Bool {
    lhs.startYear < rhs.startYear
  }
}
