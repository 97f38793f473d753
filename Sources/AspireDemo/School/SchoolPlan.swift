import AspireModel

/// What one generated school is to look like before any learner is made: its
/// size in each stage this session, its id prefix and where its staff get email.
struct SchoolPlan: Sendable {
  /// Prepended to every staff id, learner id, class and registration class
  /// (`S007-`), empty for the single demo school.
  let idPrefix: String
  /// The domain of staff email addresses.
  let emailDomain: String
  /// Learners on the roll in the current session, S1 first.
  let stageSizes: [Int]
  /// The youngest stage written to files: S1 for the demo school, S4 for a
  /// national senior phase.
  let firstStage: Stage
  /// The seed of everything about this school.
  let seed: UInt64
  /// The SIMD decile the school's catchment centres on (1 most deprived).
  let catchmentDecile: Double
  /// Names some learners must carry (the demo school's awkward cases).
  let showcaseNames: [ShowcaseName]
  /// The first SCN serial of the school's learners, so that SCNs stay unique.
  let firstCandidateSerial: Int

  /// Learners on the roll in S4 to S6 this session.
  var seniorSize: Int { stageSizes[3...].reduce(0, +) }

  /// The whole roll the school's staffing is sized for; a national plan only
  /// writes its senior phase, but its staff teach S1 to S3 as well.
  var equivalentRoll: Int {
    firstStage == .s1 ? stageSizes.reduce(0, +) : seniorSize * 900 / 410
  }

  /// The demo school: about 900 learners, a little over 150 in each of S1 to S4,
  /// fewer in S5 and S6 as learners leave at 16 and 17.
  static func demo(seed: UInt64) -> SchoolPlan {
    var generator = SeededGenerator(seed: seed, part: 0)
    let sizes = [
      generator.number(in: 152...170), generator.number(in: 152...170),
      generator.number(in: 152...170), generator.number(in: 150...166),
      generator.number(in: 128...144), generator.number(in: 100...114),
    ]
    return SchoolPlan(
      idPrefix: "", emailDomain: "school.example.org", stageSizes: sizes,
      firstStage: .s1, seed: SeededGenerator.mix(seed ^ 0xD3E0), catchmentDecile: 4.6,
      showcaseNames: ShowcaseName.demo, firstCandidateSerial: 0)
  }

  /// A national senior phase of `learners` learners in S4 to S6, split into
  /// schools of 200 to 650 senior learners each.
  static func national(learners: Int, seed: UInt64) -> [SchoolPlan] {
    var generator = SeededGenerator(seed: seed, part: 1)
    var seniorSizes: [Int] = []
    var remaining = learners
    while remaining > 0 {
      var size = generator.number(in: 200...650)
      if remaining - size < 200 { size = remaining }
      seniorSizes.append(size)
      remaining -= size
    }

    let width = max(3, String(seniorSizes.count).count)
    var plans: [SchoolPlan] = []
    var serial = 0
    for (index, senior) in seniorSizes.enumerated() {
      let digits = String(index + 1)
      let number = String(repeating: "0", count: width - digits.count) + digits
      let fourth = Int((Double(senior) * 0.40).rounded())
      let fifth = min(senior - fourth, Int((Double(senior) * 0.34).rounded()))
      plans.append(
        SchoolPlan(
          idPrefix: "S\(number)-", emailDomain: "s\(number).school.example.org",
          stageSizes: [0, 0, 0, fourth, fifth, senior - fourth - fifth], firstStage: .s4,
          seed: SeededGenerator.mix(seed ^ SeededGenerator.mix(UInt64(index) + 1)),
          catchmentDecile: 1 + generator.unit() * 9, showcaseNames: [],
          firstCandidateSerial: serial))
      // Room for last year's leavers as well as this year's roll.
      serial += senior * 2
    }
    return plans
  }
}
