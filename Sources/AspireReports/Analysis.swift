import AspireModel

/// The August analysis: each result set against its target. The gap is the
/// target minus the result in grade steps, so a positive mean is expected.
public struct Analysis: Sendable {
  /// One exam result and what the school knew of it.
  public struct Result: Sendable {
    public var learner: String
    public var subject: String
    public var level: String
    public var className: String
    public var teacher: String
    public var target: Grade?
    public var grade: Grade
    /// Target minus result in grade steps; nil without a target on its scale.
    public var gap: Double?
    /// The teacher's A/O/B in the last round before the exams.
    public var lastStatus: Status?
    /// The groups the learner belongs to: ("gender", "F"), ("SIMD quintile", "1") …
    public var groups: [(String, String)]

    public init(
      learner: String, subject: String, level: String, className: String, teacher: String,
      target: Grade?, grade: Grade, lastStatus: Status?, groups: [(String, String)]
    ) {
      self.learner = learner
      self.subject = subject
      self.level = level
      self.className = className
      self.teacher = teacher
      self.target = target
      self.grade = grade
      self.lastStatus = lastStatus
      self.groups = groups
      if let target, target.scale == grade.scale {
        gap = Double(target.rank - grade.rank)
      }
    }

    /// Whether the result is above, on or below its target.
    public var outcome: Status? {
      guard let gap else { return nil }
      return gap < 0 ? .above : gap == 0 ? .on : .below
    }
  }

  /// The school's name, in the page's title; nil leaves it out.
  public var school: String?
  public var year: Int
  public var results: [Result]
  /// Last year's results, shown beside this year's where both exist.
  public var previous: [Result]
  /// Courses withdrawn from, and courses whose level changed, in the year.
  public var withdrawn: Int
  public var changedLevel: Int
  /// For outside the school: every group smaller than five is suppressed.
  public var outside: Bool

  public init(
    school: String?, year: Int, results: [Result], previous: [Result] = [], withdrawn: Int = 0,
    changedLevel: Int = 0, outside: Bool = false
  ) {
    self.school = school
    self.year = year
    self.results = results
    self.previous = previous
    self.withdrawn = withdrawn
    self.changedLevel = changedLevel
    self.outside = outside
  }

  /// The smallest group shown outside the school.
  public static let smallestGroup = 5

  /// Counts and means for some results.
  public struct Summary: Sendable {
    public var results = 0
    public var withTarget = 0
    public var above = 0
    public var on = 0
    public var below = 0
    public var gapTotal = 0.0

    public var meanGap: Double? { withTarget == 0 ? nil : gapTotal / Double(withTarget) }

    public func share(_ count: Int) -> Double? {
      withTarget == 0 ? nil : Double(count) * 100 / Double(withTarget)
    }
  }

  /// The summary of `results`.
  public static func summarise(_ results: [Result]) -> Summary {
    var summary = Summary()
    for result in results {
      summary.results += 1
      guard let gap = result.gap else { continue }
      summary.withTarget += 1
      summary.gapTotal += gap
      switch result.outcome {
      case .above?: summary.above += 1
      case .on?: summary.on += 1
      default: summary.below += 1
      }
    }
    return summary
  }

  /// Results grouped by a key, in key order.
  public static func grouped(_ results: [Result], by key: (Result) -> [String])
    -> [(String, [Result])]
  {
    var groups: [String: [Result]] = [:]
    for result in results {
      for value in key(result) { groups[value, default: []].append(result) }
    }
    return groups.keys.sorted().map { ($0, groups[$0]!) }
  }

  /// Each group of learners (`gender: F`) with its results.
  public var byGroup: [(String, [Result])] {
    Analysis.grouped(results) { $0.groups.map { "\($0.0): \($0.1)" } }
  }

  /// How often each teacher's last-round status matched the result: Above
  /// for a result above target, On for on, Below for below.
  public var teacherAgreement: [(teacher: String, judged: Int, matched: Int)] {
    Analysis.grouped(results) { [$0.teacher] }.map { teacher, results in
      let judged = results.filter { $0.lastStatus != nil && $0.outcome != nil }
      return (teacher, judged.count, judged.filter { $0.lastStatus == $0.outcome }.count)
    }
  }
}
