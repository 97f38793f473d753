import AspireModel
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
  /// atoms, a quoted string when they are ASCII with specials, else word by word.
  static func phraseWords(_ text: String) -> [String] {
    let cleaned = clean(text)
    let scalars = cleaned.unicodeScalars
    if scalars.allSatisfy({ $0 == " " || isAtext($0) }) {
      let words = cleaned.split(separator: " ").map(String.init)
      if words.allSatisfy({ $0.count <= 70 }) && !cleaned.contains("=?") { return words }
    }
    if scalars.allSatisfy({ $0.isASCII }) && cleaned.count <= 60 && !cleaned.contains("=?") {
      return [quoted(cleaned)]
    }
    return mixedPhraseWords(cleaned)
  }

  /// A display name word by word: atoms as they are, other ASCII words
  /// quoted, and each run of other words as encoded-words. Decoders drop the
  /// white space between two encoded-words (RFC 2047, 6.2) and some add it
  /// back (Python's `email` parser), so a plain word between two runs keeps
  /// the name's spaces the same for both; only a run too long for one
  /// encoded-word has to meet another.
  private static func mixedPhraseWords(_ name: String) -> [String] {
    var words: [String] = []
    var run: [String] = []
    for word in name.split(separator: " ").map(String.init) {
      if word.unicodeScalars.allSatisfy({ $0.isASCII }) && word.count <= 70
        && !word.contains("=?")
      {
        if !run.isEmpty { words += encodedWords(run.joined(separator: " ")) }
        run = []
        words.append(word.unicodeScalars.allSatisfy(isAtext) ? word : quoted(word))
      } else {
        run.append(word)
      }
    }
    if !run.isEmpty { words += encodedWords(run.joined(separator: " ")) }
    return words
  }

  /// `text` as a quoted string, with its quotes and backslashes escaped.
  private static func quoted(_ text: String) -> String {
    let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
      .replacingOccurrences(of: "\"", with: "\\\"")
    return "\"\(escaped)\""
  }

  /// `text` as base64 encoded-words of whole words where they fit: a word
  /// with the space after it stays inside one encoded-word (the space
  /// between two encoded-words is no part of the text), and a word too long
  /// for one is split between characters, never inside one.
  static func encodedWords(_ text: String) -> [String] {
    var words: [String] = []
    var chunk: [UInt8] = []
    func close() {
      if !chunk.isEmpty { words.append(encodedWord(chunk)) }
      chunk = []
    }
    // Adds `bytes` whole: to the current encoded-word, or to a new one.
    func add(_ bytes: [UInt8]) -> Bool {
      if chunk.count + bytes.count <= bytesPerEncodedWord {
        chunk += bytes
        return true
      }
      close()
      guard bytes.count <= bytesPerEncodedWord else { return false }
      chunk = bytes
      return true
    }
    for piece in wordsWithTheirSpaces(text) {
      if add(Array(piece.utf8)) { continue }
      for character in piece {
        if add(Array(String(character).utf8)) { continue }
        // A character longer than an encoded-word holds: split between its scalars.
        for scalar in character.unicodeScalars { _ = add(Array(String(scalar).utf8)) }
      }
    }
    close()
    return words
  }

  /// `text` cut after each space: `"Zoë Ó"` is `["Zoë ", "Ó"]`.
  private static func wordsWithTheirSpaces(_ text: String) -> [String] {
    var pieces: [String] = []
    var piece = ""
    for character in text {
      piece.append(character)
      if character == " " {
        pieces.append(piece)
        piece = ""
      }
    }
    if !piece.isEmpty { pieces.append(piece) }
    return pieces
  }

  private static func encodedWord(_ bytes: [UInt8]) -> String {
    "=?UTF-8?B?\(Data(bytes).base64EncodedString())?="
  }

  /// Letters, digits and the symbols RFC 5322 allows in an atom.
  static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
    EmailAddressSyntax.isAtext(scalar)
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
