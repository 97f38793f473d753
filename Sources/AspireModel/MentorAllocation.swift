/// Gives every learner of a cohort a mentor, by these rules in this order:
///
/// 1. no mentor above capacity, counting every learner they mentor that
///    session, in the cohort or not;
/// 2. the same mentor as before where possible: the learner's mentor this
///    session if they have one, else last session's;
/// 3. as few learners as can be with a mentor who teaches them;
/// 4. caseloads as even as possible (the least sum of squared caseloads);
/// 5. ties broken by ids, so the same input always gives the same result.
///
/// When the mentors have fewer places than there are learners, it allocates
/// up to capacity and leaves the learners with the last ids (among those
/// with no mentor to keep) without one; it never goes over a capacity.
public struct MentorAllocation: Sendable {
  /// A member of staff who mentors, with the most learners they take.
  public struct Mentor: Hashable, Sendable {
    public var id: String
    public var capacity: Int

    public init(id: String, capacity: Int) {
      self.id = id
      self.capacity = capacity
    }
  }

  /// How a learner came by their mentor.
  public enum Reason: String, Hashable, Sendable {
    /// The mentor the learner already has this session.
    case kept
    /// Last session's mentor.
    case continued
    /// A mentor chosen afresh.
    case allocated
  }

  /// The caseload the programme plans for: a shortfall is told in mentors of this many.
  public static let usualCaseload = 6

  /// Each allocated learner's mentor.
  public private(set) var mentorOf: [String: String] = [:]
  /// How each allocated learner came by their mentor.
  public private(set) var reasonOf: [String: Reason] = [:]
  /// Learners left without a mentor for want of places, by id.
  public private(set) var unallocated: [String] = []
  /// Learners whose mentor teaches them, by id: no other way was found.
  public private(set) var teachingConflicts: [String] = []
  /// Learners kept with their mentor although that mentor teaches them.
  public private(set) var keptDespiteTeaching: [String] = []

  /// More mentors at the usual caseload that would take every learner left without.
  public var mentorsNeeded: Int {
    (unallocated.count + MentorAllocation.usualCaseload - 1) / MentorAllocation.usualCaseload
  }

  /// Each mentor's caseload after allocation: the learners allocated here,
  /// and the learners of the session outside them who already have the mentor.
  public func caseloads() -> [String: Int] {
    var loads = elsewhere
    for mentor in mentorOf.values { loads[mentor, default: 0] += 1 }
    return loads
  }

  /// Learners outside the allocation who already have each mentor, by mentor.
  private var elsewhere: [String: Int] = [:]

  /// Allocates `learners` among `mentors`. `current` gives each learner's
  /// mentor this session, `previous` last session's; `teachers` the staff
  /// who teach each learner this session. A learner `current` names who is
  /// not among `learners` keeps their mentor and fills one of that mentor's
  /// places, so allocating one cohort after another never goes over a capacity.
  public init(
    learners: [String], mentors: [Mentor], current: [String: String],
    previous: [String: String], teachers: [String: Set<String>]
  ) {
    let cohort = Set(learners)
    for (learner, mentor) in current where !cohort.contains(learner) {
      if mentors.contains(where: { $0.id == mentor && $0.capacity > 0 }) {
        elsewhere[mentor, default: 0] += 1
      }
    }
    var allocator = Allocator(
      learners: cohort.sorted(), mentors: mentors, teachers: teachers, load: elsewhere)
    allocator.keep(current, as: .kept)
    allocator.keep(previous, as: .continued)
    allocator.allocateTheRest()
    mentorOf = allocator.mentorOf
    reasonOf = allocator.reasonOf
    unallocated = allocator.unallocated
    teachingConflicts = allocator.mentorOf.keys.sorted().filter {
      allocator.teaches(allocator.mentorOf[$0]!, $0)
    }
    keptDespiteTeaching = teachingConflicts.filter { allocator.reasonOf[$0] != .allocated }
  }
}

/// The working state of one allocation.
private struct Allocator {
  let learners: [String]
  /// Mentors with room for at least one learner, by id.
  let mentors: [String]
  let capacity: [String: Int]
  let teachers: [String: Set<String>]
  var load: [String: Int]
  var mentorOf: [String: String] = [:]
  var reasonOf: [String: MentorAllocation.Reason] = [:]
  var unallocated: [String] = []

  init(
    learners: [String], mentors: [MentorAllocation.Mentor], teachers: [String: Set<String>],
    load: [String: Int]
  ) {
    self.learners = learners
    var capacity: [String: Int] = [:]
    for mentor in mentors where mentor.capacity > 0 { capacity[mentor.id] = mentor.capacity }
    self.capacity = capacity
    self.mentors = capacity.keys.sorted()
    self.teachers = teachers
    self.load = load
  }

  func teaches(_ mentor: String, _ learner: String) -> Bool {
    teachers[learner]?.contains(mentor) ?? false
  }

  func room(_ mentor: String) -> Int { (capacity[mentor] ?? 0) - (load[mentor] ?? 0) }

  mutating func assign(_ learner: String, to mentor: String, _ reason: MentorAllocation.Reason) {
    mentorOf[learner] = mentor
    reasonOf[learner] = reason
    load[mentor, default: 0] += 1
  }

  /// Keeps each learner not yet placed with the mentor `earlier` names, up to
  /// the mentor's room: those the mentor does not teach first, then by id.
  mutating func keep(_ earlier: [String: String], as reason: MentorAllocation.Reason) {
    var wanting: [String: [String]] = [:]
    for learner in learners where mentorOf[learner] == nil {
      guard let mentor = earlier[learner], capacity[mentor] != nil else { continue }
      wanting[mentor, default: []].append(learner)
    }
    for mentor in wanting.keys.sorted() {
      let ordered = wanting[mentor]!.sorted { a, b in
        let (ta, tb) = (teaches(mentor, a), teaches(mentor, b))
        return ta != tb ? !ta : a < b
      }
      for learner in ordered.prefix(max(0, room(mentor))) {
        assign(learner, to: mentor, reason)
      }
    }
  }

  /// Places the learners not kept: as many as there is room for, by id, with
  /// as few mentors who teach their learner as can be and then caseloads as
  /// even as can be (see `MentorPlacement`). The learners with fewest mentors
  /// who do not teach them go in first, so that among placements that are
  /// equally good the constrained learners have the first choice.
  mutating func allocateTheRest() {
    let free = learners.filter { mentorOf[$0] == nil }
    let places = mentors.reduce(0) { $0 + max(0, room($1)) }
    let placed = Array(free.prefix(places))
    unallocated = Array(free.dropFirst(places))
    let options = Dictionary(
      uniqueKeysWithValues: placed.map { learner in
        (learner, mentors.filter { !teaches($0, learner) }.count)
      })
    let order = placed.sorted { a, b in
      options[a]! != options[b]! ? options[a]! < options[b]! : a < b
    }
    var placement = MentorPlacement(
      mentors: mentors, capacity: mentors.map { capacity[$0]! },
      load: mentors.map { load[$0] ?? 0 })
    for learner in order { placement.place(learner, teachers: teachers[learner] ?? []) }
    for (index, learner) in placement.learners.enumerated() {
      assign(learner, to: placement.mentors[placement.mentorOf[index]], .allocated)
    }
  }
}
