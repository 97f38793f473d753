/// What makes a text one plain email address, checked the same way where a
/// contact's or a member of staff's address is imported and where a message
/// is addressed: one `@`, a dot-atom before it and a dotted domain of
/// letters, digits and hyphens after it, in ASCII, with nothing that could
/// end a header, start another address or hide one.
public enum EmailAddressSyntax {
  /// Why `address` is not one plain address.
  public enum Problem: Equatable, Sendable {
    case forbiddenCharacter(Unicode.Scalar)
    case notASCII
    case notOneAt
    case tooLong
    case badLocalPart
    case badDomain
  }

  /// What is wrong with `address`, or nil when it is one plain address.
  public static func problem(in address: String) -> Problem? {
    if let bad = address.unicodeScalars.first(where: isForbidden) {
      return .forbiddenCharacter(bad)
    }
    guard address.unicodeScalars.allSatisfy(\.isASCII) else { return .notASCII }
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2 else { return .notOneAt }
    guard address.utf8.count <= 254 else { return .tooLong }
    guard isLocalPart(parts[0]) else { return .badLocalPart }
    guard isDomain(parts[1]) else { return .badDomain }
    return nil
  }

  /// Letters, digits and the symbols RFC 5322 allows in an atom.
  public static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9": return true
    default: return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
  }

  /// Characters that could end a header, start another address or hide one.
  private static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "\r", "\n", ",", ";", "<", ">", " ", "\t": return true
    default: return scalar.value < 0x20 || scalar.value == 0x7F
    }
  }

  /// A dot-atom: atext characters in runs separated by single dots.
  private static func isLocalPart(_ text: Substring) -> Bool {
    guard !text.isEmpty, text.utf8.count <= 64 else { return false }
    let runs = text.split(separator: ".", omittingEmptySubsequences: false)
    return runs.allSatisfy { run in !run.isEmpty && run.unicodeScalars.allSatisfy(isAtext) }
  }

  /// Two or more labels of letters, digits and inner hyphens, each 1 to 63 long.
  private static func isDomain(_ text: Substring) -> Bool {
    let labels = text.split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2, text.utf8.count <= 253 else { return false }
    return labels.allSatisfy { label in
      let scalars = label.unicodeScalars
      guard (1...63).contains(scalars.count), scalars.first != "-", scalars.last != "-" else {
        return false
      }
      return scalars.allSatisfy { scalar in
        scalar == "-" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
          || ("0"..."9").contains(scalar)
      }
    }
  }
}
