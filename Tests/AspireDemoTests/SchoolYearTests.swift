import AspireDemo
import AspireModel
import Foundation
import Testing

/// The demo school's year: the teachers' returns of each round and the
/// mentor meetings, as the files hold them.
@Suite struct SchoolYearTests {
  let demo = DemoFixture.school

  @Test func returnsAreForEnrolledCoursesOfS3ToS6InTheirScheduleRounds() {
    let learners = demo.table("learners-2026-27.csv")
    let stage = Dictionary(
      uniqueKeysWithValues: learners.records.map { ($0["id"]!, $0["stage"]!) })
    let enrolled = Set(
      demo.table("enrolments-2026-27.csv").records.map { "\($0["learner_id"]!) \($0["subject"]!)" })
    for round in 1...4 {
      let marks = demo.table("assessments-2026-27-round-\(round).csv").records
      #expect(marks.count > 1000, "round \(round)")
      for mark in marks {
        #expect(enrolled.contains("\(mark["learner_id"]!) \(mark["subject"]!)"))
        #expect(mark["round"] == String(round))
        #expect(["A", "O", "B"].contains(mark["status"]!))
        #expect(!mark["comment"]!.isEmpty)
        let learnerStage = stage[mark["learner_id"]!]!
        #expect(["S3", "S4", "S5", "S6"].contains(learnerStage))
        // S3 has three rounds.
        #expect(round < 4 || learnerStage != "S3")
      }
    }
  }

  @Test func someSeniorClassesAreLateWithTheLatestRound() {
    let stage = Dictionary(
      uniqueKeysWithValues: demo.table("learners-2026-27.csv").records.map {
        ($0["id"]!, $0["stage"]!)
      })
    let third = demo.table("assessments-2026-27-round-3.csv").records
      .filter { stage[$0["learner_id"]!] != "S3" }.map(Self.course)
    let fourth = Set(demo.table("assessments-2026-27-round-4.csv").records.map(Self.course))
    let late = Set(third).subtracting(fourth)
    #expect(late.count > 10)
    #expect(late.count < third.count / 10)
  }

  @Test func statusesHangTogetherFromRoundToRound() {
    let first = Dictionary(
      uniqueKeysWithValues: demo.table("assessments-2026-27-round-1.csv").records.map {
        (Self.course($0), $0["status"]!)
      })
    var same = 0
    var total = 0
    for mark in demo.table("assessments-2026-27-round-2.csv").records {
      guard let earlier = first[Self.course(mark)] else { continue }
      total += 1
      if earlier == mark["status"]! { same += 1 }
    }
    // Far more alike than three statuses drawn at random would be.
    #expect(Double(same) / Double(total) > 0.5)
  }

  @Test func meetingsFollowEachSeniorRoundAndMostAreVisibleToFamilies() {
    let meetings = demo.table("meetings-2026-27.csv").records
    #expect(meetings.count > 5000)
    let visible = meetings.filter { $0["family_visible"] == "true" }.count
    #expect(Double(visible) / Double(meetings.count) > 0.8)
    let staff = Set(
      demo.table("staff.csv").records.filter {
        $0["roles"]!.contains("mentor")
      }.map { $0["id"]! })
    #expect(meetings.allSatisfy { staff.contains($0["mentor_id"]!) })
    let seniorRounds = CheckCalendarFixture.seniorEnds
    for meeting in meetings {
      let date = CalendarDate(parsing: meeting["date"]!)!
      #expect(date > seniorRounds[Int(meeting["round"]!)! - 1])
    }
  }

  @Test func theScriptStoresTheScheduleTheGeneratorDatesMeetingsBy() {
    let script = SchoolScripts.all.first { $0.name == "40-checks.aspire" }!.text
    #expect(script.contains("schedule checks for seniors: from 2026-08-24 every 6 weeks, 4 rounds"))
    #expect(
      script.contains("schedule s3_checks for juniors: from 2026-09-07 every 12 weeks, 3 rounds"))
    #expect(script.contains("skip 2026-10-12 to 2026-10-23, skip 2026-12-21 to 2027-01-05"))
  }

  static func course(_ record: [String: String]) -> String {
    "\(record["learner_id"]!) \(record["subject"]!)"
  }
}

/// The senior schedule's check weeks, worked out by hand.
enum CheckCalendarFixture {
  static let seniorEnds = ["2026-08-28", "2026-10-09", "2026-11-20", "2027-01-10"]
    .map { CalendarDate(parsing: $0)! }
}
