import Foundation
import Testing

@testable import AspireStore

/// Imports at the national senior phase's size. Slow, so it runs only when
/// `ASPIRE_SCALE_TEST` is set, best in a release build:
/// `ASPIRE_SCALE_TEST=1 swift test -c release --filter NationalScaleTests`.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["ASPIRE_SCALE_TEST"] != nil))
struct NationalScaleTests {
  static let learnerCount = 150_000
  static let subjectsEach = 7

  @Test func importsAMillionEnrolmentsAndReimportsThemUnchanged() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let subjects = (1...20).map { "Subject \($0)" }
    try load(.staff, "id,name,email,roles\nT1,Ann,ann@school.org,teacher\n", into: store)
    try load(
      .subjects, "subject,faculty\n" + subjects.map { "\($0),Faculty" }.joined(separator: "\n"),
      into: store)

    var learners = "id,name,stage,simd_decile,midyis\n"
    var enrolments = "learner_id,subject,level,class,teacher_id,predicted\n"
    for number in 1...Self.learnerCount {
      learners += "L\(number),Learner \(number),S\(4 + number % 3),\(1 + number % 10),100\n"
      for offset in 0..<Self.subjectsEach {
        let subject = subjects[(number + offset) % subjects.count]
        enrolments += "L\(number),\(subject),N5,\(offset)A,T1,B\n"
      }
    }
    let learnersPath = scratch.write("learners.csv", learners)
    let enrolmentsPath = scratch.write("enrolments.csv", enrolments)
    let importer = Importer(store: store)

    let clock = ContinuousClock()
    var outcome: ImportOutcome?
    let learnerTime = try clock.measure {
      outcome = try importer.run(
        kind: .learners, file: learnersPath, session: testSession, by: "tester")
    }
    #expect(outcome?.added == Self.learnerCount)
    let firstTime = try clock.measure {
      outcome = try importer.run(
        kind: .enrolments, file: enrolmentsPath, session: testSession, by: "tester")
    }
    #expect(outcome?.added == Self.learnerCount * Self.subjectsEach)
    let secondTime = try clock.measure {
      outcome = try importer.run(
        kind: .enrolments, file: enrolmentsPath, session: testSession, by: "tester")
    }
    #expect(outcome?.unchanged == Self.learnerCount * Self.subjectsEach)
    print("learners \(learnerTime), enrolments \(firstTime), again \(secondTime)")
  }
}
