import AspireStore

/// The school's staff as the statements about mentoring and flags need
/// them: roles, faculty and mentor capacity, by id.
struct StaffRoster {
  struct Member {
    let id: String
    let name: String
    let roles: Set<String>
    let faculty: String?
    let mentorCapacity: Int
  }

  /// Every member of staff, by id order.
  let members: [Member]
  let byID: [String: Member]

  init(store: Store) throws {
    members = try store.database.query(
      "SELECT id, name, roles, faculty, mentor_capacity FROM staff ORDER BY id"
    ).map { row in
      Member(
        id: row[0].text ?? "", name: row[1].text ?? "",
        roles: Set((row[2].text ?? "").split(separator: ";").map(String.init)),
        faculty: row[3].text, mentorCapacity: Int(row[4].integer ?? 6))
    }
    byID = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
  }

  /// The members who hold `role`, by id.
  func holding(_ role: String) -> [Member] {
    members.filter { $0.roles.contains(role) }
  }
}
