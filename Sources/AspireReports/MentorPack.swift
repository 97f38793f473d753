/// A mentor's meeting pack for one round: each of their learners with, for
/// every subject, the target, the teacher's status and comment that round,
/// the learner's own view where it differs, and the actions last agreed.
public struct MentorPack: Sendable {
  /// One subject of one learner in the round.
  public struct Subject: Sendable {
    public var name: String
    public var level: String
    public var target: String?
    /// `A`, `O` or `B`; nil when the teacher has not returned a mark.
    public var status: String?
    public var comment: String?
    /// The learner's own view at the meeting, when recorded.
    public var selfStatus: String?

    public init(
      name: String, level: String, target: String?, status: String?, comment: String?,
      selfStatus: String?
    ) {
      self.name = name
      self.level = level
      self.target = target
      self.status = status
      self.comment = comment
      self.selfStatus = selfStatus
    }
  }

  /// One learner in the mentor's caseload.
  public struct Learner: Sendable {
    public var id: String
    public var name: String
    public var stage: String
    public var subjects: [Subject]
    /// The actions of the learner's latest meeting, with its round.
    public var lastActions: [String]
    public var lastActionsRound: Int?

    public init(
      id: String, name: String, stage: String, subjects: [Subject], lastActions: [String],
      lastActionsRound: Int?
    ) {
      self.id = id
      self.name = name
      self.stage = stage
      self.subjects = subjects
      self.lastActions = lastActions
      self.lastActionsRound = lastActionsRound
    }
  }

  public var mentorID: String
  public var mentorName: String
  public var session: String
  public var schedule: String
  public var round: Int
  /// The round's check week, as `2026-08-24 to 2026-08-28`.
  public var week: String
  public var learners: [Learner]

  public init(
    mentorID: String, mentorName: String, session: String, schedule: String, round: Int,
    week: String, learners: [Learner]
  ) {
    self.mentorID = mentorID
    self.mentorName = mentorName
    self.session = session
    self.schedule = schedule
    self.round = round
    self.week = week
    self.learners = learners
  }

  /// The pack's title, also its email's subject.
  public var title: String { "Mentor pack: \(mentorName), round \(round)" }

  /// The pack as a self-contained HTML page; for email, with inline styles.
  public func html(forEmail: Bool = false) -> String {
    var page = HTMLWriter(title: title, inlineStyles: forEmail)
    page.element("h1", "Mentor pack for \(mentorName) (\(mentorID))")
    page.element(
      "p", "Session \(session), \(schedule) round \(round): check week \(week). "
        + "\(learners.count) learners.", cssClass: "note")
    for learner in learners {
      page.open("section", cssClass: "learner")
      page.element("h2", "\(learner.name) (\(learner.id)), \(learner.stage)")
      let rows = learner.subjects.map { subject -> [HTMLCell] in
        let differs = subject.selfStatus != nil && subject.status != nil
          && subject.selfStatus != subject.status
        return [
          HTMLCell(subject.name), HTMLCell(subject.level), HTMLCell(subject.target ?? "none"),
          HTMLCell(subject.status ?? "not returned", cssClass: subject.status),
          HTMLCell(
            subject.selfStatus ?? "", cssClass: differs ? "differs" : subject.selfStatus),
          HTMLCell(subject.comment ?? ""),
        ]
      }
      page.table(
        header: ["subject", "level", "target", "teacher", "learner's view", "comment"],
        rows: rows)
      let differing = learner.subjects.filter {
        $0.selfStatus != nil && $0.status != nil && $0.selfStatus != $0.status
      }
      if !differing.isEmpty {
        page.element(
          "p", "The learner's view differs from the teacher's in "
            + differing.map(\.name).joined(separator: ", ") + ".")
      }
      if let round = learner.lastActionsRound, !learner.lastActions.isEmpty {
        page.element("p", "Actions agreed at the round \(round) meeting:")
        page.open("ul")
        for action in learner.lastActions { page.element("li", action) }
        page.close()
      } else {
        page.element("p", "No actions recorded yet.", cssClass: "note")
      }
      page.close()
    }
    return page.finish()
  }

  /// The pack as plain text, for the email's text part.
  public var plainText: String {
    var text = "Mentor pack for \(mentorName) (\(mentorID))\n"
    text += "Session \(session), \(schedule) round \(round): check week \(week). "
    text += "\(learners.count) learners.\n"
    for learner in learners {
      text += "\n\(learner.name) (\(learner.id)), \(learner.stage)\n"
      for subject in learner.subjects {
        text += "- \(subject.name) (\(subject.level)), target \(subject.target ?? "none"): "
        text += "teacher \(subject.status ?? "not returned")"
        if let own = subject.selfStatus { text += ", learner \(own)" }
        if let comment = subject.comment, !comment.isEmpty { text += "; \(comment)" }
        text += "\n"
      }
      if let round = learner.lastActionsRound, !learner.lastActions.isEmpty {
        text += "Actions agreed at the round \(round) meeting:\n"
        for action in learner.lastActions { text += "  * \(action)\n" }
      }
    }
    return text
  }
}
