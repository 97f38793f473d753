import Foundation

/// Text from data made safe for a header: line breaks cannot start a new
/// header, and text outside ASCII travels as RFC 2047 encoded-words.
enum HeaderText {
  /// The longest line a header is folded to, as RFC 2047 asks of lines with
  /// encoded-words.
  static let lineLimit = 76

  /// At most this many UTF-8 bytes go in one encoded-word, so that the word
  /// (`=?UTF-8?B?` + base64 + `?=`) stays well inside 75 characters.
  static let bytesPerEncodedWord = 39

  /// `text` on one line: every line break (and any other control character)
  /// becomes a space, and spaces at either end are dropped.
  static func clean(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var previousWasCarriageReturn = false
    for scalar in text.unicodeScalars {
      // CR LF is one line break, so one space.
      if scalar == "\n" && previousWasCarriageReturn {
        previousWasCarriageReturn = false
        continue
      }
      previousWasCarriageReturn = scalar == "\r"
      scalars.append(isBreakOrControl(scalar) ? " " : scalar)
    }
    return String(scalars).trimmingSpaces()
  }

  /// Whether `scalar` is a line break or another character that has no place in a header.
  private static func isBreakOrControl(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// The words of a free-text header such as Subject, ready to fold.
  static func unstructuredWords(_ text: String) -> [String] {
    let cleaned = clean(text)
    let words = cleaned.split(separator: " ").map(String.init)
    let plain = cleaned.unicodeScalars.allSatisfy { $0.isASCII }
      && !cleaned.contains("=?") && words.allSatisfy { $0.count <= 70 }
    return plain ? words : encodedWords(cleaned)
  }

  /// The words of a display name before an address: plain words when they are
  /// atoms, a quoted string when they are ASCII with specials, else encoded-words.
  static func phraseWords(_ text: String) -> [String] {
    let cleaned = clean(text)
    let scalars = cleaned.unicodeScalars
    if scalars.allSatisfy({ $0 == " " || isAtext($0) }) {
      let words = cleaned.split(separator: " ").map(String.init)
      if words.allSatisfy({ $0.count <= 70 }) && !cleaned.contains("=?") { return words }
    }
    if scalars.allSatisfy({ $0.isASCII }) && cleaned.count <= 60 && !cleaned.contains("=?") {
      let escaped = cleaned.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"")
      return ["\"\(escaped)\""]
    }
    return encodedWords(cleaned)
  }

  /// `text` as base64 encoded-words, each holding whole characters.
  static func encodedWords(_ text: String) -> [String] {
    var words: [String] = []
    var chunk: [UInt8] = []
    for scalar in text.unicodeScalars {
      let bytes = Array(String(scalar).utf8)
      if chunk.count + bytes.count > bytesPerEncodedWord {
        words.append(encodedWord(chunk))
        chunk = []
      }
      chunk += bytes
    }
    if !chunk.isEmpty { words.append(encodedWord(chunk)) }
    return words
  }

  private static func encodedWord(_ bytes: [UInt8]) -> String {
    "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
  }

  /// Letters, digits and the symbols RFC 5322 allows in an atom.
  static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "a"..."z", "A"..."Z", "0"..."9": return true
    default: return "!#$%&'*+-/=?^_`{|}~".unicodeScalars.contains(scalar)
    }
  }

  /// One header field, `Name: word word …`, folded before a word that would
  /// take a line past the limit.
  static func field(_ name: String, _ words: [String]) -> String {
    var lines = ["\(name):"]
    for word in words {
      let current = lines[lines.count - 1]
      if current.count + 1 + word.count > lineLimit && current.count > name.count + 1 {
        lines.append(" " + word)
      } else {
        lines[lines.count - 1] = current + " " + word
      }
    }
    return lines.joined(separator: "\r\n")
  }

  /// The words of an address header: the display name, then `<address>`.
  static func addressWords(_ address: MailAddress) -> [String] {
    guard let name = address.name else { return [address.address] }
    return phraseWords(name) + ["<\(address.address)>"]
  }
}
