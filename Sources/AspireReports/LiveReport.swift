import AspireModel

/// What a family's Live Report says after a round: the year so far as a grid
/// of subjects by rounds, the latest comment in each subject, and the
/// mentor's agreed actions the family may see.
public struct LiveReport: Sendable {
  /// One subject's line of the grid.
  public struct Subject: Sendable {
    public var name: String
    public var level: String
    public var target: String?
    /// The teacher's A/O/B in each round so far, by round (nil: not returned).
    public var statuses: [Status?]
    /// The teacher's latest comment up to the report's round.
    public var latestComment: String?
    /// The round that comment was returned in.
    public var latestCommentRound: Int?

    public init(
      name: String, level: String, target: String?, statuses: [Status?], latestComment: String?,
      latestCommentRound: Int? = nil
    ) {
      self.name = name
      self.level = level
      self.target = target
      self.statuses = statuses
      self.latestComment = latestComment
      self.latestCommentRound = latestCommentRound
    }
  }

  /// The school's name, printed above the report; nil leaves the line out.
  public var school: String?
  public var learner: String
  public var stage: String
  public var session: String
  /// The round just finished, and how many rounds the year has (4, or 3 for S3).
  public var round: Int
  public var rounds: Int
  public var subjects: [Subject]
  /// The mentor's agreed actions that the family may see.
  public var actions: [String]
  public var mentor: String?

  public init(
    school: String?, learner: String, stage: String, session: String, round: Int, rounds: Int,
    subjects: [Subject], actions: [String], mentor: String?
  ) {
    self.school = school
    self.learner = learner
    self.stage = stage
    self.session = session
    self.round = round
    self.rounds = rounds
    self.subjects = subjects
    self.actions = actions
    self.mentor = mentor
  }

  /// Where a subject's latest comment is from an earlier round than the
  /// report's, that round, as `(round 2)`; else nothing, since the comment
  /// is this round's.
  func commentRoundLabel(_ subject: Subject) -> String? {
    guard let commented = subject.latestCommentRound, commented < round else { return nil }
    return "(round \(commented))"
  }

  /// The email's subject line.
  public var title: String {
    "Live Report for \(learner), \(session) round \(round)"
  }
}

/// How each status reads and looks in a report.
enum StatusStyle {
  static func word(_ status: Status) -> String {
    switch status {
    case .above: return "Above target"
    case .on: return "On target"
    case .below: return "Below target"
    }
  }

  /// Background and text colours with enough contrast to read and to print.
  static func colours(_ status: Status?) -> (background: String, text: String) {
    switch status {
    case .above?: return ("#d7f0dd", "#0b5a22")
    case .on?: return ("#fff1c7", "#6b4e00")
    case .below?: return ("#f9d6d5", "#8a1c17")
    case nil: return ("#f2f2f2", "#555555")
    }
  }
}
