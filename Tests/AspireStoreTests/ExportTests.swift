import AspireModel
import Testing

@testable import AspireStore

@Suite struct ExportTests {
  let table = ResultTable(
    columns: ["learner", "gap", "date", "grade", "done", "note"],
    rows: [
      [
        .text("Amy"), .number(1.5), .date(CalendarDate(parsing: "2026-08-24")!),
        .grade(GradeScale.sqa.grade(named: "NA")!), .boolean(true), .missing,
      ],
      [.text("=SUM(A1)"), .number(-2), .missing, .missing, .boolean(false), .text("a, \"b\"")],
    ])

  @Test func writesCSVWithQuotingAndNeutralisedFormulas() {
    let expected = [
      "learner,gap,date,grade,done,note",
      "Amy,1.5,2026-08-24,No Award,true,",
      #"'=SUM(A1),-2,,,false,"a, ""b""""#,
    ]
    #expect(ExportFormat.csv.render(table) == expected.joined(separator: "\n") + "\n")
  }

  @Test func neutralisesEveryFormulaLeader() {
    let leaders = ["=1", "+1", "-1", "@x"].map { [Cell.text($0)] }
    let csv = ExportFormat.csv.render(ResultTable(columns: ["t"], rows: leaders))
    #expect(csv == "t\n'=1\n'+1\n'-1\n'@x\n")
  }

  @Test func keepsNegativeNumbersAsNumbers() {
    let csv = ExportFormat.csv.render(ResultTable(columns: ["n"], rows: [[.number(-0.25)]]))
    #expect(csv == "n\n-0.25\n")
  }

  @Test func writesTSVWithEscapedTabsAndNeutralisedFormulas() {
    let rows: [[Cell]] = [[.text("a\tb"), .text("-x"), .number(3)]]
    let tsv = ExportFormat.tsv.render(ResultTable(columns: ["p", "q", "r"], rows: rows))
    #expect(tsv == "p\tq\tr\na\\tb\t'-x\t3\n")
  }

  @Test func writesJSONOnOneLine() {
    let expected =
      #"[{"learner":"Amy","gap":1.5,"date":"2026-08-24","grade":"No Award","done":true,"#
      + #""note":null},{"learner":"=SUM(A1)","gap":-2,"date":null,"grade":null,"done":false,"#
      + #""note":"a, \"b\""}]"#
    #expect(ExportFormat.json.render(table) == expected)
  }

  @Test func writesAnEmptyResultAsAnEmptyJSONArray() {
    #expect(ExportFormat.json.render(ResultTable(columns: ["a"], rows: [])) == "[]")
  }

  @Test func escapesControlCharactersInJSON() {
    #expect(JSONWriter.quoted("a\nb\u{1}") == #""a\nb\u0001""#)
  }

  @Test func printsNumbersLikePercentFifteenG() {
    #expect(NumberFormatting.format(3) == "3")
    #expect(NumberFormatting.format(3.5) == "3.5")
    #expect(NumberFormatting.format(0.1 + 0.2) == "0.3")
    #expect(NumberFormatting.format(1.0 / 3) == "0.333333333333333")
    #expect(NumberFormatting.format(1e15) == "1e+15")
    #expect(NumberFormatting.format(-0.0) == "0")
    #expect(NumberFormatting.format(123_456_789_012_345) == "123456789012345")
    #expect(NumberFormatting.format(1e-5) == "1e-05")
  }
}

@Suite struct StoreQueryTests {
  @Test func countsRowsPerTable() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let counts = Dictionary(uniqueKeysWithValues: try store.rowCounts().map { ($0.table, $0.rows) })
    #expect(counts["learners"] == 3)
    #expect(counts["staff"] == 2)
    #expect(counts["import_log"] == 3)
    #expect(counts["history"] == 0)
  }

  @Test func listsLearnersOfASessionWithTheirStage() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let learners = try store.learners(in: testSession)
    #expect(learners.map(\.id) == ["L1", "L2", "L3"])
    #expect(learners.map(\.stage) == [.s4, .s5, .s6])
    #expect(try store.learners(in: testSession.next).isEmpty)
  }

  @Test func listsSessions() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    #expect(try store.sessions() == [testSession])
  }

  @Test func turnsAQueryIntoATable() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let table = try store.table(
      "SELECT id, mentor_capacity, faculty FROM staff WHERE id = ?", [.text("T1")])
    #expect(
      table
        == ResultTable(
          columns: ["id", "mentor_capacity", "faculty"],
          rows: [[.text("T1"), .number(6), .missing]]))
  }
}
