import AspireModel
import Testing

/// Mentor allocation: capacity first, then continuity, then not a mentor who
/// teaches the learner, then even caseloads, then ids.
@Suite struct MentorAllocationTests {
  static func mentors(_ ids: [String], capacity: Int = 6) -> [MentorAllocation.Mentor] {
    ids.map { MentorAllocation.Mentor(id: $0, capacity: capacity) }
  }

  static func learners(_ count: Int) -> [String] {
    (1...count).map { $0 < 10 ? "L0\($0)" : "L\($0)" }
  }

  @Test func everyoneGetsAMentorAndNoMentorGoesOverCapacity() {
    let allocation = MentorAllocation(
      learners: Self.learners(20), mentors: Self.mentors(["T1", "T2", "T3", "T4"]), current: [:],
      previous: [:], teachers: [:])
    #expect(allocation.mentorOf.count == 20)
    #expect(allocation.unallocated.isEmpty)
    #expect(allocation.caseloads().values.sorted() == [5, 5, 5, 5])
  }

  @Test func withTooFewPlacesItFillsThemAndListsTheRestWithTheMentorsNeeded() {
    let allocation = MentorAllocation(
      learners: Self.learners(20), mentors: Self.mentors(["T1", "T2"]), current: [:],
      previous: [:], teachers: [:])
    #expect(allocation.mentorOf.count == 12)
    #expect(allocation.caseloads().values.allSatisfy { $0 <= 6 })
    #expect(allocation.unallocated == Array(Self.learners(20).suffix(8)))
    #expect(allocation.mentorsNeeded == 2)
  }

  @Test func keepsLastSessionsMentorEvenWhenTheyNowTeachTheLearner() {
    // Continuity comes before avoiding a teacher: T1 teaches L01 this year
    // but mentored them last year, and T2 has room.
    let allocation = MentorAllocation(
      learners: ["L01"], mentors: Self.mentors(["T1", "T2"]), current: [:],
      previous: ["L01": "T1"], teachers: ["L01": ["T1"]])
    #expect(allocation.mentorOf["L01"] == "T1")
    #expect(allocation.reasonOf["L01"] == .continued)
    #expect(allocation.keptDespiteTeaching == ["L01"])
  }

  @Test func keepsLastSessionsMentorRatherThanEvenCaseloads() {
    // T1 mentored six learners last year; T2 none. Continuity beats evenness.
    let learners = Self.learners(6)
    let previous = Dictionary(uniqueKeysWithValues: learners.map { ($0, "T1") })
    let allocation = MentorAllocation(
      learners: learners, mentors: Self.mentors(["T1", "T2"]), current: [:],
      previous: previous, teachers: [:])
    #expect(allocation.caseloads() == ["T1": 6])
  }

  @Test func continuityStopsAtCapacity() {
    let learners = Self.learners(8)
    let previous = Dictionary(uniqueKeysWithValues: learners.map { ($0, "T1") })
    let allocation = MentorAllocation(
      learners: learners, mentors: Self.mentors(["T1", "T2"]), current: [:],
      previous: previous, teachers: [:])
    #expect(allocation.caseloads() == ["T1": 6, "T2": 2])
    #expect(allocation.mentorOf["L07"] == "T2" && allocation.mentorOf["L08"] == "T2")
  }

  @Test func avoidsAMentorWhoTeachesTheLearnerRatherThanEvenCaseloads() {
    // T1 teaches everyone but L01; only T2 is free of them, so T2 takes
    // both even though T1 then has none.
    let allocation = MentorAllocation(
      learners: ["L01", "L02"], mentors: Self.mentors(["T1", "T2"]), current: [:],
      previous: [:], teachers: ["L01": ["T1"], "L02": ["T1"]])
    #expect(allocation.mentorOf == ["L01": "T2", "L02": "T2"])
    #expect(allocation.teachingConflicts.isEmpty)
  }

