import AspireModel

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

  /// Throws unless `address` is one address, as `EmailAddressSyntax` says:
  /// the same check an import makes of a contact's address.
  static func check(_ address: String) throws {
    switch EmailAddressSyntax.problem(in: address) {
    case nil: return
    case .forbiddenCharacter(let bad):
      throw MailAddressError.forbiddenCharacter(address: address, character: bad)
    case .notASCII: throw MailAddressError.notASCII(address)
    case .notOneAt: throw MailAddressError.notOneAt(address)
    case .tooLong: throw MailAddressError.tooLong(address)
    case .badLocalPart: throw MailAddressError.badLocalPart(address)
    case .badDomain: throw MailAddressError.badDomain(address)
    }
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
