import Testing

@testable import AspireStore

@Suite struct ContactImportTests {
  func receives(_ store: Store) throws -> [String] {
    try store.texts("SELECT email || '=' || receives_reports FROM contacts ORDER BY email")
  }

  @Test func addsContactsWhoReceiveReportsByDefault() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try load(.contacts, "learner_id,name,email\nL1,Mum,mum@home.org\n", into: store)
    #expect(try receives(store) == ["mum@home.org=1"])
  }

  @Test func keepsAnExcludedContactExcludedWhenTheColumnIsAbsent() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try load(
      .contacts, "learner_id,name,email,receives_reports\nL1,Dad,dad@x.org,no\n", into: store)
    try load(.contacts, "learner_id,name,email\nL1,Dad,dad@x.org\n", into: store)
    #expect(try receives(store) == ["dad@x.org=0"])
  }

  @Test func keepsAnExcludedContactExcludedWhenTheCellIsEmpty() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try load(
      .contacts, "learner_id,name,email,receives_reports\nL1,Dad,dad@x.org,no\n", into: store)
    try load(.contacts, "learner_id,name,email,receives_reports\nL1,Dad,dad@x.org,\n", into: store)
    #expect(try receives(store) == ["dad@x.org=0"])
  }

  @Test func includesAnExcludedContactAgainOnlyWhenAFileSaysTrue() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    try load(
      .contacts, "learner_id,name,email,receives_reports\nL1,Dad,dad@x.org,no\n", into: store)
    try load(
      .contacts, "learner_id,name,email,receives_reports\nL1,Dad,DAD@x.org,yes\n", into: store)
    #expect(try receives(store) == ["dad@x.org=1"])
    #expect(try store.count("contacts") == 1)
  }

  @Test func reportsAnUnknownLearner() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(.contacts, "learner_id,name,email\nL9,Mum,mum@home.org\n", into: store)
    #expect(
      lines(outcome) == [
        "contacts.csv:2: error: learner_id \"L9\" is not a known learner; import learners first"
      ])
  }

  @Test func reportsADuplicateContactIgnoringTheCaseOfTheEmail() throws {
    let scratch = Scratch()
    let store = try schoolStore(in: scratch)
    let outcome = try load(
      .contacts, "learner_id,name,email\nL1,Mum,mum@home.org\nL1,Mum,MUM@home.org\n", into: store)
    #expect(
      lines(outcome) == [
        "contacts.csv:3: error: duplicate learner_id \"L1\", email \"MUM@home.org\"; "
          + "first on line 2"
      ])
  }
}
