/// The subjects of the demo school, the same in every school of a national run.
enum DemoCurriculum {
  static let english = 0
  static let mathematics = 4
  static let applicationsOfMathematics = 5

  /// Every subject, in the order the subjects file lists them.
  static let subjects: [DemoSubject] = [
    subject("English", .languages, "C724", "En", 7, 0, 0.2),
    subject("French", .languages, "C730", "Fr", 2, 0.9, 0.0),
    subject("Spanish", .languages, "C769", "Sp", 2, 0.8, 0.0),
    subject("German", .languages, "C731", "Gm", 1, 0.25, -0.1),
    subject("Mathematics", .mathematics, "C747", "Ma", 7, 0, 0.4),
    subject("Applications of Mathematics", .mathematics, "C744", "AM", 1, 0, 0.3),
    subject("Biology", .sciences, "C707", "Bi", 2, 1.6, 0.2),
    subject("Chemistry", .sciences, "C713", "Ch", 2, 1.4, 0.3),
    subject("Physics", .sciences, "C757", "Ph", 2, 1.2, 0.3),
    subject("Human Biology", .sciences, "C740", "HB", 1, 0.3, 0.1, startsAtHigher: true),
    subject("History", .socialSubjects, "C737", "Hi", 2, 1.2, 0.1),
    subject("Geography", .socialSubjects, "C733", "Ge", 2, 1.2, 0.0),
    subject(
      "Modern Studies", .socialSubjects, "C749", "MS", 2, 1.1, 0.0,
      startsAtHigher: true),
    subject(
      "Religious, Moral and Philosophical Studies", .socialSubjects, "C750", "RM", 2,
      0.5, -0.1, startsAtHigher: true),
    subject("Art and Design", .expressiveArts, "C705", "Ar", 3, 1.1, -0.2, limit: 20),
    subject("Music", .expressiveArts, "C751", "Mu", 2, 0.8, -0.4, limit: 20),
    subject("Drama", .expressiveArts, "C721", "Dr", 2, 0.6, -0.3, limit: 20),
    subject("Computing Science", .technologies, "C716", "CS", 2, 0.9, 0.3, limit: 20),
    subject("Design and Manufacture", .technologies, "C723", "DM", 2, 0.8, 0.0, limit: 20),
    subject("Graphic Communication", .technologies, "C736", "GC", 1, 0.6, 0.0, limit: 20),
    subject(
      "Business Management", .technologies, "C710", "BM", 2, 0.9, 0.0,
      startsAtHigher: true),
    subject(
      "Physical Education", .healthAndWellbeing, "C756", "PE", 5, 1.3, -0.3,
      limit: 20),
    subject(
      "Health and Food Technology", .healthAndWellbeing, "C738", "HF", 2, 0.6, -0.1,
      limit: 20),
  ]

  /// The sciences, of which an S4 learner nearly always takes at least one.
  static let sciences: [Int] = subjects.indices.filter { subjects[$0].faculty == .sciences }

  /// The subjects a learner may choose as options (all but English and Mathematics).
  static let options: [Int] = subjects.indices.filter { subjects[$0].optionWeight > 0 }

  /// The index of the subject called `name`, which must be one of `subjects`.
  static func index(named name: String) -> Int {
    guard let index = subjects.firstIndex(where: { $0.name == name }) else {
      preconditionFailure("\(name) is not a subject of the demo school")
    }
    return index
  }

  private static func subject(
    _ name: String, _ faculty: Faculty, _ sqaCode: String, _ classCode: String,
    _ teachers: Int, _ optionWeight: Double, _ difficulty: Double, limit: Int = 30,
    startsAtHigher: Bool = false
  ) -> DemoSubject {
    DemoSubject(
      name: name, faculty: faculty, sqaCode: sqaCode, classCode: classCode,
      teachersPerNineHundred: teachers, optionWeight: optionWeight, difficulty: difficulty,
      classLimit: limit, startsAtHigher: startsAtHigher)
  }
}
