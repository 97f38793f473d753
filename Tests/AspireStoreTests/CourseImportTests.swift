import Testing

@testable import AspireStore

@Suite struct EnrolmentImportTests {
  let header = "learner_id,subject,level,class,teacher_id,predicted,prior,prior_level,withdrawn"

  @Test func addsEnrolmentsForTheSession() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(
      .enrolments,
      """
      \(header)
      L1,Maths,National 5,4M1,T1,B,Pass,N4,
      L2,English,H,5E1,T2,na,A,,yes
      """, into: store)
    #expect(lines(outcome) == [])
    #expect(outcome.added == 2)
    let rows = try store.texts(
      """
      SELECT session || ' ' || learner_id || ' ' || level || ' ' || predicted || ' ' || prior
        || ' ' || ifnull(prior_level, '-') || ' ' || withdrawn FROM enrolments ORDER BY learner_id
      """)
    #expect(rows == ["2026-27 L1 N5 B Pass N4 0", "2026-27 L2 H No Award A - 1"])
  }

  @Test func reportsAnUnknownSubject() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.enrolments, "\(header)\nL1,Latin,N5,4L1,T1,,,,\n", into: store)
    #expect(
      lines(outcome) == [
        "enrolments.csv:2: error: subject \"Latin\" is not a known subject; import subjects first"
      ])
  }

  @Test func reportsAnUnknownTeacher() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.enrolments, "\(header)\nL1,Maths,N5,4M1,T7,,,,\n", into: store)
    #expect(
      lines(outcome) == [
        "enrolments.csv:2: error: teacher_id \"T7\" is not a known staff id; import staff first"
      ])
  }

  @Test func reportsAnUnknownLevel() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.enrolments, "\(header)\nL1,Maths,N6,4M1,T1,,,,\n", into: store)
    #expect(
      lines(outcome) == [
        "enrolments.csv:2: error: level \"N6\" is not a level; expected N3, N4, N5, H, AH or BGE"
      ])
  }

  @Test func reportsAPredictionOffTheLevelsScale() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.enrolments, "\(header)\nL1,Maths,N4,4M1,T1,B,,,\n", into: store)
    #expect(
      lines(outcome) == [
        "enrolments.csv:2: error: predicted \"B\" is not a grade on N4; expected Pass or Fail"
      ])
  }

  @Test func checksAPriorGradeOnThePriorLevel() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.enrolments, "\(header)\nL1,Maths,N5,4M1,T1,,A,BGE,\n", into: store)
    #expect(
      lines(outcome) == [
        "enrolments.csv:2: error: prior \"A\" is not a grade on BGE; "
          + "expected Early, First, Second, Third or Fourth"
      ])
  }

  @Test func reportsEveryBadRowOfTheFile() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(
      .enrolments,
      """
      \(header)
      L1,Maths,N5,4M1,T1,,,,
      L2,Maths,N5,4M1,T1,,,,maybe
      L3,Maths,N5,4M1,T1,E,,,
      L1,Maths,H,4M1,T1,,,,
      """, into: store)
    #expect(
      lines(outcome) == [
        "enrolments.csv:3: error: withdrawn \"maybe\" is not true or false; "
          + "expected true/false, yes/no, y/n or 1/0",
        "enrolments.csv:4: error: predicted \"E\" is not a grade on N5; "
          + "expected A, B, C, D or No Award",
        "enrolments.csv:5: error: duplicate learner_id \"L1\", subject \"Maths\"; first on line 2",
      ])
  }
}

@Suite struct AssessmentImportTests {
  let header = "learner_id,subject,round,status,comment,teacher_id,working_grade"

  func enrol(_ store: Store) throws {
    try load(
      .enrolments,
      """
      learner_id,subject,level,class,teacher_id
      L1,Maths,N5,4M1,T1
      L2,Maths,N4,4M2,T1
      """, into: store)
  }

