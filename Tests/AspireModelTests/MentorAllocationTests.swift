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
}
