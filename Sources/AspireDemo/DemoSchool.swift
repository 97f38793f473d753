import Foundation

/// The demo school, or a national senior phase of many schools, written as the
/// CSV files `aspire import` reads.
///
/// Without a learner count it is one Scottish secondary of about 900 learners
/// in S1 to S6 in session 2026-27, with 2025-26 behind it and the August 2026
/// results of that year's S4 to S6, and the year itself: the teachers'
/// returns of every check round for S3 to S6 and the senior phase's mentor
/// meetings. With a learner count it is a national
/// senior phase: that many learners in S4 to S6 this session, in schools of 200
/// to 650 senior learners, their ids prefixed by school (`S007-L00042`).
///
/// Everything follows from the seed: the same seed and count write the same
/// bytes on every machine and every run.
public struct DemoSchool: Sendable {
  public let seed: UInt64
  /// Learners in S4 to S6 this session for a national run; nil for the demo school.
  public let learners: Int?

  /// The largest national run the generator makes.
  public static let largest = 5_000_000

  public init(seed: UInt64 = 2026, learners: Int? = nil) {
    self.seed = seed
    self.learners = learners
  }

  /// Writes the files into `directory` (created if missing, files replaced)
  /// and lists them in import order.
  public func writeCSV(to directory: URL) throws -> DemoFiles {
    let plans: [SchoolPlan]
    if let learners {
      guard (1...DemoSchool.largest).contains(learners) else {
        throw DemoError.learnerCount(learners)
      }
      plans = SchoolPlan.national(learners: learners, seed: seed)
    } else {
      plans = [SchoolPlan.demo(seed: seed)]
    }

    let writer = try DemoWriter(directory: directory)
    try writer.writeSubjects()
    for plan in plans {
      let school = GeneratedSchool(plan: plan)
      try writer.write(school)
      // The year's returns and meetings are the demo school's alone: a
      // national run is the roll and courses that imports are timed on.
      if learners == nil { try writer.writeYear(school) }
    }
    return try writer.finish()
  }
}
