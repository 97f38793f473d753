import Testing

@Suite struct CheckerTests {
  @Test func suggestsAClosePlaceForAMisspeltName() {
    #expect(diagnostics(of: "let score = 1\nscroe + 1") == ["2:1: unknown name \"scroe\""])
  }

  @Test func refusesMixedTypesEvenInABranchThatWouldNotRun() {
    #expect(
      diagnostics(of: "if true then 1 else 1 + \"a\"") == ["1:21: cannot add number and text"])
  }

  @Test func refusesAConditionThatMayBeMissing() {
    #expect(
      diagnostics(of: "let x = mean(y in [1]: y)\nif x == 1 then 1 else 2")
        == ["2:4: the condition of \"if\" may be missing"])
  }

  @Test func refusesGradesOfDifferentScales() {
    #expect(
      diagnostics(of: "A < Pass") == ["1:1: cannot compare grade (SQA) with grade (Pass/Fail)"])
  }

  @Test func refusesRecursionThroughAnotherFunction() {
    let found = diagnostics(of: "let f(x) = g(x)\nlet g(x) = f(x)\nf(1)")
    #expect(found.contains { $0.contains("recursion is not allowed") })
  }

  @Test func refusesABindingThatDependsOnItself() {
    #expect(diagnostics(of: "let a = b\nlet b = a").contains { $0.contains("depends on itself") })
  }

  @Test func suggestsAFieldOfTheRowsBeingQueried() {
    #expect(
      diagnostics(of: "learners where midyiss > 100")
        == ["1:16: unknown name \"midyiss\""])
  }

  @Test func refusesAFieldARecordDoesNotHave() {
    #expect(
      diagnostics(of: "enrolments | show learner.nmae")
        == ["1:27: learner has no field \"nmae\""])
  }

  @Test func refusesACohortThatIsNotATable() {
    #expect(
      diagnostics(of: "cohort few = 3") == [
        "1:14: a cohort is a table of rows, such as learners; found number"
      ])
  }

  @Test func typesAnAggregateOfAGroup() {
    #expect(diagnostics(of: "results | group by subject | show subject, mean(year)").isEmpty)
    #expect(
      diagnostics(of: "results | group by subject | show mean(subject)")
        == ["1:40: mean of a group needs numbers, found text"])
  }

  @Test func checksAFunctionForEachListOfArgumentTypes() throws {
    #expect(try values(of: "let twice(x) = x + x\ntwice(2)\ntwice(\"ab\")") == ["4", "abab"])
  }
}
