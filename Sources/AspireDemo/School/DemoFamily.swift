/// How a contact is related to the learner, as the contacts file writes it.
enum Relationship: UInt8, CaseIterable, Sendable {
  case mother, father, parent, stepmother, stepfather, grandmother, grandfather
  case fosterCarer, kinshipCarer, socialWorker

  /// The relationship in words.
  var name: String {
    switch self {
    case .mother: return "Mother"
    case .father: return "Father"
    case .parent: return "Parent"
    case .stepmother: return "Stepmother"
    case .stepfather: return "Stepfather"
    case .grandmother: return "Grandmother"
    case .grandfather: return "Grandfather"
    case .fosterCarer: return "Foster carer"
    case .kinshipCarer: return "Kinship carer"
    case .socialWorker: return "Social worker"
    }
  }
}

/// A parent, carer or other adult who may receive a learner's Live Reports.
struct DemoContact: Sendable {
  let givenName: Int32
  let familyName: Int32
  let email: String
  let relationship: Relationship
  let receivesReports: Bool
}

/// A family: one or two households with their contacts, shared by brothers and
/// sisters at the same school, who also share an address and so a SIMD decile.
struct DemoFamily: Sendable {
  /// The family name the children carry.
  let familyName: Int32
  let simdDecile: Int
  /// The family's contacts, as indices into the school's contact list.
  let contacts: Range<Int>
  /// Whether the contacts are carers of a learner who is looked after.
  let caring: Bool
  /// The start year of the youngest child's S1 so far, to keep siblings in
  /// different year groups.
  var youngestEntryYear: Int
}
