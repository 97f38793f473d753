/// A faculty head's summary of the check rounds: for each subject and round,
/// the A/O/B counts, the flags still open and the returns still missing.
public struct FacultySummary: Sendable {
  /// One subject in one round.
  public struct Cell: Sendable {
    public var above: Int
    public var on: Int
    public var below: Int
    public var openFlags: Int
    /// Enrolments with no return; nil before the round's check week starts.
    public var missing: Int?

    public init(above: Int, on: Int, below: Int, openFlags: Int, missing: Int?) {
      self.above = above
      self.on = on
      self.below = below
      self.openFlags = openFlags
      self.missing = missing
    }
  }

  /// One subject's rounds, in order.
  public struct Subject: Sendable {
    public var name: String
    public var rounds: [(round: Int, cell: Cell)]

    public init(name: String, rounds: [(round: Int, cell: Cell)]) {
      self.name = name
      self.rounds = rounds
    }
  }

  public var faculty: String
  public var session: String
  public var asOf: String
  /// The faculty heads the summary is for, by name.
  public var heads: [String]
  public var subjects: [Subject]

  public init(faculty: String, session: String, asOf: String, heads: [String],
    subjects: [Subject])
  {
    self.faculty = faculty
    self.session = session
    self.asOf = asOf
    self.heads = heads
    self.subjects = subjects
  }

  /// The summary as a self-contained HTML page.
  public func html() -> String {
    var page = HTMLWriter(title: "\(faculty): check rounds \(session)")
    page.element("h1", "\(faculty): check rounds, \(session)")
    let forWhom =
      heads.isEmpty ? "no faculty head on record" : "for " + heads.joined(separator: ", ")
    page.element("p", "As of \(asOf), \(forWhom).", cssClass: "note")
    for subject in subjects {
      page.element("h2", subject.name)
      let rows = subject.rounds.map { round, cell -> [HTMLCell] in
        [
          HTMLCell(String(round)), HTMLCell(String(cell.above), cssClass: "A"),
          HTMLCell(String(cell.on), cssClass: "O"), HTMLCell(String(cell.below), cssClass: "B"),
          HTMLCell(String(cell.openFlags)), HTMLCell(cell.missing.map(String.init) ?? ""),
        ]
      }
      page.table(
        header: ["round", "Above", "On", "Below", "open flags", "missing returns"], rows: rows)
    }
    if subjects.isEmpty { page.element("p", "No courses in this faculty this session.") }
    return page.finish()
  }
}