  @Test func addsMarksForTheSession() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try enrol(store)
    let outcome = try load(
      .assessments,
      """
      \(header)
      L1,Maths,1,a,"Show working, always",T1,B
      L2,Maths,1,Below,,,pass
      """, into: store)
    #expect(lines(outcome) == [])
    let rows = try store.texts(
      """
      SELECT learner_id || ' ' || round || ' ' || status || ' ' || ifnull(working_grade, '-')
      FROM assessments ORDER BY learner_id
      """)
    #expect(rows == ["L1 1 A B", "L2 1 B Pass"])
  }

  @Test func reportsAStatusOtherThanAOB() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try enrol(store)
    let outcome = try load(.assessments, "\(header)\nL1,Maths,1,X,,,\n", into: store)
    #expect(
      lines(outcome) == [
        "assessments.csv:2: error: status \"X\" is not a status; expected A, O or B"
      ])
  }

  @Test func reportsAMeetingDateOutsideTheSessionAsTheFileWroteIt() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try enrol(store)
    let outcome = try load(
      .meetings, "learner_id,round,mentor_id,date\nL1,1,T1,31/07/2026\n", into: store)
    #expect(
      lines(outcome) == [
        "meetings.csv:2: error: date \"31/07/2026\" is not in the session 2026-27; "
          + "expected 2026-08-01 to 2027-07-31"
      ])
  }

  @Test func reportsARoundBelowOne() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try enrol(store)
    let outcome = try load(.assessments, "\(header)\nL1,Maths,0,A,,,\n", into: store)
    #expect(
      lines(outcome) == [
        "assessments.csv:2: error: round \"0\" is not a round; expected a whole number from 1 up"
      ])
  }

  @Test func checksAWorkingGradeOnTheEnrolmentsLevel() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try enrol(store)
    let outcome = try load(.assessments, "\(header)\nL2,Maths,1,O,,,C\n", into: store)
    #expect(
      lines(outcome) == [
        "assessments.csv:2: error: working_grade \"C\" is not a grade on N4; expected Pass or Fail"
      ])
  }

  @Test func reportsADuplicateMarkForTheSameRound() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try enrol(store)
    let outcome = try load(
      .assessments, "\(header)\nL1,Maths,2,A,,,\nL1,Maths,2,B,,,\n", into: store)
    #expect(
      lines(outcome) == [
        "assessments.csv:3: error: duplicate learner_id \"L1\", subject \"Maths\", round \"2\"; "
          + "first on line 2"
      ])
  }
}

@Suite struct ResultImportTests {
  let header = "learner_id,subject,level,grade,year"

  @Test func addsResultsByYear() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(
      .results, "\(header)\nL1,Maths,N5,No Award,2026\nL1,Maths,H,a,2027\n", into: store)
    #expect(outcome.added == 2)
    #expect(
      try store.texts("SELECT level || ' ' || grade || ' ' || year FROM results") == [
        "N5 No Award 2026", "H A 2027",
      ])
  }

  @Test func reportsAGradeOffTheLevelsScale() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.results, "\(header)\nL1,Maths,N5,Pass,2026\n", into: store)
    #expect(
      lines(outcome) == [
        "results.csv:2: error: grade \"Pass\" is not a grade on N5; expected A, B, C, D or No Award"
      ])
  }

  @Test func reportsAYearThatIsNotFourDigits() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.results, "\(header)\nL1,Maths,N5,A,26\n", into: store)
    #expect(
      lines(outcome) == [
        "results.csv:2: error: year \"26\" is not a year; expected a year from 1950 to 2100"
      ]
    )
  }

  @Test func reportsAYearOutsideTheYearsResultsCanCarry() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.results, "\(header)\nL1,Maths,N5,A,0000\n", into: store)
    #expect(
      lines(outcome) == [
        "results.csv:2: error: year \"0000\" is not a year; expected a year from 1950 to 2100"
      ])
  }

  @Test func reportsAnUnknownSubject() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.results, "\(header)\nL1,Latin,N5,A,2026\n", into: store)
    #expect(
      lines(outcome) == [
        "results.csv:2: error: subject \"Latin\" is not a known subject; import subjects first"
      ])
  }
}
