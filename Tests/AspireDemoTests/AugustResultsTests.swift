import AspireDemo
import AspireModel
import Foundation
import Testing

/// August 2027's results: one for each senior course not withdrawn, and
/// higher the better the course stood at the last round.
@Suite struct AugustResultsTests {
  let demo = DemoFixture.school

  static func course(_ record: [String: String]) -> String {
    "\(record["learner_id"]!) \(record["subject"]!)"
  }

  @Test func everySeniorCourseNotWithdrawnHasOneResult() {
    let stage = Dictionary(
      uniqueKeysWithValues: demo.table("learners-2026-27.csv").records.map {
        ($0["id"]!, $0["stage"]!)
      })
    let sat = demo.table("enrolments-2026-27.csv").records.filter {
      $0["withdrawn"] != "true" && stage[$0["learner_id"]!] != "S3"
    }
    let results = demo.table("results-2027.csv").records
    #expect(results.count == sat.count)
    #expect(Set(results.map(Self.course)) == Set(sat.map(Self.course)))
    #expect(results.allSatisfy { $0["year"] == "2027" })
  }

  @Test func resultsFollowTheLastRoundsStatus() {
    let predicted = Dictionary(
      uniqueKeysWithValues: demo.table("enrolments-2026-27.csv").records.map {
        (Self.course($0), ($0["level"]!, $0["predicted"]!))
      })
    let status = Dictionary(
      uniqueKeysWithValues: demo.table("assessments-2026-27-round-4.csv").records.map {
        (Self.course($0), $0["status"]!)
      })
    var lift: [String: [Double]] = [:]
    for result in demo.table("results-2027.csv").records {
      guard let last = status[Self.course(result)], let (level, grade) = predicted[
        Self.course(result)], let scale = Level(parsing: level)?.scale,
        let expected = scale.grade(named: grade), let got = scale.grade(named: result["grade"]!)
      else { continue }
      lift[last, default: []].append(Double(got.rank - expected.rank))
    }
    let mean = { (status: String) in lift[status]!.reduce(0, +) / Double(lift[status]!.count) }
    #expect(mean("A") > mean("O") + 0.5)
    #expect(mean("O") > mean("B") + 0.5)
  }
}
