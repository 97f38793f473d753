import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore

/// Loads the school's tables from the store into columns, once each, for a
/// default session. Links between tables (an enrolment's learner and
/// teacher) become row references into the linked table.
public final class StoreDataSource: DataSource {
  public let store: Store
  /// The session tables mean when a script names no other.
  public let defaultSession: Session
  private var cache: [String: TableData] = [:]

  /// Forgets every loaded table, after a statement changed the store.
  public func reload() {
    cache = [:]
    sessionOf = [:]
    relatedCache = [:]
    unlinkedKeys = [:]
    idIndexes = [:]
  }
  /// The session each loaded per-session table belongs to.
  var sessionOf: [ObjectIdentifier: Session] = [:]
  /// For each loaded table, by link field, the ids of the rows whose link
  /// found no row: a result's learner is known by id even when the learner
  /// has no stage in the session its link points into.
  var unlinkedKeys: [ObjectIdentifier: [String: [Int: String]]] = [:]
  /// The rows of each table others link to, by id.
  var idIndexes: [ObjectIdentifier: IdIndex] = [:]
  var relatedCache: [String: Relationship] = [:]

  /// The date scripts run as of: a flag's age is counted to it.
  public var today: CalendarDate

  public init(store: Store, defaultSession: Session, today: CalendarDate? = nil) {
    self.store = store
    self.defaultSession = defaultSession
    self.today = today ?? defaultSession.firstDay
  }

  public func table(_ entity: Entity, selector: Value?) throws -> TableData {
    var session = defaultSession
    var year: Int?
    switch selector {
    case .text(let name)?:
      guard let named = Session(parsing: name) else {
        throw DataSourceError("\"\(name)\" is not a session; write one as \"2026-27\"")
      }
      session = named
    case .number(let number)?:
      year = Int(number)
    default:
      break
    }
    do {
      switch entity {
      case .learners: return try perSession("learners", session) { try loadLearners(session) }
      case .staff: return try cached("staff") { try loadStaff() }
      case .subjects: return try cached("subjects") { try loadSubjects() }
      case .enrolments:
        return try perSession("enrolments", session) { try loadEnrolments(session) }
      case .assessments:
        return try perSession("assessments", session) { try loadAssessments(session) }
      case .contacts: return try cached("contacts") { try loadContacts() }
      case .meetings: return try perSession("meetings", session) { try loadMeetings(session) }
      case .flags: return try perSession("flags", session) { try loadFlags(session) }
      case .rounds: return try perSession("rounds", session) { try loadRounds(session) }
      case .results:
        let chosen = try year ?? latestResultsYear()
        return try cached("results \(chosen)") { try loadResults(chosen) }
      }
    } catch let error as DatabaseError {
      throw DataSourceError("the store could not be read: \(error.message)")
    }
  }

  func cached(_ key: String, _ load: () throws -> TableData) throws -> TableData {
    if let table = cache[key] { return table }
    let table = try load()
    cache[key] = table
    return table
  }

  func learners(_ session: Session) throws -> TableData {
    try perSession("learners", session) { try loadLearners(session) }
  }

  /// Loads a table of one session, remembering which session it is.
  func perSession(_ key: String, _ session: Session, _ load: () throws -> TableData) throws
    -> TableData
  {
    let table = try cached("\(key) \(session)", load)
    sessionOf[ObjectIdentifier(table)] = session
    return table
  }

  /// The latest year with results at or before the default session's own.
  func latestResultsYear() throws -> Int {
    let value = try store.database.scalar(
      "SELECT max(year) FROM results WHERE year <= ?",
      [.integer(Int64(defaultSession.resultsYear))])
    return Int(value.integer ?? Int64(defaultSession.startYear))
  }

  // MARK: - Loading

  func loadStaff() throws -> TableData {
    try load(
      Entity.staff,
      sql: "SELECT id, name, email, roles, faculty, mentor_capacity FROM staff ORDER BY id",
      [])
  }

  func loadSubjects() throws -> TableData {
    try load(
      Entity.subjects, sql: "SELECT subject, faculty, sqa_code FROM subjects ORDER BY subject",
      [])
  }

