import AspireReports
import Testing

/// A mentor's pack in the form email needs: styles inline, no style sheet,
/// every value escaped, and a plain text part that says the same.
@Suite struct MentorPackEmailTests {
  let pack = MentorPack(
    mentorID: "T002", mentorName: "Nadia <McMillan>", session: "2026-27", schedule: "checks",
    round: 2, week: "2026-10-05 to 2026-10-09",
    learners: [
      MentorPack.Learner(
        id: "L00195", name: "Kyle Robertson", stage: "S6",
        subjects: [
          MentorPack.Subject(
            name: "History", level: "H", target: "A", status: "B", comment: "See me & talk",
            selfStatus: "O")
        ], lastActions: ["History: study club"], lastActionsRound: 2)
    ])

  @Test func theEmailFormHasInlineStylesAndNoStyleSheetOrClasses() {
    let html = pack.html(forEmail: true)
    #expect(!html.contains("<style"))
    #expect(!html.contains("class="))
    #expect(html.contains("<td style=\"border: 1px solid #bbb; padding: 0.25em 0.6em; "))
    #expect(html.contains("background: #f8d7d7"))
    #expect(html.contains("Nadia &lt;McMillan&gt;"))
    #expect(html.contains("See me &amp; talk"))
  }

  @Test func thePageKeepsItsStyleSheet() {
    let html = pack.html()
    #expect(html.contains("<style>"))
    #expect(html.contains("<td class=\"B\">B</td>"))
  }

  @Test func thePlainTextListsEachSubjectWithItsStatusesAndComment() {
    #expect(pack.plainText.contains("- History (H), target A: teacher B, learner O; See me & talk"))
    #expect(pack.plainText.contains("  * History: study club"))
  }
}
