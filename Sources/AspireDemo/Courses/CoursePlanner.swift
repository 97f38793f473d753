import AspireModel

/// Chooses each year's courses the way a school's option process does: S3's
/// broad general education, then S4's National 5s (National 4 where a learner
/// would not pass), S5's Highers on the strength of S4's results, and S6's
/// Advanced Highers and fresh Highers. S4 to S6 always take five to seven.
enum CoursePlanner {
  /// S3: English, Mathematics, a language, two sciences, two social subjects,
  /// an expressive art, a technology and physical education.
  static func broadGeneralCourses(using generator: inout SeededGenerator) -> [CourseChoice] {
    var subjects = [DemoCurriculum.english, DemoCurriculum.mathematics]
    let areas: [(Faculty, Int)] = [
      (.languages, 1), (.sciences, 2), (.socialSubjects, 2), (.expressiveArts, 1),
      (.technologies, 1),
    ]
    for (faculty, count) in areas {
      subjects += pick(count, from: faculty, excluding: subjects, using: &generator)
    }
    subjects.append(DemoCurriculum.index(named: "Physical Education"))
    return subjects.sorted().map { CourseChoice(subject: $0, level: .bge) }
  }

  /// S4: English and Mathematics for nearly everyone, a science for most, and
  /// options to make six or seven (sometimes five).
  static func fourthYear(_ learner: DemoLearner, using generator: inout SeededGenerator)
    -> [CourseChoice]
  {
    let count = [5, 6, 7][generator.weightedIndex([0.1, 0.4, 0.5])]
    var subjects: [Int] = []
    if generator.chance(0.99) { subjects.append(DemoCurriculum.english) }
    let mathematics = generator.weightedIndex([0.96, 0.03, 0.01])
    if mathematics == 0 { subjects.append(DemoCurriculum.mathematics) }
    if mathematics == 1 { subjects.append(DemoCurriculum.applicationsOfMathematics) }
    if generator.chance(0.9) {
      subjects += pick(1, from: .sciences, excluding: subjects, using: &generator)
    }
    subjects += options(count - subjects.count, excluding: subjects, using: &generator) {
      DemoCurriculum.subjects[$0].optionWeight
    }
    return subjects.sorted().map { subject in
      CourseChoice(subject: subject, level: nationalLevel(learner, subject: subject))
    }
  }

  /// S5: the best of S4's subjects carried on, at Higher after an A or B (and
  /// often a C) at National 5, with perhaps one new subject.
  static func fifthYear(
    _ learner: DemoLearner, after previous: [DemoCourse], using generator: inout SeededGenerator
  ) -> [CourseChoice] {
    let count = [5, 6, 7][generator.weightedIndex([0.72, 0.23, 0.05])]
    var ranked: [(score: Double, choice: CourseChoice)] = []
    for course in previous {
      guard let result = course.result,
        let level = fifthYearLevel(after: result, subject: course.subject, using: &generator)
      else { continue }
      ranked.append(
        (
          preference(course.subject, result) + generator.normal(deviation: 0.8),
          CourseChoice(subject: course.subject, level: level)
        ))
    }
    let fresh = generator.chance(0.15) ? 1 : 0
    return completed(
      ranked, count: count, fresh: fresh, excluding: previous.map(\.subject), learner,
      anyAtHigher: false, using: &generator)
  }

  /// S6: Advanced Higher after a good Higher, Higher after a National 5 pass,
  /// and fresh Highers for learners ready for them.
  static func sixthYear(
    _ learner: DemoLearner, after previous: [DemoCourse], using generator: inout SeededGenerator
  ) -> [CourseChoice] {
    let count = [5, 6][generator.weightedIndex([0.8, 0.2])]
    var ranked: [(score: Double, choice: CourseChoice)] = []
    for course in previous {
      guard let result = course.result,
        let level = sixthYearLevel(after: result, subject: course.subject, using: &generator)
      else { continue }
      let bonus = level == .advancedHigher ? 2.0 : 0
      ranked.append(
        (
          preference(course.subject, result) + bonus + generator.normal(deviation: 0.8),
          CourseChoice(subject: course.subject, level: level)
        ))
    }
    return completed(
      ranked, count: count, fresh: 0, excluding: previous.map(\.subject), learner,
      anyAtHigher: true, using: &generator)
  }

