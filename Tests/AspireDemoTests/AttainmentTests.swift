import AspireDemo
import AspireModel
import Foundation
import Testing

@Suite struct AttainmentTests {
  let demo = DemoFixture.school

  /// Graded results (National 5 and up) with the learner's MidYIS and the prediction.
  private var gradedResults: [(midyis: Double, result: Int, predicted: Int)] {
    var midyis: [String: Double] = [:]
    for learner in demo.table("learners-2025-26.csv").records {
      midyis[learner["id"]!] = Double(learner["midyis"]!)
    }
    var predicted: [String: String] = [:]
    for enrolment in demo.table("enrolments-2025-26.csv").records {
      predicted["\(enrolment["learner_id"]!) \(enrolment["subject"]!)"] = enrolment["predicted"]!
    }
    return demo.table("results-2026.csv").records.compactMap { result in
      guard let level = Level(parsing: result["level"]!), level.scale == GradeScale.sqa,
        let grade = level.scale.grade(named: result["grade"]!),
        let prediction = predicted["\(result["learner_id"]!) \(result["subject"]!)"]
          .flatMap({ level.scale.grade(named: $0) })
      else { return nil }
      return (midyis[result["learner_id"]!]!, grade.rank, prediction.rank)
    }
  }

  @Test func midyisCorrelatesWithResults() {
    let pairs = gradedResults
    #expect(pairs.count > 1_000)
    let correlation = pearson(pairs.map(\.midyis), pairs.map { Double($0.result) })
    #expect(correlation > 0.3, "correlation \(correlation)")
  }

  @Test func mostResultsLandWithinAGradeOfThePrediction() {
    let steps = gradedResults.map { $0.result - $0.predicted }
    let within = steps.filter { abs($0) <= 1 }.count
    let beat = steps.filter { $0 > 0 }.count
    let missed = steps.filter { $0 < 0 }.count
    #expect(Double(within) > 0.8 * Double(steps.count))
    #expect(beat > steps.count / 20)
    #expect(missed > beat)
  }

  @Test func predictionsFollowMidyis() {
    let pairs = gradedResults
    let correlation = pearson(pairs.map(\.midyis), pairs.map { Double($0.predicted) })
    #expect(correlation > 0.5, "correlation \(correlation)")
  }

  private func pearson(_ xs: [Double], _ ys: [Double]) -> Double {
    let count = Double(xs.count)
    let meanX = xs.reduce(0, +) / count
    let meanY = ys.reduce(0, +) / count
    var covariance = 0.0
    var varianceX = 0.0
    var varianceY = 0.0
    for (x, y) in zip(xs, ys) {
      covariance += (x - meanX) * (y - meanY)
      varianceX += (x - meanX) * (x - meanX)
      varianceY += (y - meanY) * (y - meanY)
    }
    return covariance / (varianceX * varianceY).squareRoot()
  }
}
