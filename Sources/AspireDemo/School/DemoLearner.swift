import AspireModel

/// A learner's gender as the learners file records it.
enum Gender: UInt8, CaseIterable, Sendable {
  case female, male, other

  /// `F`, `M` or `X`.
  var letter: String {
    switch self {
    case .female: return "F"
    case .male: return "M"
    case .other: return "X"
    }
  }
}

/// One learner of a generated school, with what stays the same from year to
/// year; stages follow from the year the learner started S1.
struct DemoLearner: Sendable {
  /// The learner's number within the school (the `00042` of `L00042`).
  let number: Int
  var givenName: Int32
  var familyName: Int32
  let gender: Gender
  let simdDecile: Int
  let midyis: Int
  let additionalSupportNeeds: Bool
  let freeSchoolMeals: Bool
  let lookedAfter: Bool
  /// The family whose contacts receive the learner's reports.
  let family: Int
  /// The house (the letter of the registration class) and the group within it.
  let house: Int
  let registrationGroup: Int
  /// The staff member (index into the staff room) who gives pupil support.
  let pupilSupport: Int
  let scottishCandidateNumber: Int
  /// The session start year in which the learner was in S1.
  let entryYear: Int
  /// The first and last session start years in which the learner is on this
  /// school's roll; a learner who arrived this session has no record last year.
  var firstYear: Int
  var lastYear: Int
  /// The seed of the learner's own strengths in each subject.
  let strengthSeed: UInt64
  /// How much better (in SQA bands) the learner does than MidYIS says, in every subject.
  let generalStrength: Double

  /// The learner's stage in the session starting in `year`, or nil when the
  /// learner is not on the roll that session.
  func stage(inYear year: Int) -> Stage? {
    guard year >= firstYear, year <= lastYear else { return nil }
    return Stage(rawValue: year - entryYear + 1)
  }

  /// The learner's strength in `subject`, in bands: a general part shared by
  /// all subjects and a part of the subject's own, the same every year.
  func strength(in subject: Int) -> Double {
    var generator = SeededGenerator(seed: strengthSeed, part: UInt64(subject))
    return generalStrength + generator.normal(deviation: 0.7)
  }
}