  @Test func theMostConstrainedLearnerChoosesFirst() {
    // L01 could take either mentor; L02 only T1. With one place each, L02
    // must get T1, although L01 comes first by id.
    let allocation = MentorAllocation(
      learners: ["L01", "L02"], mentors: Self.mentors(["T1", "T2"], capacity: 1), current: [:],
      previous: [:], teachers: ["L02": ["T2"]])
    #expect(allocation.mentorOf == ["L01": "T2", "L02": "T1"])
  }

  @Test func reportsAConflictItCannotAvoid() {
    let allocation = MentorAllocation(
      learners: ["L01"], mentors: Self.mentors(["T1"]), current: [:], previous: [:],
      teachers: ["L01": ["T1"]])
    #expect(allocation.mentorOf == ["L01": "T1"])
    #expect(allocation.teachingConflicts == ["L01"])
    #expect(allocation.keptDespiteTeaching.isEmpty)
  }

  @Test func tiesGoByIdsSoTheResultIsTheSameEveryTime() {
    let first = MentorAllocation(
      learners: Self.learners(7).reversed(), mentors: Self.mentors(["T2", "T1"]), current: [:],
      previous: [:], teachers: [:])
    let second = MentorAllocation(
      learners: Self.learners(7), mentors: Self.mentors(["T1", "T2"]), current: [:],
      previous: [:], teachers: [:])
    #expect(first.mentorOf == second.mentorOf)
    #expect(first.mentorOf["L01"] == "T1" && first.mentorOf["L02"] == "T2")
  }

  @Test func aMentorWithNoCapacityTakesNoOne() {
    let allocation = MentorAllocation(
      learners: ["L01"], mentors: [.init(id: "T1", capacity: 0), .init(id: "T2", capacity: 6)],
      current: ["L01": "T1"], previous: [:], teachers: [:])
    #expect(allocation.mentorOf == ["L01": "T2"])
  }

  @Test func learnersOutsideTheCohortWhoHaveAMentorFillTheirPlaces() {
    // T1 and T2 take two each; the S6 cohort before has three of the four
    // places, so the S5 cohort gets one and the rest are left without.
    let allocation = MentorAllocation(
      learners: ["L02", "L06", "L07"], mentors: Self.mentors(["T1", "T2"], capacity: 2),
      current: ["L03": "T1", "L04": "T2", "L05": "T1"], previous: [:], teachers: [:])
    #expect(allocation.mentorOf == ["L02": "T2"])
    #expect(allocation.unallocated == ["L06", "L07"])
    #expect(allocation.caseloads() == ["T1": 2, "T2": 2])
  }

  @Test func evenCaseloadsCountLearnersOutsideTheCohort() {
    let allocation = MentorAllocation(
      learners: ["L01", "L02"], mentors: Self.mentors(["T1", "T2"]),
      current: ["L10": "T1", "L11": "T1"], previous: [:], teachers: [:])
    #expect(allocation.mentorOf == ["L01": "T2", "L02": "T2"])
  }

