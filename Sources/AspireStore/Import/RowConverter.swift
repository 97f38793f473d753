import AspireModel

/// Turns one kind of data row into the table rows it stands for, reporting
/// every cell that is wrong to the row reader.
protocol RowConverter {
  /// The tables this kind writes; the first holds the row the file's key names.
  var tables: [MergeTable] { get }
  /// The writes for the reader's current row (possibly incomplete when the row
  /// has problems).
  func convert(_ row: inout RowReader) -> [RowWrite]
}

/// The ids already in the store that a data row may refer to.
struct KnownIDs {
  /// The first column of every row of `sql`, as text.
  static func load(_ sql: String, from database: Database) throws -> Set<String> {
    let statement = try database.prepare(sql)
    try statement.bind([])
    defer { statement.reset() }
    var ids = Set<String>()
    while try statement.step() {
      if let id = statement.text(at: 0) { ids.insert(id) }
    }
    return ids
  }

  /// Every learner id.
  static func learners(in database: Database) throws -> Set<String> {
    try load("SELECT id FROM learners", from: database)
  }

  /// Every staff id.
  static func staff(in database: Database) throws -> Set<String> {
    try load("SELECT id FROM staff", from: database)
  }

  /// Every subject name.
  static func subjects(in database: Database) throws -> Set<String> {
    try load("SELECT subject FROM subjects", from: database)
  }
}

extension ImportKind {
  /// The converter for this kind's rows, with the store's ids it needs loaded.
  func converter(database: Database, session: Session) throws -> any RowConverter {
    switch self {
    case .learners:
      return LearnerRows(session: session, staff: try KnownIDs.staff(in: database))
    case .contacts:
      return ContactRows(learners: try KnownIDs.learners(in: database))
    case .staff:
      return StaffRows()
    case .subjects:
      return SubjectRows()
    case .enrolments:
      return EnrolmentRows(session: session, known: try CourseReferences(database: database))
    case .assessments:
      return try AssessmentRows(session: session, database: database)
    case .meetings:
      return try MeetingRows(session: session, database: database)
    case .results:
      return ResultRows(known: try CourseReferences(database: database))
    }
  }
}

/// The learners, subjects and staff a course row may name.
struct CourseReferences {
  let learners: Set<String>
  let subjects: Set<String>
  let staff: Set<String>

  /// Loads the three sets from the store.
  init(database: Database) throws {
    learners = try KnownIDs.learners(in: database)
    subjects = try KnownIDs.subjects(in: database)
    staff = try KnownIDs.staff(in: database)
  }
}
