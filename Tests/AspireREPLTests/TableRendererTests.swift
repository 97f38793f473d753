import AspireModel
import AspireStore
import Testing

/// The drawn table formats: `table`, `box` and `markdown`.
@Suite struct TableRendererTests {
  static let marks = ResultTable(
    columns: ["name", "subject", "gap"],
    rows: [
      [.text("Amy Smith"), .text("Maths"), .number(1.5)],
      [.text("Seán Murphy"), .text("English"), .number(-2)],
      [.text("Zoë Brown"), .missing, .number(10)],
    ])

  func render(_ style: TableRenderer.Style, width: Int? = nil, _ table: ResultTable = marks)
    -> String
  {
    TableRenderer(style: style, maximumWidth: width).render(table)
  }

  @Test func alignsColumnsUnderAHeaderAndARule() {
    #expect(
      render(.table) == """
        name         subject  gap
        -----------  -------  ---
        Amy Smith    Maths    1.5
        Seán Murphy  English   -2
        Zoë Brown              10
        3 rows

        """)
  }

  @Test func rightAlignsNumberColumnsHeaderIncluded() {
    let table = ResultTable(
      columns: ["midyis"], rows: [[.number(98)], [.number(112.5)], [.missing]])
    #expect(render(.table, table) == "midyis\n------\n    98\n 112.5\n\n3 rows\n")
  }

  @Test func leftAlignsAColumnMixingNumbersAndText() {
    let table = ResultTable(columns: ["value"], rows: [[.number(1)], [.text("many")]])
    #expect(render(.table, table) == "value\n-----\n1\nmany\n2 rows\n")
  }

  @Test func cutsLongTextWithAnEllipsisToFitTheWidth() {
    let table = ResultTable(
      columns: ["id", "comment"],
      rows: [[.text("L1"), .text("Working well in class; homework is late most weeks")]])
    let lines = render(.table, width: 30, table).split(separator: "\n")
    #expect(lines[2] == "L1  Working well in class; ho…")
    #expect(lines.allSatisfy { $0.count <= 30 })
  }

  @Test func cutsTheWidestColumnsFirst() {
    let table = ResultTable(
      columns: ["stage", "name", "comment"],
      rows: [[.text("S4"), .text("Amy Smith"), .text(String(repeating: "x", count: 80))]])
    let lines = render(.table, width: 40, table).split(separator: "\n")
    #expect(lines[2].hasPrefix("S4     Amy Smith  xxx"))
    #expect(lines[2].hasSuffix("x…"))
    #expect(lines[2].count == 40)
  }

  @Test func leavesTextWholeWithoutAWidth() {
    let long = String(repeating: "y", count: 300)
    let table = ResultTable(columns: ["comment"], rows: [[.text(long)]])
    #expect(render(.table, table).contains(long))
  }

  @Test func countsOneRowInTheSingular() {
    let table = ResultTable(columns: ["n"], rows: [[.number(1)]])
    #expect(render(.table, table).hasSuffix("\n1 row\n"))
    #expect(render(.table, ResultTable(columns: ["n"], rows: [])) == "n\n-\n0 rows\n")
  }

  @Test func showsLineBreaksInsideACellAsEscapes() {
    let table = ResultTable(columns: ["comment"], rows: [[.text("one\ntwo")]])
    #expect(render(.table, table).contains("one\\ntwo"))
  }

  @Test func drawsABox() {
    #expect(
      render(.box) == """
        ┌─────────────┬─────────┬─────┐
        │ name        │ subject │ gap │
        ├─────────────┼─────────┼─────┤
        │ Amy Smith   │ Maths   │ 1.5 │
        │ Seán Murphy │ English │  -2 │
        │ Zoë Brown   │         │  10 │
        └─────────────┴─────────┴─────┘
        3 rows

        """)
  }

  @Test func cutsABoxToTheWidth() {
    let lines = render(.box, width: 28).split(separator: "\n")
    #expect(lines.allSatisfy { $0.count <= 28 })
    #expect(lines[3].contains("…"))
  }

  @Test func writesAMarkdownTableWithNumberColumnsAlignedRight() {
    #expect(
      render(.markdown) == """
        | name        | subject | gap |
        | ----------- | ------- | --: |
        | Amy Smith   | Maths   | 1.5 |
        | Seán Murphy | English |  -2 |
        | Zoë Brown   |         |  10 |

        """)
  }

  @Test func escapesPipesInMarkdownAndNeverCutsIt() {
    let table = ResultTable(columns: ["a"], rows: [[.text("x | y")]])
    #expect(render(.markdown, width: 5, table) == "| a      |\n| ------ |\n| x \\| y |\n")
  }

  @Test func makesTheHeaderBoldOnlyWhenAskedForColour() {
    let table = ResultTable(columns: ["n"], rows: [[.number(1)]])
    let coloured = TableRenderer(style: .table, useColour: true).render(table)
    #expect(coloured.hasPrefix("\u{1B}[1mn\u{1B}[0m\n"))
    #expect(!render(.table, table).contains("\u{1B}"))
  }

  @Test func countsWideCharactersAsTwoColumns() {
    let table = ResultTable(columns: ["name", "n"], rows: [[.text("李华"), .number(1)]])
    #expect(render(.table, table).split(separator: "\n")[2] == "李华  1")
  }

  @Test func printsDatesAndGradesAsText() {
    let date = CalendarDate(parsing: "2026-08-24")!
    let table = ResultTable(
      columns: ["due", "grade"], rows: [[.date(date), .grade(GradeScale.sqa.highest)]])
    #expect(render(.table, table).split(separator: "\n")[2] == "2026-08-24  A")
  }
}

/// The progress bar's text.
@Suite struct ProgressBarTests {
  @Test func showsTheShareDone() {
    let line = ProgressBar.line(label: "learners.csv", completed: 1, total: 2, elapsed: 3)
    #expect(line == "learners.csv " + String(repeating: "█", count: 12)
      + String(repeating: "░", count: 12) + "  50%")
  }

  @Test func showsAMovingBlockAndTheTimeWhenTheTotalIsUnknown() {
    let early = ProgressBar.line(label: "a.csv", completed: 0, total: nil, elapsed: 0)
    let later = ProgressBar.line(label: "a.csv", completed: 0, total: nil, elapsed: 0.5)
    #expect(early.hasPrefix("a.csv ████░"))
    #expect(later.hasPrefix("a.csv ░░░░░████░"))
    #expect(later.hasSuffix(" 0.5s"))
  }

  @Test func drawsNothingWhenNotShown() {
    let bar = ProgressBar(label: "x", total: 1, isShown: false)
    bar.update(completed: 1)
    bar.finish()
    #expect(!bar.isShown)
  }
}