  @Test func leavesAsFewLearnersAsCanBeWithAMentorWhoTeachesThem() {
    // T002 teaches Maths, T003 English, T004 nothing. L001 to L003 take both
    // subjects, L004 Maths only, L005 and L006 English only. Only T004 is
    // clear of L001 to L003 and has two places, so one of them must have a
    // mentor who teaches them; everyone else can be clear.
    let both: Set<String> = ["T002", "T003"]
    let allocation = MentorAllocation(
      learners: ["L001", "L002", "L003", "L004", "L005", "L006"],
      mentors: Self.mentors(["T002", "T003", "T004"], capacity: 2), current: [:],
      previous: [:],
      teachers: [
        "L001": both, "L002": both, "L003": both, "L004": ["T002"], "L005": ["T003"],
        "L006": ["T003"],
      ])
    #expect(allocation.teachingConflicts.count == 1)
    #expect(
      allocation.mentorOf == [
        "L001": "T004", "L002": "T004", "L005": "T002", "L006": "T002", "L004": "T003",
        "L003": "T003",
      ])
    #expect(allocation.caseloads() == ["T002": 2, "T003": 2, "T004": 2])
  }

  @Test func findsTheFewestConflictsAndThenTheMostEvenCaseloadsOfAnyAllocation() {
    // Small random schools against every possible allocation.
    var random = SplitMix(seed: 2026)
    for _ in 0..<300 {
      let learners = Self.learners(Int(random.next() % 6) + 2)
      let mentors = (1...Int(random.next() % 3) + 2).map {
        MentorAllocation.Mentor(id: "T\($0)", capacity: Int(random.next() % 3) + 1)
      }
      var teachers: [String: Set<String>] = [:]
      for learner in learners {
        teachers[learner] = Set(mentors.map(\.id).filter { _ in random.next() % 2 == 0 })
      }
      let allocation = MentorAllocation(
        learners: learners, mentors: mentors, current: [:], previous: [:], teachers: teachers)

      let places = mentors.reduce(0) { $0 + $1.capacity }
      let placed = Array(learners.prefix(places))
      #expect(allocation.unallocated == Array(learners.dropFirst(places)))
      let capacity = Dictionary(uniqueKeysWithValues: mentors.map { ($0.id, $0.capacity) })
      #expect(allocation.caseloads().allSatisfy { $0.value <= capacity[$0.key]! })
      let best = Self.bestCost(placed, mentors, teachers)
      let found = Self.cost(allocation.mentorOf, mentors, teachers)
      #expect(found == best, "\(learners) \(mentors) \(teachers)")
    }
  }

  @Test func allocatesASchoolOfFiveHundredAmongAHundredMentorsQuickly() {
    var random = SplitMix(seed: 7)
    let learners = (1...500).map { "L\(1000 + $0)" }
    let mentors = (1...100).map { MentorAllocation.Mentor(id: "T\(100 + $0)", capacity: 6) }
    var teachers: [String: Set<String>] = [:]
    for learner in learners {
      // Six teachers each, most of them mentors too.
      teachers[learner] = Set((0..<6).map { _ in "T\(100 + Int(random.next() % 120) + 1)" })
    }
    let started = ContinuousClock.now

    let allocation = MentorAllocation(
      learners: learners, mentors: mentors, current: [:], previous: [:], teachers: teachers)

    #expect(ContinuousClock.now - started < .seconds(10))
    #expect(allocation.mentorOf.count == 500)
    #expect(allocation.teachingConflicts.isEmpty)
    #expect(allocation.caseloads().values.allSatisfy { $0 == 5 })
  }

  /// Learners with a mentor who teaches them, then the sum of squared caseloads.
  static func cost(
    _ mentorOf: [String: String], _ mentors: [MentorAllocation.Mentor],
    _ teachers: [String: Set<String>]
  ) -> [Int] {
    let conflicts = mentorOf.filter { teachers[$0.key]?.contains($0.value) ?? false }.count
    var loads: [String: Int] = [:]
    for mentor in mentorOf.values { loads[mentor, default: 0] += 1 }
    return [conflicts, loads.values.reduce(0) { $0 + $1 * $1 }]
  }

  /// The least cost of any allocation of `learners` within the capacities.
  static func bestCost(
    _ learners: [String], _ mentors: [MentorAllocation.Mentor], _ teachers: [String: Set<String>]
  ) -> [Int] {
    var best: [Int]?
    var choice: [String: String] = [:]
    var loads: [String: Int] = [:]
    func search(_ index: Int) {
      guard index < learners.count else {
        let found = cost(choice, mentors, teachers)
        if best == nil || found.lexicographicallyPrecedes(best!) { best = found }
        return
      }
      for mentor in mentors where loads[mentor.id, default: 0] < mentor.capacity {
        choice[learners[index]] = mentor.id
        loads[mentor.id, default: 0] += 1
        search(index + 1)
        loads[mentor.id, default: 0] -= 1
      }
    }
    search(0)
    return best ?? []
  }
}

/// A small seeded generator, so a random test gives the same cases every run.
struct SplitMix {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var value = state
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }
}
