import AspireLanguage

/// Decides who a flag goes to: the person in the rule's role for that
/// learner (and subject), or, where no such person is known, a senior
/// leader, with a note that says why.
struct FlagRouter {
  /// Where a flag goes.
  struct Route: Equatable {
    let owner: String
    /// Why the flag did not go to the role it was raised for; nil when it did.
    let note: String?
  }

  /// The facts about one flagged row that routing needs.
  struct Row {
    var learner: String
    var subject: String?
    var faculty: String?
    var teacher: String?
  }

  let roster: StaffRoster
  /// Each learner's pupil support and mentor, by learner id.
  let pupilSupport: [String: String]
  let mentor: [String: String]

  /// The senior leader flags fall back to: the one with the lowest id.
  var seniorLeader: String? { roster.holding("senior_leader").first?.id }

  /// The route for a flag of `role` about `row`, or nil when even the
  /// fallback has no one (the school has no senior leader).
  func route(_ role: FlagRole, _ row: Row) -> Route? {
    let wanted: String?
    let missing: String
    switch role {
    case .classTeacher:
      wanted = row.teacher
      missing = "no class teacher on record for \(row.learner) in \(row.subject ?? "the subject")"
    case .facultyHead:
      wanted = roster.holding("faculty_head").first { $0.faculty == row.faculty }?.id
      missing = "no faculty head for \(row.faculty ?? "the subject's faculty")"
    case .pupilSupport:
      wanted = pupilSupport[row.learner]
      missing = "no pupil support on record for \(row.learner)"
    case .mentor:
      wanted = mentor[row.learner]
      missing = "no mentor allocated to \(row.learner)"
    case .seniorLeader:
      wanted = seniorLeader
      missing = "no senior leader on record"
    }
    if let wanted, roster.byID[wanted] != nil { return Route(owner: wanted, note: nil) }
    guard let fallback = seniorLeader else { return nil }
    return Route(owner: fallback, note: missing + "; sent to senior leader \(fallback)")
  }
}
