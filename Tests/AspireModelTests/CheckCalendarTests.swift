import AspireModel
import Testing

/// Check-week calendars: planned days, holidays, and the rule that a moved
/// round does not push the rounds after it.
@Suite struct CheckCalendarTests {
  static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text)! }
  static let october = CheckCalendar.Holiday(first: day("2026-10-12"), last: day("2026-10-23"))
  static let christmas = CheckCalendar.Holiday(first: day("2026-12-21"), last: day("2027-01-05"))

  @Test func theDemoSchedulesRoundsMatchTheHandCheckedList() throws {
    let calendar = try CheckCalendar(
      first: Self.day("2026-08-24"), weeks: 6, rounds: 4,
      holidays: [Self.october, Self.christmas])
    let rounds = calendar.rounds.map {
      "\($0.number) \($0.planned) \($0.start) \($0.end) \($0.moved)"
    }
    #expect(
      rounds == [
        "1 2026-08-24 2026-08-24 2026-08-28 false",
        "2 2026-10-05 2026-10-05 2026-10-09 false",
        "3 2026-11-16 2026-11-16 2026-11-20 false",
        // 28 December is in the Christmas holiday: the round starts the day after it.
        "4 2026-12-28 2027-01-06 2027-01-10 true",
      ])
  }

  @Test func aWeekStartingOnAMondayRunsToFriday() throws {
    let calendar = try CheckCalendar(
      first: Self.day("2026-08-24"), weeks: 6, rounds: 1, holidays: [])
    #expect(calendar.rounds[0].start.weekday == 1)
    #expect(calendar.rounds[0].end.weekday == 5)
  }

  @Test func laterRoundsKeepTheirPlannedDaysWhenAnEarlierOneMoves() throws {
    // Round 2 (2026-10-12) falls in the October holiday; round 3 does not move.
    let calendar = try CheckCalendar(
      first: Self.day("2026-08-31"), weeks: 6, rounds: 3, holidays: [Self.october])
    #expect(calendar.rounds[1].planned == Self.day("2026-10-12"))
    #expect(calendar.rounds[1].start == Self.day("2026-10-24"))
    #expect(calendar.rounds[2].planned == Self.day("2026-11-23"))
    #expect(calendar.rounds[2].start == Self.day("2026-11-23"))
    #expect(!calendar.rounds[2].moved)
  }

  @Test func aRoundMovedOntoTheNextRoundsDayDoesNotFit() {
    // Every week; round 2 (2026-10-12) moves to 2026-10-24, past rounds 3 and 4.
    #expect(throws: CheckCalendar.Problem.self) {
      try CheckCalendar(
        first: Self.day("2026-10-05"), weeks: 1, rounds: 4, holidays: [Self.october])
    }
    do {
      _ = try CheckCalendar(
        first: Self.day("2026-10-05"), weeks: 1, rounds: 4, holidays: [Self.october])
    } catch {
      #expect(
        "\(error)"
          == "the schedule does not fit: round 2 moves past a holiday to 2026-10-24, "
          + "on or after round 3's day 2026-10-19")
    }
  }

  @Test func holidaysThatTouchAreSkippedTogether() throws {
    let first = CheckCalendar.Holiday(first: Self.day("2026-10-12"), last: Self.day("2026-10-16"))
    let second = CheckCalendar.Holiday(first: Self.day("2026-10-17"), last: Self.day("2026-10-23"))
    let calendar = try CheckCalendar(
      first: Self.day("2026-10-12"), weeks: 6, rounds: 1, holidays: [second, first])
    #expect(calendar.rounds[0].start == Self.day("2026-10-24"))
  }

  @Test func refusesABackwardsHolidayNoRoundsAndNoWeeks() {
    let backwards = CheckCalendar.Holiday(
      first: Self.day("2026-10-23"), last: Self.day("2026-10-12"))
    #expect(throws: CheckCalendar.Problem.holidayBackwards(backwards)) {
      try CheckCalendar(first: Self.day("2026-08-24"), weeks: 6, rounds: 4, holidays: [backwards])
    }
    #expect(throws: CheckCalendar.Problem.rounds(0)) {
      try CheckCalendar(first: Self.day("2026-08-24"), weeks: 6, rounds: 0, holidays: [])
    }
    #expect(throws: CheckCalendar.Problem.weeks(0)) {
      try CheckCalendar(first: Self.day("2026-08-24"), weeks: 0, rounds: 4, holidays: [])
    }
  }
}
