import AspireModel

/// The learners of one school over both sessions, with their families and
/// contacts: this session's roll by stage, last year's leavers, a few who
/// arrived this year, and brothers and sisters who share a family.
///
/// Learners are numbered by the year they started S1, oldest first, as a
/// school's management system numbers them on arrival.
struct LearnerRoll: Sendable {
  private(set) var learners: [DemoLearner] = []
  private(set) var families: [DemoFamily] = []
  private(set) var contacts: [DemoContact] = []

  /// The roll for `plan`, with pupil support from `staff`.
  init(plan: SchoolPlan, staff: StaffRoom, using generator: inout SeededGenerator) {
    let current = DemoCalendar.current.startYear
    for entryYear in (current - 6)...current {
      let (staying, leaving) = LearnerRoll.cohortSize(
        entryYear: entryYear, plan: plan, using: &generator)
      guard staying + leaving > 0 else { continue }
      let groups = max(1, (staying + staff.houses * 28 - 1) / (staff.houses * 28))
      let earlierFamilies = families.count
      let cohort = learners.count..<(learners.count + staying + leaving)
      for _ in cohort {
        addLearner(
          entryYear: entryYear, groups: groups, earlierFamilies: earlierFamilies, plan: plan,
          staff: staff, using: &generator)
      }
      markLeavers(leaving, of: cohort, using: &generator)
      let stageBefore = current - entryYear
      if stageBefore >= plan.firstStage.rawValue {
        markArrivals(of: cohort, using: &generator)
      }
    }
  }

  /// How many of the cohort that started S1 in `entryYear` are on this
  /// session's roll, and how many left after last session.
  private static func cohortSize(
    entryYear: Int, plan: SchoolPlan, using generator: inout SeededGenerator
  ) -> (staying: Int, leaving: Int) {
    let stageNow = DemoCalendar.current.startYear - entryYear + 1
    let staying = (1...6).contains(stageNow) ? plan.stageSizes[stageNow - 1] : 0
    switch stageNow - 1 {
    case 6: return (0, Int(Double(plan.stageSizes[5]) * (0.95 + 0.13 * generator.unit())))
    case 5: return (staying, Int((Double(plan.stageSizes[5]) * 0.35).rounded()))
    case 4: return (staying, Int((Double(plan.stageSizes[4]) * 0.2).rounded()))
    default: return (staying, 0)
    }
  }

  /// Those who leave at 16 or 17 are more often those for whom school has gone
  /// less well: leavers are drawn from the lower end of MidYIS, with noise.
  private mutating func markLeavers(
    _ count: Int, of cohort: Range<Int>, using generator: inout SeededGenerator
  ) {
    guard count > 0 else { return }
    let lastYear = DemoCalendar.previous.startYear
    let keyed = cohort.map { index in
      (Double(learners[index].midyis) + generator.normal(deviation: 15), index)
    }
    for (_, index) in keyed.sorted(by: <).prefix(count) {
      learners[index].lastYear = lastYear
    }
  }

  /// A few learners move in from another school each year.
  private mutating func markArrivals(
    of cohort: Range<Int>, using generator: inout SeededGenerator
  ) {
    let current = DemoCalendar.current.startYear
    for index in cohort where learners[index].lastYear == current && generator.chance(0.015) {
      learners[index].firstYear = current
    }
  }

  private mutating func addLearner(
    entryYear: Int, groups: Int, earlierFamilies: Int, plan: SchoolPlan, staff: StaffRoom,
    using generator: inout SeededGenerator
  ) {
    let current = DemoCalendar.current.startYear
    var lookedAfter = false
    var family = -1
    // About one learner in eight has an older brother or sister in the school.
    if earlierFamilies > 0 && generator.chance(0.12) {
      let candidate = generator.below(earlierFamilies)
      if families[candidate].youngestEntryYear < entryYear && !families[candidate].caring {
        family = candidate
        families[family].youngestEntryYear = entryYear
      }
    }
    if family < 0 {
      let decile = LearnerRoll.decile(around: plan.catchmentDecile, using: &generator)
      lookedAfter = generator.chance(decile <= 3 ? 0.04 : 0.01)
      family = addFamily(
        decile: decile, entryYear: entryYear, lookedAfter: lookedAfter, using: &generator)
    }

    let decile = families[family].simdDecile
    let gender = LearnerRoll.gender(using: &generator)
    let midyis = LearnerRoll.midyis(decile: decile, using: &generator)
    let supportChance = min(0.8, max(0.05, 0.25 + Double(100 - midyis) * 0.008))
    let house = generator.below(staff.houses)
    learners.append(
      DemoLearner(
        number: learners.count + 1, givenName: LearnerRoll.givenName(gender, using: &generator),
        familyName: families[family].familyName, gender: gender, simdDecile: decile,
        midyis: midyis, additionalSupportNeeds: generator.chance(supportChance),
        freeSchoolMeals: generator.chance(max(0.02, 0.26 - 0.025 * Double(decile - 1))),
        lookedAfter: lookedAfter, family: family, house: house,
        registrationGroup: generator.below(groups),
        pupilSupport: staff.pupilSupport(house: house, entryYear: entryYear),
        scottishCandidateNumber: LearnerRoll.candidateNumber(
          serial: plan.firstCandidateSerial + learners.count, seed: plan.seed),
        entryYear: entryYear, firstYear: max(current - 1, entryYear), lastYear: current,
        strengthSeed: generator.next(), generalStrength: generator.normal(deviation: 0.5)))
  }

