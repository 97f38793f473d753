import AspireModel

/// Readers for the values a data file may hold: each returns nil when the text
/// is not such a value.
public enum FieldParsers {
  /// The roles a member of staff may hold.
  static let roles = ["teacher", "mentor", "faculty_head", "pupil_support", "senior_leader"]

  /// `true`/`false`, `yes`/`no`, `y`/`n` or `1`/`0`, any case.
  static func boolean(_ text: String) -> Bool? {
    switch text.lowercased() {
    case "true", "yes", "y", "1": return true
    case "false", "no", "n", "0": return false
    default: return nil
    }
  }

  /// A whole number written in digits (an optional minus sign) within `range`.
  static func wholeNumber(_ text: String, in range: ClosedRange<Int>) -> Int? {
    guard let number = Int(text), range.contains(number) else { return nil }
    return number
  }

  /// A decimal number within `range`.
  static func number(_ text: String, in range: ClosedRange<Double>) -> Double? {
    // Decimal digits, a sign, a point and an exponent only: Swift's own
    // reading would also take hexadecimal ("0x64") and words ("nan").
    guard text.utf8.allSatisfy({ "0123456789+-.eE".utf8.contains($0) }),
      let number = Double(text), number.isFinite, range.contains(number)
    else { return nil }
    return number
  }

  /// The years results can carry: four digits, from 1950 to 2100.
  static let years = 1950...2100

  /// A year written with four digits, within `years`.
  static func year(_ text: String) -> Int? {
    guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
      let year = Int(text), years.contains(year)
    else { return nil }
    return year
  }

  /// One plain email address, as a message can be addressed to it.
  static func email(_ text: String) -> String? {
    EmailAddressSyntax.problem(in: text) == nil ? text : nil
  }

  /// A `;`-separated list of roles, returned in the store's form: lowercase,
  /// trimmed, joined by `;`.
  static func roleList(_ text: String) -> String? {
    let names = text.split(separator: ";", omittingEmptySubsequences: false)
      .map { String($0).trimmingSpaces().lowercased() }
    guard names.allSatisfy({ roles.contains($0) }) else { return nil }
    return names.joined(separator: ";")
  }

  /// How a scale's grades are listed in messages: `A, B, C, D or No Award`.
  public static func expectedGrades(on scale: GradeScale) -> String {
    // Curriculum levels read naturally from Early up; exam grades from A down.
    let names = scale == .curriculum ? scale.grades : scale.grades.reversed()
    return names.dropLast().joined(separator: ", ") + " or " + names.last!
  }
}