  /// The best-ranked courses carried on, topped up with new subjects to `count`.
  /// A learner ready for it starts a new subject at Higher: in S5 only subjects
  /// that usually start there, in S6 any (the year of fresh Highers).
  private static func completed(
    _ ranked: [(score: Double, choice: CourseChoice)], count: Int, fresh: Int,
    excluding earlier: [Int], _ learner: DemoLearner, anyAtHigher: Bool,
    using generator: inout SeededGenerator
  ) -> [CourseChoice] {
    let kept = ranked.sorted { $0.score > $1.score }.prefix(count - fresh).map(\.choice)
    let new = options(
      count - kept.count, excluding: earlier + kept.map(\.subject),
      using: &generator
    ) { subject in
      let weight = DemoCurriculum.subjects[subject].optionWeight
      return DemoCurriculum.subjects[subject].startsAtHigher ? weight * 4 : weight
    }
    let started = new.map { subject in
      let ready = learner.midyis + Int(learner.strength(in: subject) * 6) >= 96
      if ready && (anyAtHigher || DemoCurriculum.subjects[subject].startsAtHigher) {
        return CourseChoice(subject: subject, level: .higher)
      }
      return CourseChoice(subject: subject, level: nationalLevel(learner, subject: subject))
    }
    return (kept + started).sorted { $0.subject < $1.subject }
  }

  /// National 5 where the learner would likely pass at D or better, else National 4.
  private static func nationalLevel(_ learner: DemoLearner, subject: Int) -> Level {
    let band = AttainmentModel.expectedBand(
      level: .national5, midyis: learner.midyis, subject: subject)
    return band - learner.strength(in: subject) > 7.3 ? .national4 : .national5
  }

  private static func fifthYearLevel(
    after result: CourseGrade, subject: Int, using generator: inout SeededGenerator
  ) -> Level? {
    let core = subject == DemoCurriculum.english || subject == DemoCurriculum.mathematics
    switch (result.level, Int(result.rank)) {
    case (.national5, 3...4): return .higher
    case (.national5, 2): return generator.chance(0.6) ? .higher : nil
    case (.national5, _): return core && generator.chance(0.8) ? .national5 : nil
    case (.national4, 1): return .national5
    case (.national4, _): return core ? .national4 : nil
    default: return nil
    }
  }

  private static func sixthYearLevel(
    after result: CourseGrade, subject: Int, using generator: inout SeededGenerator
  ) -> Level? {
    let core = subject == DemoCurriculum.english || subject == DemoCurriculum.mathematics
    switch (result.level, Int(result.rank)) {
    case (.higher, 3...4): return generator.chance(0.45) ? .advancedHigher : nil
    case (.higher, _): return generator.chance(0.25) ? .higher : nil
    case (.national5, 2...4): return generator.chance(0.75) ? .higher : nil
    case (.national5, _): return core && generator.chance(0.6) ? .national5 : nil
    case (.national4, 1): return .national5
    case (.national4, _): return generator.chance(0.5) ? .national4 : nil
    default: return nil
    }
  }

  /// How keen a learner is to carry a subject on: English first, Mathematics
  /// next, then the subjects with the best results.
  private static func preference(_ subject: Int, _ result: CourseGrade) -> Double {
    let grade = result.level.scale == .sqa ? Double(result.rank) : 0.5
    if subject == DemoCurriculum.english { return grade + 10 }
    if subject == DemoCurriculum.mathematics { return grade + 2 }
    return grade
  }

  /// `count` subjects of `faculty`, chosen by their popularity.
  /// Subjects with no option weight (English) are never picked this way.
  private static func pick(
    _ count: Int, from faculty: Faculty, excluding excluded: [Int],
    using generator: inout SeededGenerator
  ) -> [Int] {
    options(count, excluding: excluded, using: &generator) { subject in
      let info = DemoCurriculum.subjects[subject]
      return info.faculty == faculty ? info.optionWeight : 0
    }
  }

  /// `count` different subjects not in `excluded`, each drawn with probability
  /// proportional to `weight`.
  private static func options(
    _ count: Int, excluding excluded: [Int], using generator: inout SeededGenerator,
    weight: (Int) -> Double
  ) -> [Int] {
    var weights = DemoCurriculum.subjects.indices.map { weight($0) }
    for subject in excluded { weights[subject] = 0 }
    var chosen: [Int] = []
    while chosen.count < count, weights.contains(where: { $0 > 0 }) {
      let subject = generator.weightedIndex(weights)
      chosen.append(subject)
      weights[subject] = 0
    }
    return chosen
  }
}