  func loadLearners(_ session: Session) throws -> TableData {
    let staff = try table(.staff, selector: nil)
    return try load(
      Entity.learners,
      sql: """
        SELECT l.id, l.name, s.session, s.stage, l.registration, l.gender, l.simd_decile,
          l.midyis, l.asn, l.fsm, l.looked_after, l.pupil_support, l.scn, m.mentor_id
        FROM learner_stages s JOIN learners l ON l.id = s.learner_id
        LEFT JOIN mentor_allocations m ON m.session = s.session AND m.learner_id = l.id
          AND m.to_day IS NULL
        WHERE s.session = ? ORDER BY l.id
        """,
      [.text(session.description)], links: ["pupil_support": staff, "mentor": staff])
  }

  func loadEnrolments(_ session: Session) throws -> TableData {
    let links = ["learner": try learners(session), "teacher": try table(.staff, selector: nil)]
    // The faculty and the open target, left empty here, are joined after
    // (see EnrolmentJoins.swift), from the same state of the store.
    let loaded = try store.database.reading {
      let enrolments = try readColumns(
        Entity.enrolments,
        sql: """
          SELECT session, learner_id, subject, NULL, level, class, teacher_id, predicted, prior,
            prior_level, withdrawn, NULL
          FROM enrolments WHERE session = ? ORDER BY learner_id, subject
          """,
        [.text(session.description)], links: links)
      return try joiningTargets(try joiningFaculties(enrolments), session)
    }
    return table(from: loaded)
  }

  func loadAssessments(_ session: Session) throws -> TableData {
    let links = ["learner": try learners(session), "teacher": try table(.staff, selector: nil)]
    return try load(
      Entity.assessments,
      sql: """
        SELECT a.session, a.learner_id, a.subject, a.round, a.status, a.comment, a.teacher_id,
          a.working_grade, e.level
        FROM assessments a LEFT JOIN enrolments e ON e.session = a.session
          AND e.learner_id = a.learner_id AND e.subject = a.subject
        WHERE a.session = ? ORDER BY a.learner_id, a.subject, a.round
        """,
      [.text(session.description)], links: links)
  }

  func loadContacts() throws -> TableData {
    try load(
      Entity.contacts,
      sql: """
        SELECT learner_id, name, email, relationship, receives_reports
        FROM contacts ORDER BY learner_id, id
        """,
      [], links: ["learner": try learners(defaultSession)])
  }

  func loadMeetings(_ session: Session) throws -> TableData {
    let links = ["learner": try learners(session), "mentor": try table(.staff, selector: nil)]
    return try load(
      Entity.meetings,
      sql: """
        SELECT session, learner_id, round, mentor_id, date, NULLIF(subject, ''), self_status,
          action, family_visible
        FROM meetings WHERE session = ? ORDER BY learner_id, round, subject
        """,
      [.text(session.description)], links: links)
  }

  func loadFlags(_ session: Session) throws -> TableData {
    let links = ["learner": try learners(session), "owner": try table(.staff, selector: nil)]
    return try load(
      Entity.flags,
      sql: """
        SELECT id, session, learner_id, rule, round, NULLIF(subject, ''), role, owner_id,
          message, raised_on, julianday(?) - julianday(raised_on), closed_at IS NOT NULL, note
        FROM flags WHERE session = ? ORDER BY id
        """,
      [.text(today.description), .text(session.description)], links: links)
  }

  func loadRounds(_ session: Session) throws -> TableData {
    try load(
      Entity.rounds,
      sql: """
        SELECT session, schedule, round, start, end, planned FROM rounds
        WHERE session = ? ORDER BY schedule, round
        """,
      [.text(session.description)])
  }

  func loadResults(_ year: Int) throws -> TableData {
    let session = Session(resultsYear: year)
    return try load(
      Entity.results,
      sql: """
        SELECT learner_id, subject, level, grade, year FROM results
        WHERE year = ? ORDER BY learner_id, subject, level
        """,
      [.integer(Int64(year))], links: ["learner": try learners(session)])
  }
}
