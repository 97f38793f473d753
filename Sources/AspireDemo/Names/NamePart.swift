/// One given name or family name as it prints (`Zoë`, `O'Neill`), with its
/// UTF-8 bytes ready for the CSV writer and a plain lowercase ASCII form for
/// building email addresses (`zoe`, `oneill`).
struct NamePart: Sendable {
  /// The name as people write it.
  let text: String
  /// `text` as UTF-8, encoded once so that rows need no string formatting.
  let bytes: [UInt8]
  /// Lowercase ASCII letters only, for email addresses.
  let plain: String

  init(_ text: String) {
    self.text = text
    self.bytes = Array(text.utf8)
    self.plain = NamePart.plainLetters(of: text)
  }

  /// Letters folded to ASCII and lowercased; apostrophes, hyphens and spaces dropped.
  static func plainLetters(of text: String) -> String {
    var letters = ""
    for character in text.lowercased() {
      if let folded = foldedLetters[character] {
        letters += folded
      } else if character.isASCII, character.isLetter || character.isNumber {
        letters.append(character)
      }
    }
    return letters
  }

  /// The accented letters that occur in the name lists, spelled without accents.
  private static let foldedLetters: [Character: String] = [
    "à": "a", "á": "a", "â": "a", "ä": "a", "ą": "a", "ć": "c", "ç": "c",
    "è": "e", "é": "e", "ê": "e", "ë": "e", "ę": "e", "ì": "i", "í": "i",
    "ï": "i", "ł": "l", "ń": "n", "ñ": "n", "ò": "o", "ó": "o", "ö": "o",
    "ø": "o", "ś": "s", "ù": "u", "ú": "u", "ü": "u", "ź": "z", "ż": "z",
  ]
}
