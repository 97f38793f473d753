import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore

extension SchoolService {
  /// `allocate mentors for COHORT`: gives every learner of the cohort a
  /// mentor among the staff with the mentor role, by the rules of
  /// `MentorAllocation`; the session's learners outside the cohort keep
  /// their mentors and count in their caseloads. A learner whose mentor
  /// changes has the old row closed (as of today, with the reason) and a new
  /// one opened; a learner whose mentor stays is left as they are. With too
  /// few places it allocates up to capacity and lists the learners left without.
  func allocate(_ cohort: LearnerRows, asOf: CalendarDate) throws -> [Value] {
    let session = cohort.session
    let roster = try StaffRoster(store: store)
    let mentors = roster.holding("mentor").map {
      MentorAllocation.Mentor(id: $0.id, capacity: $0.mentorCapacity)
    }
    let current = try openAllocations(session)
    let previous = try lastAllocations(session.previous)
    var teachers: [String: Set<String>] = [:]
    for row in try store.database.query(
      "SELECT learner_id, teacher_id FROM enrolments WHERE session = ?",
      [.text(session.description)])
    {
      teachers[row[0].text ?? "", default: []].insert(row[1].text ?? "")
    }
    let learners = Array(Set(cohort.id)).sorted()
    let allocation = MentorAllocation(
      learners: learners, mentors: mentors, current: current, previous: previous,
      teachers: teachers)

    let day = min(max(asOf, session.firstDay), session.lastDay)
    var counts = AllocationCounts()
    try store.database.inTransaction {
      for learner in learners {
        let mentor = allocation.mentorOf[learner]
        let old = current[learner]
        if mentor == nil { counts.without += 1 }
        if mentor != nil && mentor == old {
          counts.unchanged += 1
          continue
        }
        if let old {
          let why = mentor.map { "mentor changed to \($0)" } ?? "no mentor had room"
          try store.database.run(
            """
            UPDATE mentor_allocations SET to_day = ?, reason = reason || '; closed: ' || ?
            WHERE session = ? AND learner_id = ? AND mentor_id = ? AND to_day IS NULL
            """,
            [
              .text(day.description), .text(why), .text(session.description), .text(learner),
              .text(old),
            ])
        }
        guard let mentor else { continue }
        if old == nil { counts.added += 1 } else { counts.changed += 1 }
        let reason =
          allocation.reasonOf[learner] == .continued
          ? "mentor last session (\(session.previous))" : "allocated"
        try store.database.run(
          """
          INSERT INTO mentor_allocations (session, learner_id, mentor_id, from_day, reason,
            set_at, set_by) VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
          [
            .text(session.description), .text(learner), .text(mentor), .text(day.description),
            .text(reason), .text(stamp), .text(user),
          ])
      }
    }
    data.reload()
    return allocationReport(
      allocation, cohort: cohort, mentors: mentors.filter { $0.capacity > 0 }.count,
      counts: counts)
  }

  /// How an allocation left the cohort's learners.
  private struct AllocationCounts {
    /// Learners who keep the mentor they had.
    var unchanged = 0
    /// Learners who had no mentor and now have one.
    var added = 0
    /// Learners whose mentor changed to another.
    var changed = 0
    /// Learners left with no mentor, whether or not they had one before.
    var without = 0
  }

  /// What an allocation did, and what it could not do.
  private func allocationReport(
    _ allocation: MentorAllocation, cohort: LearnerRows, mentors: Int, counts: AllocationCounts
  ) -> [Value] {
    // Caseloads count every learner a mentor has this session, in the cohort or not.
    let loads = allocation.caseloads().values
    let spread = loads.isEmpty ? "" : ", caseloads \(loads.min()!) to \(loads.max()!)"
    var lines: [Value] = [
      .text(
        "mentors for \(Set(cohort.id).count) learners in \(cohort.session): "
          + "\(counts.unchanged) unchanged, \(counts.added) new, \(counts.changed) changed, "
          + "\(counts.without) without a mentor; "
          + "\(allocation.caseloads().count) of \(mentors) mentors used\(spread)")
    ]
    let left = allocation.unallocated
    if !left.isEmpty {
      lines.append(
        .text(
          "too few mentor places: \(left.count) learners left without a mentor; "
            + "\(allocation.mentorsNeeded) more mentors with a caseload of "
            + "\(MentorAllocation.usualCaseload) would take them"))
      var table = ReportTable([("id", .text), ("name", .text), ("stage", .text)])
      let position = Dictionary(
        cohort.id.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
      for learner in left {
        let row = position[learner]!
        table.append([.text(learner), .text(cohort.name[row]), .text(cohort.stage[row])])
      }
      lines.append(table.value)
    }
    let conflicts = allocation.teachingConflicts
    if !conflicts.isEmpty {
      let kept = allocation.keptDespiteTeaching.count
      lines.append(
        .text(
          "\(conflicts.count) learners have a mentor who teaches them (\(kept) kept from "
            + "before, \(conflicts.count - kept) with no other mentor free): "
            + conflicts.prefix(10).joined(separator: ", ")
            + (conflicts.count > 10 ? ", …" : "")))
    }
    return lines
  }

  /// Each learner's open mentor allocation in the session.
  func openAllocations(_ session: Session) throws -> [String: String] {
    var open: [String: String] = [:]
    for row in try store.database.query(
      "SELECT learner_id, mentor_id FROM mentor_allocations WHERE session = ? AND to_day IS NULL",
      [.text(session.description)])
    {
      open[row[0].text ?? ""] = row[1].text
    }
    return open
  }

  /// Each learner's last mentor in the session: the open allocation, else
  /// the one closed last.
  private func lastAllocations(_ session: Session) throws -> [String: String] {
    var last: [String: String] = [:]
    for row in try store.database.query(
      """
      SELECT learner_id, mentor_id FROM mentor_allocations WHERE session = ?
      ORDER BY to_day IS NULL, to_day, id
      """, [.text(session.description)])
    {
      last[row[0].text ?? ""] = row[1].text
    }
    return last
  }
}
