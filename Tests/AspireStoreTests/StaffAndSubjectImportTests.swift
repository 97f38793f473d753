import Testing

@testable import AspireStore

@Suite struct StaffImportTests {
  @Test func addsStaffWithDefaultMentorCapacity() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(
      .staff,
      """
      id,name,email,roles,faculty
      T1,Ann,ann@school.org, Teacher ; mentor ,Maths
      """, into: store)
    #expect(lines(outcome) == [])
    let row = try store.database.query("SELECT roles, faculty, mentor_capacity FROM staff")
    #expect(row == [[.text("teacher;mentor"), .text("Maths"), .integer(6)]])
  }

  @Test func reportsAnUnknownRole() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(
      .staff, "id,name,email,roles\nT1,Ann,ann@school.org,teacher;boss\n", into: store)
    #expect(
      lines(outcome) == [
        "staff.csv:2: error: roles \"teacher;boss\" is not a list of roles; expected roles "
          + "separated by ; from teacher, mentor, faculty_head, pupil_support, senior_leader"
      ])
  }

  @Test func reportsAMalformedEmail() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(
      .staff, "id,name,email,roles\nT1,Ann,ann.school.org,teacher\n", into: store)
    #expect(
      lines(outcome) == [
        "staff.csv:2: error: email \"ann.school.org\" is not an email address; "
          + "expected an address like name@example.org"
      ])
  }

  /// Addresses a message could not be sent to are refused where they come in.
  @Test(arguments: ["<ann@school.org>", "ann..b@school.org", "ann@localhost", "ann@sch_ool.org"])
  func reportsAnAddressNoMessageCouldBeSentTo(_ address: String) throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(
      .staff, "id,name,email,roles\nT1,Ann,\(address),teacher\n", into: store)
    #expect(
      lines(outcome) == [
        "staff.csv:2: error: email \"\(address)\" is not an email address; "
          + "expected an address like name@example.org"
      ])
  }

  @Test func reportsANegativeMentorCapacity() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(
      .staff, "id,name,email,roles,mentor_capacity\nT1,Ann,a@b.org,mentor,-1\n", into: store)
    #expect(
      lines(outcome) == [
        "staff.csv:2: error: mentor_capacity \"-1\" is not a capacity; "
          + "expected a whole number from 0 up"
      ])
  }
}

@Suite struct SubjectImportTests {
  @Test func addsSubjectsWithOptionalSQACode() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(
      .subjects, "subject,faculty,sqa_code\nMaths,Mathematics,C847\n", into: store)
    #expect(outcome.added == 1)
    #expect(
      try store.database.query("SELECT * FROM subjects") == [
        [.text("Maths"), .text("Mathematics"), .text("C847")]
      ])
  }

  @Test func reportsAnEmptyFaculty() throws {
    let scratch = Scratch()
    let store = try scratch.store()
    let outcome = try load(.subjects, "subject,faculty\nMaths,\n", into: store)
    #expect(lines(outcome) == ["subjects.csv:2: error: faculty is empty; expected a faculty name"])
  }
}
