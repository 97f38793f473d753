import AspireModel
import Foundation
import Testing

@Suite struct CalendarDateTests {
  @Test func readsBothSpellingsOfADate() {
    #expect(CalendarDate(parsing: "2026-08-24")?.description == "2026-08-24")
    #expect(CalendarDate(parsing: "24/08/2026")?.description == "2026-08-24")
  }

  @Test func todayIsTheDateOnTheLocalClock() throws {
    // 31 July 2027, 23:30 UTC: already 1 August, a new session, in Edinburgh.
    let instant = Date(timeIntervalSince1970: 1_817_076_600)
    let edinburgh = try #require(TimeZone(identifier: "Europe/London"))
    let utc = try #require(TimeZone(identifier: "UTC"))
    #expect(CalendarDate.today(at: instant, in: utc).description == "2027-07-31")
    #expect(CalendarDate.today(at: instant, in: edinburgh).description == "2027-08-01")
  }

  @Test func refusesDaysNotOnTheCalendar() {
    #expect(CalendarDate(parsing: "2026-02-30") == nil)
    #expect(CalendarDate(parsing: "2026-13-01") == nil)
    #expect(CalendarDate(parsing: "2024-02-29") != nil)
    #expect(CalendarDate(parsing: "2100-02-29") == nil)
  }

  @Test func roundTripsDayNumbersAcrossCenturies() {
    for dayNumber in stride(from: -800_000, through: 800_000, by: 997) {
      let date = CalendarDate(dayNumber: dayNumber)
      let (year, month, day) = date.components
      guard (1...9999).contains(year) else { continue }
      #expect(CalendarDate(year: year, month: month, day: day) == date)
    }
  }

  @Test func knowsTheWeekday() {
    #expect(CalendarDate(parsing: "2026-08-24")?.weekday == 1)
    #expect(CalendarDate(parsing: "1970-01-01")?.weekday == 4)
  }
}

@Suite struct SessionTests {
  @Test func runsFromAugustToJuly() {
    let session = Session(parsing: "2026-27")!
    #expect(session.firstDay.description == "2026-08-01")
    #expect(session.lastDay.description == "2027-07-31")
    #expect(Session(containing: CalendarDate(parsing: "2027-07-31")!) == session)
    #expect(Session(containing: CalendarDate(parsing: "2027-08-01")!) == session.next)
  }

  @Test func setsResultsAgainstThePreviousSession() {
    #expect(Session(resultsYear: 2026).description == "2025-26")
  }

  @Test func refusesMalformedNames() {
    #expect(Session(parsing: "2026-28") == nil)
    #expect(Session(parsing: "2026") == nil)
    #expect(Session(parsing: "2099-00") != nil)
  }
}

@Suite struct GradeTests {
  @Test func movesInStepsCappedAtTheEnds() {
    let b = GradeScale.sqa.grade(named: "B")!
    #expect(b.moved(by: 1).name == "A")
    #expect(b.moved(by: 5).name == "A")
    #expect(b.moved(by: -9).name == "No Award")
  }

  @Test func readsAliases() {
    #expect(GradeScale.sqa.grade(named: "NA")?.name == "No Award")
    #expect(GradeScale.sqa.grade(named: "no award")?.rank == 0)
    #expect(GradeScale.passFail.grade(named: "pass")?.points == 1)
  }

  @Test func mapsBandsToGrades() {
    #expect(Grade.sqa(band: 1)?.name == "A")
    #expect(Grade.sqa(band: 7)?.name == "D")
    #expect(Grade.sqa(band: 10) == nil)
  }

  @Test func readsLevelsByShortAndLongName() {
    #expect(Level(parsing: "Advanced Higher") == .advancedHigher)
    #expect(Level(parsing: "n5") == .national5)
    #expect(Level(parsing: "H")?.scale == .sqa)
    #expect(PointsTable.ucas.points(of: GradeScale.sqa.grade(named: "A")!, at: .higher) == 33)
  }
}