  private mutating func addFamily(
    decile: Int, entryYear: Int, lookedAfter: Bool, using generator: inout SeededGenerator
  ) -> Int {
    let names = NameBook.shared.families
    let familyName = names[generator.frontWeightedIndex(count: names.count)]
    let made = ContactMaker.contacts(
      familyName: familyName, lookedAfter: lookedAfter, using: &generator)
    let range = contacts.count..<(contacts.count + made.count)
    contacts.append(contentsOf: made)
    families.append(
      DemoFamily(
        familyName: familyName, simdDecile: decile, contacts: range, caring: lookedAfter,
        youngestEntryYear: entryYear))
    return families.count - 1
  }

  /// Gives the named learners of `showcase` to learners of the right stage and
  /// gender, so that the demo always holds the awkward cases an importer and a
  /// mail merge must get right: apostrophes, hyphens, accents, namesakes.
  mutating func name(_ showcase: [ShowcaseName], using generator: inout SeededGenerator) {
    let book = NameBook.shared
    var taken = Set<Int>()
    for name in showcase {
      let candidates = learners.indices.filter { index in
        !taken.contains(index) && learners[index].gender == name.gender
          && learners[index].stage(inYear: DemoCalendar.current.startYear) == name.stage
      }
      guard !candidates.isEmpty else { continue }
      let chosen = generator.element(of: candidates)
      taken.insert(chosen)
      learners[chosen].givenName = book.index(of: name.given)
      learners[chosen].familyName = book.index(of: name.family)
    }
  }

  private static func decile(around centre: Double, using generator: inout SeededGenerator)
    -> Int
  {
    min(10, max(1, Int(generator.normal(mean: centre, deviation: 2.8).rounded())))
  }

  private static func gender(using generator: inout SeededGenerator) -> Gender {
    let draw = generator.unit()
    return draw < 0.015 ? .other : draw < 0.505 ? .female : .male
  }

  private static func givenName(_ gender: Gender, using generator: inout SeededGenerator)
    -> Int32
  {
    let book = NameBook.shared
    let list: [Int32]
    switch gender {
    case .female: list = book.girls
    case .male: list = book.boys
    case .other: list = book.either
    }
    return list[generator.frontWeightedIndex(count: list.count)]
  }

  /// MidYIS is standardised (mean 100, deviation 15) and leans a little with
  /// deprivation, as it does nationally.
  private static func midyis(decile: Int, using generator: inout SeededGenerator) -> Int {
    let mean = 100 + (Double(decile) - 5.5) * 1.6
    return min(160, max(40, Int(generator.normal(mean: mean, deviation: 14.5).rounded())))
  }

  /// A nine-digit Scottish Candidate Number: the serial passed through a keyed
  /// permutation of the 900 million nine-digit numbers, so no two collide and
  /// neighbours in the roll get unrelated numbers.
  private static func candidateNumber(serial: Int, seed: UInt64) -> Int {
    let span: UInt64 = 900_000_000
    let mask: UInt64 = (1 << 30) - 1
    let key = SeededGenerator.mix(seed ^ 0x5C17) & mask
    var value = UInt64(serial) % span
    // Each step is a bijection on 30 bits; walking the cycle until the value
    // falls below the span keeps it a bijection on the span.
    repeat {
      value = (value &+ key) & mask
      value ^= value >> 15
      value = (value &* 0x2C1B_3C6D) & mask
      value ^= value >> 12
      value = (value &* 0x297A_2D39) & mask
      value ^= value >> 15
    } while value >= span
    return 100_000_000 + Int(value)
  }
}

/// A learner name the demo school always contains, in a given stage.
struct ShowcaseName: Sendable {
  let given: String
  let family: String
  let gender: Gender
  let stage: Stage

  /// Apostrophes, hyphens, accents and spaces, and three pairs of namesakes:
  /// two in one stage, two in different stages.
  static let demo: [ShowcaseName] = [
    ShowcaseName(given: "Zoë", family: "O'Neill", gender: .female, stage: .s4),
    ShowcaseName(given: "Euan", family: "MacDonald-Smith", gender: .male, stage: .s4),
    ShowcaseName(given: "Róisín", family: "D'Arcy", gender: .female, stage: .s5),
    ShowcaseName(given: "Seán", family: "Ó Briain", gender: .male, stage: .s3),
    ShowcaseName(given: "Chloë", family: "Wiśniewska", gender: .female, stage: .s6),
    ShowcaseName(given: "Jordan", family: "Mac an t-Saoir", gender: .other, stage: .s2),
    ShowcaseName(given: "Emma", family: "Wilson", gender: .female, stage: .s4),
    ShowcaseName(given: "Emma", family: "Wilson", gender: .female, stage: .s4),
    ShowcaseName(given: "Jack", family: "Smith", gender: .male, stage: .s2),
    ShowcaseName(given: "Jack", family: "Smith", gender: .male, stage: .s5),
    ShowcaseName(given: "Olivia", family: "Brown", gender: .female, stage: .s5),
    ShowcaseName(given: "Olivia", family: "Brown", gender: .female, stage: .s6),
  ]
}
