/// Makes the contacts of a new family: two parents at one address, a single
/// parent, parents in two households, grandparents, or carers for a learner
/// who is looked after. Each contact gets an address at a demo domain.
struct ContactMaker {
  private static let domains = ["example.com", "example.net", "example.org"]

  /// The contacts of a family called `familyName`.
  static func contacts(
    familyName: Int32, lookedAfter: Bool, using generator: inout SeededGenerator
  ) -> [DemoContact] {
    var drafts: [(Relationship, Int32, Bool)]
    if lookedAfter {
      drafts = carers(familyName: familyName, using: &generator)
    } else {
      drafts = family(familyName: familyName, using: &generator)
    }
    // A few families have asked not to receive reports by email at all.
    let noneReceive = generator.chance(0.01)

    var contacts: [DemoContact] = []
    for (relationship, family, receives) in drafts {
      let given = givenName(for: relationship, using: &generator)
      let taken = contacts.map(\.email)
      contacts.append(
        DemoContact(
          givenName: given, familyName: family,
          email: email(given: given, family: family, avoiding: taken, using: &generator),
          relationship: relationship, receivesReports: receives && !noneReceive))
    }
    return contacts
  }

  private static func family(
    familyName: Int32, using generator: inout SeededGenerator
  ) -> [(Relationship, Int32, Bool)] {
    let other = { (generator: inout SeededGenerator) -> Int32 in
      let families = NameBook.shared.families
      return families[generator.frontWeightedIndex(count: families.count)]
    }
    switch generator.weightedIndex([0.52, 0.30, 0.15, 0.03]) {
    case 0:
      let mother = generator.chance(0.8) ? familyName : other(&generator)
      if generator.chance(0.1) {
        return [(.mother, mother, true), (.stepfather, other(&generator), true)]
      }
      let first: Relationship = generator.chance(0.05) ? .parent : .mother
      return [(first, mother, true), (.father, familyName, true)]
    case 1:
      let surname = generator.chance(0.8) ? familyName : other(&generator)
      return [(generator.chance(0.85) ? .mother : .father, surname, true)]
    case 2:
      let mother = generator.chance(0.6) ? familyName : other(&generator)
      return [(.mother, mother, true), (.father, familyName, !generator.chance(0.15))]
    default:
      let grandmother = generator.chance(0.5) ? familyName : other(&generator)
      if generator.chance(0.5) { return [(.grandmother, grandmother, true)] }
      return [(.grandmother, grandmother, true), (.grandfather, grandmother, true)]
    }
  }

  private static func carers(
    familyName: Int32, using generator: inout SeededGenerator
  ) -> [(Relationship, Int32, Bool)] {
    let families = NameBook.shared.families
    var drafts: [(Relationship, Int32, Bool)]
    if generator.chance(0.3) {
      drafts = [(.kinshipCarer, familyName, true)]
    } else {
      drafts = [(.fosterCarer, families[generator.frontWeightedIndex(count: families.count)], true)]
    }
    if generator.chance(0.5) {
      let worker = families[generator.frontWeightedIndex(count: families.count)]
      drafts.append((.socialWorker, worker, false))
    }
    return drafts
  }

  private static func givenName(
    for relationship: Relationship, using generator: inout SeededGenerator
  ) -> Int32 {
    let names = NameBook.shared
    let list: [Int32]
    switch relationship {
    case .mother, .stepmother, .grandmother: list = names.women
    case .father, .stepfather, .grandfather: list = names.men
    case .parent: list = names.either
    case .fosterCarer, .kinshipCarer, .socialWorker:
      list = generator.chance(0.7) ? names.women : names.men
    }
    return list[generator.frontWeightedIndex(count: list.count)]
  }

  /// An address in one of the styles people use: `fiona.campbell@`,
  /// `fionacampbell84@`, `f.campbell@`, `campbell.fiona@`.
  private static func email(
    given: Int32, family: Int32, avoiding taken: [String],
    using generator: inout SeededGenerator
  ) -> String {
    let parts = NameBook.shared.parts
    let first = parts[Int(given)].plain
    let last = parts[Int(family)].plain
    var local: String
    switch generator.below(5) {
    case 0, 1: local = "\(first).\(last)"
    case 2: local = "\(first)\(last)\(generator.number(in: 60...99))"
    case 3: local = "\(first.prefix(1)).\(last)"
    default: local = "\(last).\(first)"
    }
    var address = "\(local)@\(generator.element(of: domains))"
    while taken.contains(address) {
      local += String(generator.below(10))
      address = "\(local)@\(generator.element(of: domains))"
    }
    return address
  }
}
