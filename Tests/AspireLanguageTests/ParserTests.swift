import AspireLanguage
import Testing

@Suite struct ParserTests {
  @Test(arguments: [
    ("1 + 2 * 3", "(1 + (2 * 3))"),
    ("1 - 2 - 3", "((1 - 2) - 3)"),
    ("a ?? b ?? c", "(a ?? (b ?? c))"),
    ("a ?? b + c", "(a ?? (b + c))"),
    ("not a and b", "((not a) and b)"),
    ("not a == b", "(not (a == b))"),
    ("a or b and c", "(a or (b and c))"),
    ("- - 4", "(- (- 4))"),
    ("-2 * -3", "((- 2) * (- 3))"),
    ("1 + if c then 2 else 3 + 4", "(1 + (if c then 2 else (3 + 4)))"),
    ("let x = 1 in x + 1", "(let x = 1 in (x + 1))"),
    ("let x = (1 in xs) in x", "(let x = (1 in xs) in x)"),
    ("x in [1, 2] == true", "error: comparisons cannot be chained: \"in\" then \"==\""),
    ("a < b < c", "error: comparisons cannot be chained: \"<\" then \"<\""),
    ("if a then b", "error: expected \"else\" after the \"then\" branch, found end of input"),
    ("f(1, 2,)", "f(1, 2)"),
    ("learners where stage == S4", "{learners | where stage == S4}"),
    (
      "learners where a or b | sort name desc | limit 3",
      "{{{learners | where a or b} | sort name desc} | limit 3}"
    ),
    ("count(learners where x) + 1", "(count({learners | where x}) + 1)"),
    ("t | group by subject | show subject, mean(gap) as gap",
     "{{t | group by subject} | show subject, mean(gap) as gap}"),
    ("t | sorted name", "error: unknown query step \"sorted\""),
  ])
  func groupsAsTheOperatorTableSays(_ text: String, _ expected: String) {
    #expect(grouping(text) == expected)
  }

  @Test func acceptsAThousandNestedParentheses() {
    let text = String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000)
    #expect(onLargeStack { grouping(text) } == "1")
  }

  @Test func refusesFarDeeperNestingWithAnError() {
    let text = String(repeating: "(", count: 100_000)
    #expect(onLargeStack { grouping(text) } == "error: expression nested too deeply")
  }

  @Test func refusesAVeryLongChainBeforeLaterStagesRecurseIntoIt() {
    let text = Array(repeating: "1", count: 20_000).joined(separator: " + ")
    #expect(onLargeStack { grouping(text) } == "error: expression nested too deeply")
  }

  @Test func reportsEveryIndependentError() {
    let script = "let a = (1 +\nlet b = 2 +\nlet c = )\n"
    let (_, found) = Parser.parse(SourceFile(name: "<test>", text: script))
    #expect(found.count == 3)
  }

  @Test func stopsAtFiftyErrors() {
    let script = String(repeating: "let = 1\n", count: 80)
    let (_, found) = Parser.parse(SourceFile(name: "<test>", text: script))
    #expect(found.count == 50)
  }
}
