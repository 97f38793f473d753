/// The learners whose Live Reports no one can be emailed, for the office to
/// post or hand over: each with why, and the rounds whose printable copies
/// wait under `reports/`.
public struct OfficeList: Sendable {
  /// One learner the office must reach another way.
  public struct Entry: Sendable {
    public var learnerID: String
    public var learner: String
    public var stage: String
    /// Why no message went, such as `no contact receives reports`.
    public var reason: String
    /// The rounds whose reports are printed for them.
    public var rounds: [Int]

    public init(learnerID: String, learner: String, stage: String, reason: String, rounds: [Int])
    {
      self.learnerID = learnerID
      self.learner = learner
      self.stage = stage
      self.reason = reason
      self.rounds = rounds
    }
  }

  /// The school's name; nil leaves it out.
  public var school: String?
  public var session: String
  /// The report's name in the rule, such as `live`.
  public var report: String
  public var entries: [Entry]

  public init(school: String?, session: String, report: String, entries: [Entry]) {
    self.school = school
    self.session = session
    self.report = report
    self.entries = entries
  }

  /// The list as a printable page.
  public var html: String {
    let schoolPrefix = school.map { "\($0): " } ?? ""
    var page = HTMLWriter(title: "\(schoolPrefix)Live Reports to print, \(session)")
    page.element("h1", "Live Reports to print or post")
    page.element(
      "p", [school, session].compactMap { $0 }.joined(separator: ", ")
        + ", report \(report): no email can go to these learners' "
        + "families. The printable copies are in reports/\(session)/round-N/.", cssClass: "note")
    let rows = entries.map { entry -> [HTMLCell] in
      [
        HTMLCell(entry.learnerID), HTMLCell(entry.learner), HTMLCell(entry.stage),
        HTMLCell(entry.rounds.map(String.init).joined(separator: ", ")), HTMLCell(entry.reason),
      ]
    }
    page.table(header: ["Learner", "Name", "Stage", "Rounds", "Why"], rows: rows)
    return page.finish()
  }
}
