/// The roles a member of staff holds, written `;`-separated in the staff file.
struct StaffRoles: OptionSet, Sendable {
  let rawValue: UInt8

  static let teacher = StaffRoles(rawValue: 1 << 0)
  static let seniorLeader = StaffRoles(rawValue: 1 << 1)
  static let facultyHead = StaffRoles(rawValue: 1 << 2)
  static let pupilSupport = StaffRoles(rawValue: 1 << 3)
  static let mentor = StaffRoles(rawValue: 1 << 4)

  /// The roles as the staff file writes them: `teacher;faculty_head;mentor`.
  var names: String {
    let spelled: [(StaffRoles, String)] = [
      (.teacher, "teacher"), (.seniorLeader, "senior_leader"),
      (.facultyHead, "faculty_head"), (.pupilSupport, "pupil_support"), (.mentor, "mentor"),
    ]
    return spelled.filter { contains($0.0) }.map(\.1).joined(separator: ";")
  }
}

/// One member of staff: a teacher, a leader or a member of support staff who
/// volunteers as a mentor.
struct DemoStaffMember: Sendable {
  let givenName: Int32
  let familyName: Int32
  let email: String
  let roles: StaffRoles
  let faculty: Faculty?
  /// The subject whose classes the member teaches, if any.
  let mainSubject: Int?

  /// How many learners the member mentors: a caseload of six for every mentor.
  var mentorCapacity: Int? { roles.contains(.mentor) ? 6 : nil }
}
