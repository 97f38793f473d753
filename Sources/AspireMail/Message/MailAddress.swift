/// One email address, checked, with an optional display name: `parent@example.org`,
/// or `Ann Smith <parent@example.org>`. It can hold one address and no more, and
/// nothing in it can break out of the header it is written into.
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
  /// The address itself, such as `parent@example.org`, as it goes to the server.
  public let address: String
  /// The name shown beside the address, with line breaks turned into spaces.
  public let name: String?

  /// Checks `address` and cleans `name`; throws when the address is not one
  /// plain address.
  public init(_ address: String, name: String? = nil) throws {
    try MailAddress.check(address)
    self.address = address
    let cleaned = name.map(HeaderText.clean)
    self.name = cleaned?.isEmpty == false ? cleaned : nil
  }

  /// Reads `Name <address>` or a bare address, as an administrator writes one
  /// in the environment.
  public init(parsing text: String) throws {
    let trimmed = text.trimmingSpaces()
    guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
      try self.init(trimmed)
      return
    }
    let close = trimmed.index(before: trimmed.endIndex)
    let inner = String(trimmed[trimmed.index(after: open)..<close])
    var name = String(trimmed[..<open]).trimmingSpaces()
    if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
      name = String(name.dropFirst().dropLast())
    } else if name.contains(where: { "<>,;@\"".contains($0) }) {
      // Unquoted, these mean a second address, or a name pretending to be one.
      throw MailAddressError.notOneAddress(text)
    }
    try self.init(inner, name: name)
  }

  /// The domain after the `@`.
  public var domain: String {
    String(address[address.index(after: address.lastIndex(of: "@")!)...])
  }

  /// The address as it is written for people: `Name <address>` or the bare address.
  public var description: String {
    name.map { "\($0) <\(address)>" } ?? address
  }

  /// Throws unless `address` is one address: one `@`, a dot-atom local part
  /// and a domain of letters, digits and hyphens in dotted labels.
  static func check(_ address: String) throws {
    if let bad = address.unicodeScalars.first(where: MailAddress.isForbidden) {
      throw MailAddressError.forbiddenCharacter(address: address, character: bad)
    }
    guard address.unicodeScalars.allSatisfy(\.isASCII) else {
      throw MailAddressError.notASCII(address)
    }
    let parts = address.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2 else { throw MailAddressError.notOneAt(address) }
    guard address.utf8.count <= 254 else { throw MailAddressError.tooLong(address) }
    guard isLocalPart(parts[0]) else { throw MailAddressError.badLocalPart(address) }
    guard isDomain(parts[1]) else { throw MailAddressError.badDomain(address) }
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
    return runs.allSatisfy { run in
      !run.isEmpty && run.unicodeScalars.allSatisfy(HeaderText.isAtext)
    }
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
      return scalars.allSatisfy { $0 == "-" || isLetter($0) || isDigit($0) }
    }
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar)
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
  }
}

/// Why a text is not one usable email address.
public enum MailAddressError: Error, Equatable, CustomStringConvertible {
  case forbiddenCharacter(address: String, character: Unicode.Scalar)
  case notOneAddress(String)
  case notASCII(String)
  case notOneAt(String)
  case tooLong(String)
  case badLocalPart(String)
  case badDomain(String)

  public var description: String {
    switch self {
    case .forbiddenCharacter(let address, let character):
      let shown = character.escaped(asASCII: true)
      return "address \"\(address.debugEscaped)\" contains \"\(shown)\"; expected one plain address"
    case .notOneAddress(let text):
      return "\"\(text.debugEscaped)\" is not one address; write Name <address>, quoting a name "
        + "with commas"
    case .notASCII(let address):
      return "address \"\(address)\" has characters outside ASCII"
    case .notOneAt(let address):
      return "address \"\(address)\" must have exactly one @"
    case .tooLong(let address):
      return "address \"\(address)\" is longer than 254 characters"
    case .badLocalPart(let address):
      return "address \"\(address)\" has a bad part before the @"
    case .badDomain(let address):
      return "address \"\(address)\" has a bad domain"
    }
  }
}

extension String {
  /// The text without spaces and tabs at either end.
  func trimmingSpaces() -> String {
    let scalars = unicodeScalars
    guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
      let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" })
    else { return "" }
    return String(scalars[first...last])
  }

  /// The text with line breaks and other control characters shown as escapes,
  /// so that an error message stays on one line.
  var debugEscaped: String {
    unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F
      ? $0.escaped(asASCII: true) : String($0) }.joined()
  }
}
