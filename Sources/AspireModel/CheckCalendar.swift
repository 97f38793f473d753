/// The check weeks of one schedule: a first day, a number of weeks between
/// rounds, a number of rounds and the holidays to skip.
///
/// Round i is planned on `first + (i - 1) * weeks * 7` days. A round planned
/// inside a holiday starts on the first day after it (after a run of holidays
/// that touch, the first day after the last). Later rounds keep their own
/// planned days: they are not pushed along. A moved round that would start
/// on or after the next round's planned day does not fit, and the whole
/// calendar is refused. A round's check week is five days: its start and the
/// four days after it, Monday to Friday when it starts on a Monday.
public struct CheckCalendar: Hashable, Sendable {
  /// A holiday, both days included.
  public struct Holiday: Hashable, Sendable {
    public var first: CalendarDate
    public var last: CalendarDate

    public init(first: CalendarDate, last: CalendarDate) {
      self.first = first
      self.last = last
    }

    public func contains(_ date: CalendarDate) -> Bool { first <= date && date <= last }
  }

  /// One check week.
  public struct Round: Hashable, Sendable {
    public var number: Int
    /// The day the interval gives, before any holiday moves it.
    public var planned: CalendarDate
    public var start: CalendarDate
    /// The last day of the check week.
    public var end: CalendarDate
    /// Whether a holiday moved the round off its planned day.
    public var moved: Bool { start != planned }
  }

  /// Why a calendar cannot be made.
  public enum Problem: Error, Hashable, Sendable, CustomStringConvertible {
    case weeks(Int)
    case rounds(Int)
    case holidayBackwards(Holiday)
    /// A moved round lands on or after the next round's planned day.
    case doesNotFit(round: Int, start: CalendarDate, next: CalendarDate)

    public var description: String {
      switch self {
      case .weeks(let weeks):
        return "a schedule needs at least one week between rounds, found \(weeks)"
      case .rounds(let rounds):
        return "a schedule needs at least one round, found \(rounds)"
      case .holidayBackwards(let holiday):
        return "the holiday from \(holiday.first) to \(holiday.last) ends before it starts"
      case .doesNotFit(let round, let start, let next):
        return "the schedule does not fit: round \(round) moves past a holiday to \(start), "
          + "on or after round \(round + 1)'s day \(next)"
      }
    }
  }

  /// Days in a check week, its start included.
  public static let weekLength = 5

  public let first: CalendarDate
  public let weeks: Int
  public let holidays: [Holiday]
  public let rounds: [Round]

  /// The calendar, or the problem that stops it.
  public init(first: CalendarDate, weeks: Int, rounds count: Int, holidays: [Holiday]) throws {
    guard weeks >= 1 else { throw Problem.weeks(weeks) }
    guard count >= 1 else { throw Problem.rounds(count) }
    if let backwards = holidays.first(where: { $0.last < $0.first }) {
      throw Problem.holidayBackwards(backwards)
    }
    self.first = first
    self.weeks = weeks
    self.holidays = holidays
    let planned = (0..<count).map { first.adding(days: $0 * weeks * 7) }
    var rounds: [Round] = []
    for (index, day) in planned.enumerated() {
      let start = CheckCalendar.firstSchoolDay(from: day, holidays: holidays)
      if index + 1 < planned.count, start >= planned[index + 1] {
        throw Problem.doesNotFit(round: index + 1, start: start, next: planned[index + 1])
      }
      rounds.append(
        Round(
          number: index + 1, planned: day, start: start,
          end: start.adding(days: CheckCalendar.weekLength - 1)))
    }
    self.rounds = rounds
  }

  /// `day`, or the first day after the holidays it falls in.
  static func firstSchoolDay(from day: CalendarDate, holidays: [Holiday]) -> CalendarDate {
    var day = day
    while let holiday = holidays.first(where: { $0.contains(day) }) {
      day = holiday.last.adding(days: 1)
    }
    return day
  }
}
