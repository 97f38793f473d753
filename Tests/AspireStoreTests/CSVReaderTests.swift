import Testing

@testable import AspireStore

@Suite struct CSVReaderTests {
  func parse(_ text: String) throws -> CSVDocument {
    try CSVReader.parse(Array(text.utf8))
  }

  func records(_ document: CSVDocument) -> [[String]] {
    (0..<document.recordCount).map { record in
      (0..<document.fieldCount(ofRecord: record)).map { document.field($0, ofRecord: record) }
    }
  }

  @Test func readsHeaderAndRecords() throws {
    let document = try parse("id,name\nL1,Amy\nL2,Ben\n")
    #expect(document.header == ["id", "name"])
    #expect(records(document) == [["L1", "Amy"], ["L2", "Ben"]])
  }

  @Test func skipsAByteOrderMark() throws {
    let document = try CSVReader.parse([0xEF, 0xBB, 0xBF] + Array("id,name\nL1,Amy".utf8))
    #expect(document.header == ["id", "name"])
  }

  @Test func readsCRLFLineEnds() throws {
    let document = try parse("id,name\r\nL1,Amy\r\nL2,Ben\r\n")
    #expect(records(document) == [["L1", "Amy"], ["L2", "Ben"]])
    #expect(document.line(ofRecord: 1) == 3)
  }

  @Test func readsQuotedCommasAndDoubledQuotes() throws {
    let document = try parse("a,b\n\"Smith, Jo\",\"say \"\"hi\"\"\"\n")
    #expect(records(document) == [["Smith, Jo", "say \"hi\""]])
  }

  @Test func keepsLineBreaksInsideQuotes() throws {
    let document = try parse("a,b\n\"one\ntwo\",x\n")
    #expect(records(document) == [["one\ntwo", "x"]])
  }

  @Test func countsQuotedLineBreaksInPhysicalLines() throws {
    let document = try parse("a,b\n\"one\ntwo\nthree\",x\nnext,y\r\n\"p\r\nq\",z\nlast,w")
    #expect((0..<4).map { document.line(ofRecord: $0) } == [2, 5, 6, 8])
  }

  @Test func skipsBlankLinesButCountsThem() throws {
    let document = try parse("a\n\nx\n\ny\n")
    #expect(records(document) == [["x"], ["y"]])
    #expect(document.line(ofRecord: 1) == 5)
  }

  @Test func keepsEmptyFieldsAndATrailingComma() throws {
    let document = try parse("a,b,c\n,,\nx,y,")
    #expect(records(document) == [["", "", ""], ["x", "y", ""]])
    #expect(document.isBlank(record: 0))
  }

  @Test func trimsHeaderNames() throws {
    #expect(try parse(" id , Name \nx,y").header == ["id", "Name"])
  }

  @Test func refusesAnUnclosedQuoteAtItsLine() {
    #expect(throws: CSVError(line: 3, message: "quoted field is never closed")) {
      try parse("a\nx\n\"open\nmore")
    }
  }

  @Test func refusesAnEmptyFile() {
    #expect(throws: CSVError(line: 1, message: "file is empty; expected a header row")) {
      try parse("")
    }
  }
}
