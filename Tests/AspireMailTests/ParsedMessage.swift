import Foundation

/// A small MIME reader for the tests: it takes the writer's bytes apart again
/// (unfolding headers, decoding encoded-words and quoted-printable) and fails
/// loudly on anything it does not expect, so the writer's structure is checked.
struct ParsedMessage {
  /// Headers in order, names as written, values unfolded and decoded.
  var headers: [(name: String, value: String)] = []
  /// Headers in order, values unfolded but still encoded.
  var rawHeaders: [(name: String, value: String)] = []
  /// The body parts of a multipart message, in order.
  var parts: [ParsedPart] = []

  struct ParsedPart {
    var headers: [(name: String, value: String)]
    var body: String
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  init(_ text: String) throws {
    guard let split = text.range(of: "\r\n\r\n") else { throw Failure(description: "no body") }
    rawHeaders = try ParsedMessage.headerFields(String(text[..<split.lowerBound]))
    headers = rawHeaders.map { ($0.name, ParsedMessage.decodeWords($0.value)) }
    let body = String(text[split.upperBound...])
    guard let type = value("Content-Type"), type.hasPrefix("multipart/alternative;"),
      let boundary = ParsedMessage.parameter("boundary", in: type)
    else { throw Failure(description: "not multipart/alternative") }
    parts = try ParsedMessage.parts(of: body, boundary: boundary)
  }

  /// Every value of the header `name`, compared without case.
  func values(_ name: String) -> [String] {
    headers.filter { $0.name.lowercased() == name.lowercased() }.map(\.value)
  }

  /// The one value of the header `name`, or nil.
  func value(_ name: String) -> String? {
    let found = values(name)
    return found.count == 1 ? found[0] : nil
  }

  static func headerFields(_ block: String) throws -> [(name: String, value: String)] {
    var fields: [(name: String, value: String)] = []
    for line in block.components(separatedBy: "\r\n") {
      if line.hasPrefix(" ") || line.hasPrefix("\t") {
        guard !fields.isEmpty else { throw Failure(description: "folded first line") }
        fields[fields.count - 1].value += line
        continue
      }
      guard let colon = line.firstIndex(of: ":") else {
        throw Failure(description: "header line without a colon: \(line)")
      }
      let value = line[line.index(after: colon)...].drop { $0 == " " }
      fields.append((String(line[..<colon]), String(value)))
    }
    return fields
  }

  static func parameter(_ name: String, in value: String) -> String? {
    guard let range = value.range(of: "\(name)=\"") else { return nil }
    let rest = value[range.upperBound...]
    return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
  }

  static func parts(of body: String, boundary: String) throws -> [ParsedPart] {
    let delimiter = "--\(boundary)"
    let opening = delimiter + "\r\n"
    let closing = "\r\n\(delimiter)--\r\n"
    guard body.hasPrefix(opening), body.hasSuffix(closing) else {
      throw Failure(description: "body does not open and close with the boundary")
    }
    // Counted in characters on both sides, where CR LF is one character.
    let inner = body.dropFirst(opening.count).dropLast(closing.count)
    return try inner.components(separatedBy: "\r\n\(delimiter)\r\n").map { chunk in
      guard let split = chunk.range(of: "\r\n\r\n") else { throw Failure(description: "part") }
      let fields = try headerFields(String(chunk[..<split.lowerBound]))
      let encoding = fields.first { $0.name == "Content-Transfer-Encoding" }?.value
      guard encoding == "quoted-printable" else { throw Failure(description: "encoding") }
      return ParsedPart(
        headers: fields, body: try decodeQuotedPrintable(String(chunk[split.upperBound...])))
    }
  }

  /// Decodes `=?UTF-8?B?…?=` words; the space between two of them is dropped.
  static func decodeWords(_ value: String) -> String {
    let pattern = try! NSRegularExpression(pattern: "=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=")
    var result = ""
    var bytes: [UInt8] = []
    var position = value.startIndex
    let whole = NSRange(value.startIndex..., in: value)
    for match in pattern.matches(in: value, range: whole) {
      let range = Range(match.range, in: value)!
      let between = value[position..<range.lowerBound]
      if !(bytes.count > 0 && between.allSatisfy { $0 == " " }) {
        result += String(decoding: bytes, as: UTF8.self)
        bytes = []
        result += between
      }
      let encoded = String(value[Range(match.range(at: 1), in: value)!])
      bytes += Array(Data(base64Encoded: encoded)!)
      position = range.upperBound
    }
    return result + String(decoding: bytes, as: UTF8.self) + value[position...]
  }

  /// A decoded address header with the quotes of its quoted strings taken
  /// away and their escapes undone, as a reader shows the display name.
  static func unquoted(_ value: String) -> String {
    var result = ""
    var inQuotes = false
    var escaped = false
    for character in value {
      if escaped {
        result.append(character)
        escaped = false
      } else if inQuotes && character == "\\" {
        escaped = true
      } else if character == "\"" {
        inQuotes.toggle()
      } else {
        result.append(character)
      }
    }
    return result
  }

  static func decodeQuotedPrintable(_ text: String) throws -> String {
    var bytes: [UInt8] = []
    let lines = text.components(separatedBy: "\r\n")
    for (number, line) in lines.enumerated() {
      var characters = Array(line.utf8)
      let soft = characters.last == UInt8(ascii: "=")
      if soft { characters.removeLast() }
      var index = 0
      while index < characters.count {
        if characters[index] == UInt8(ascii: "=") {
          let hex = String(decoding: characters[index + 1...index + 2], as: UTF8.self)
          guard let byte = UInt8(hex, radix: 16) else { throw Failure(description: "qp") }
          bytes.append(byte)
          index += 3
        } else {
          bytes.append(characters[index])
          index += 1
        }
      }
      if !soft && number < lines.count - 1 { bytes += [13, 10] }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
