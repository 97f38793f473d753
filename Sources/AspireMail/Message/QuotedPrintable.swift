/// Quoted-printable body encoding (RFC 2045): ASCII lines of at most 76
/// characters, CRLF between lines, whatever the text's own line ends were.
enum QuotedPrintable {
  /// The longest encoded line, the soft line break's `=` included.
  static let lineLimit = 76

  /// `text` encoded; its line breaks (LF, CR or CRLF) become CRLF.
  static func encode(_ text: String) -> String {
    lines(of: Array(text.utf8)).map(encodeLine).joined(separator: "\r\n")
  }

  /// The lines of `bytes`, split at CRLF, lone CR or lone LF.
  private static func lines(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
    var lines: [ArraySlice<UInt8>] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x0D || byte == 0x0A {
        lines.append(bytes[start..<index])
        let isPair = byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A
        index += isPair ? 2 : 1
        start = index
      } else {
        index += 1
      }
    }
    lines.append(bytes[start..<bytes.count])
    return lines
  }

  /// One line of text as one or more encoded lines joined by soft breaks.
  private static func encodeLine(_ line: ArraySlice<UInt8>) -> String {
    var output: [String] = []
    var current = ""
    for index in line.indices {
      let isLast = index == line.index(before: line.endIndex)
      var token = encodeByte(line[index], endsLine: isLast)
      // A dot alone at the start of a line means something to SMTP servers.
      if current.isEmpty && token == "." { token = "=2E" }
      // Keep room for the `=` of a soft break unless this is the line's end.
      let room = isLast ? lineLimit : lineLimit - 1
      if current.count + token.count > room {
        output.append(current + "=")
        current = token == "." ? "=2E" : token
      } else {
        current += token
      }
    }
    output.append(current)
    return output.joined(separator: "\r\n")
  }

  /// A byte as itself when it is safe, else as `=XX`; a space or tab that
  /// would end a line is encoded, since transports may strip it.
  private static func encodeByte(_ byte: UInt8, endsLine: Bool) -> String {
    switch byte {
    case 0x20, 0x09:
      return endsLine ? hex(byte) : String(UnicodeScalar(byte))
    case 0x21...0x7E where byte != 0x3D:
      return String(UnicodeScalar(byte))
    default:
      return hex(byte)
    }
  }

  private static func hex(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return "=" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
  }
}
