import Testing

@testable import AspireStore

@Suite struct TextEncodingTests {
  @Test func refusesInvalidUTF8WithTheWindows1252Hint() {
    let bytes = Array("id,name\nL1,Ren".utf8) + [0xE9] + Array("\n".utf8)
    #expect(
      throws: CSVError(
        line: 2,
        message: "file is not valid UTF-8 (byte 0xE9); if Excel saved it as "
          + "\"CSV (Comma delimited)\", read it with --encoding windows-1252")
    ) { try CSVReader.parse(bytes) }
  }

  @Test func decodesWindows1252AccentsAndThePound() throws {
    let bytes = Array("id,name\nL1,Ren".utf8) + [0xE9, 0x2C, 0xA3, 0x35, 0x80]
    let document = try CSVReader.parse(bytes, encoding: .windows1252)
    #expect(document.field(1, ofRecord: 0) == "René")
    #expect(document.field(2, ofRecord: 0) == "£5€")
  }

  @Test func decodesLatin1() throws {
    let document = try CSVReader.parse(Array("a\n".utf8) + [0xE9, 0xA3], encoding: .latin1)
    #expect(document.field(0, ofRecord: 0) == "é£")
  }

  @Test func acceptsTheEncodingNamesOfTheCommandLine() {
    #expect(TextEncoding(name: "UTF-8") == .utf8)
    #expect(TextEncoding(name: "windows-1252") == .windows1252)
    #expect(TextEncoding(name: "latin1") == .latin1)
    #expect(TextEncoding(name: "iso-8859-1") == .latin1)
    #expect(TextEncoding(name: "ebcdic") == nil)
  }

  @Test func refusesOverlongAndSurrogateForms() {
    for bytes: [UInt8] in [
      [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82],
    ] {
      let offset = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) }
      #expect(offset == 0)
    }
  }

  @Test func acceptsWellFormedMultibyteText() {
    let bytes = Array("é£€😀".utf8)
    #expect(bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset(in: $0) } == nil)
  }
}
