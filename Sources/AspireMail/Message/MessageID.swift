/// A Message-ID, written `<left@right>` in the header: unique to one message,
/// with the sender's domain on the right.
public struct MessageID: Hashable, Sendable, CustomStringConvertible {
  /// The identifier without its angle brackets, such as `4f9c…@school.org`.
  public let value: String

  /// Checks that `value` is `left@right`, made of atom characters and dots only.
  public init(_ value: String) throws {
    let parts = value.split(separator: "@", omittingEmptySubsequences: false)
    let isAtoms = { (part: Substring) in
      !part.isEmpty && part.unicodeScalars.allSatisfy { $0 == "." || HeaderText.isAtext($0) }
    }
    guard parts.count == 2, parts.allSatisfy(isAtoms), value.count <= 200 else {
      throw MessageIDError(value: value)
    }
    self.value = value
  }

  /// A new random identifier on `domain`: 128 random bits in hex.
  public static func random(domain: String) -> MessageID {
    var generator = SystemRandomNumberGenerator()
    let left = (0..<4).map { _ in
      let word = String(generator.next() as UInt32, radix: 16)
      return String(repeating: "0", count: 8 - word.count) + word
    }.joined()
    // The domain comes from a checked address, so the identifier is valid.
    return try! MessageID("\(left)@\(domain)")
  }

  /// The identifier as the header writes it, in angle brackets.
  public var description: String { "<\(value)>" }
}

/// A Message-ID that is not `left@right` in atom characters.
public struct MessageIDError: Error, Equatable, CustomStringConvertible {
  public let value: String

  public var description: String {
    "message id \"\(value.debugEscaped)\" is not left@right in letters, digits and dots"
  }
}
