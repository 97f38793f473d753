import AspireModel
import Foundation

/// Writes generated schools to the demo's eight CSV files, one school after
/// another, so that a national run never holds more than one school in memory.
final class DemoWriter {
  private var staff: CSVWriter
  private var subjects: CSVWriter
  private var previousLearners: CSVWriter
  private var currentLearners: CSVWriter
  private var contacts: CSVWriter
  private var previousEnrolments: CSVWriter
  private var currentEnrolments: CSVWriter
  private var results: CSVWriter
  /// The demo school's year: each round's returns, then the meetings, then
  /// August's results.
  private var yearFiles: [(kind: DemoFileKind, writer: CSVWriter)] = []
  private var directory: URL

  /// Everything a row needs that is the same in every row, encoded once.
  let encoded = EncodedText()
  private(set) var schools = 0
  private(set) var distinctLearners = 0

  /// Creates the eight files in `directory` (creating it if needed) with their headers.
  init(directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    self.directory = directory
    func file(_ name: String, _ header: [String]) throws -> CSVWriter {
      try CSVWriter(url: directory.appendingPathComponent(name), header: header)
    }
    let previous = DemoCalendar.previous
    let current = DemoCalendar.current
    staff = try file("staff.csv", DemoColumns.staff)
    subjects = try file("subjects.csv", DemoColumns.subjects)
    previousLearners = try file("learners-\(previous).csv", DemoColumns.learners)
    currentLearners = try file("learners-\(current).csv", DemoColumns.learners)
    contacts = try file("contacts.csv", DemoColumns.contacts)
    previousEnrolments = try file("enrolments-\(previous).csv", DemoColumns.enrolments)
    currentEnrolments = try file("enrolments-\(current).csv", DemoColumns.enrolments)
    results = try file("results-\(DemoCalendar.resultsYear).csv", DemoColumns.results)
  }

  /// Writes the subjects file, the same for every school.
  func writeSubjects() throws {
    for subject in DemoCurriculum.subjects {
      subjects.text(subject.name)
      subjects.text(subject.faculty.name)
      subjects.text(subject.sqaCode)
      try subjects.endRow()
    }
  }

  /// Writes one school's rows to every file.
  func write(_ school: GeneratedSchool) throws {
    let rows = SchoolRows(school: school, encoded: encoded)
    try rows.writeStaff(to: &staff)
    try rows.writeLearners(inYear: DemoCalendar.previous.startYear, to: &previousLearners)
    try rows.writeLearners(inYear: DemoCalendar.current.startYear, to: &currentLearners)
    distinctLearners += try rows.writeContacts(to: &contacts)
    try rows.writeEnrolments(school.courses.previousSession, to: &previousEnrolments)
    try rows.writeEnrolments(school.courses.currentSession, to: &currentEnrolments)
    try rows.writeResults(school.courses.previousSession, to: &results)
    schools += 1
  }

  /// Writes the demo school's year: the teachers' returns of each round,
  /// one file a round, and the mentor meetings.
  func writeYear(_ school: GeneratedSchool) throws {
    let rows = SchoolRows(school: school, encoded: encoded)
    let year = SchoolYear(school: school, staffID: rows.staffID, learnerID: rows.learnerID)
    let courses = school.courses.currentSession
    let session = DemoCalendar.current
    for (index, marks) in year.marks.enumerated() {
      var file = try CSVWriter(
        url: directory.appendingPathComponent("assessments-\(session)-round-\(index + 1).csv"),
        header: DemoColumns.assessments)
      for mark in marks {
        let course = courses[mark.course]
        file.text(rows.learnerID(school.roll.learners[course.learner].number))
        file.bytes(encoded.subjectNames[course.subject])
        file.integer(mark.round)
        file.text(mark.status.letter)
        file.text(mark.comment)
        file.text(rows.staffID(course.teacher))
        file.empty()
        try file.endRow()
      }
      yearFiles.append((.assessments, file))
    }
    var meetings = try CSVWriter(
      url: directory.appendingPathComponent("meetings-\(session).csv"),
      header: DemoColumns.meetings)
    for meeting in year.meetings {
      meetings.text(rows.learnerID(school.roll.learners[meeting.learner].number))
      meetings.integer(meeting.round)
      meetings.text(meeting.mentor)
      meetings.text(meeting.date.description)
      if let subject = meeting.subject {
        meetings.bytes(encoded.subjectNames[subject])
      } else {
        meetings.empty()
      }
      if let own = meeting.selfStatus { meetings.text(own.letter) } else { meetings.empty() }
      if let action = meeting.action { meetings.text(action) } else { meetings.empty() }
      meetings.boolean(meeting.familyVisible)
      try meetings.endRow()
    }
    yearFiles.append((.meetings, meetings))

    var august = try CSVWriter(
      url: directory.appendingPathComponent("results-\(session.resultsYear).csv"),
      header: DemoColumns.results)
    let results = AugustResults.grades(
      courses, finalStatuses: year.finalStatuses, seed: school.plan.seed)
    for (index, grade) in results {
      let course = courses[index]
      august.text(rows.learnerID(school.roll.learners[course.learner].number))
      august.bytes(encoded.subjectNames[course.subject])
      august.bytes(encoded.name(of: course.level))
      august.bytes(encoded.name(of: grade))
      august.integer(session.resultsYear)
      try august.endRow()
    }
    yearFiles.append((.results, august))
  }

  /// Closes every file and lists them in import order.
  func finish() throws -> DemoFiles {
    try staff.close()
    try subjects.close()
    try previousLearners.close()
    try currentLearners.close()
    try contacts.close()
    try previousEnrolments.close()
    try currentEnrolments.close()
    try results.close()
    for index in yearFiles.indices { try yearFiles[index].writer.close() }

    let previous = DemoCalendar.previous
    let current = DemoCalendar.current
    let ordered: [(DemoFileKind, CSVWriter, Session?)] = [
      (.staff, staff, nil), (.subjects, subjects, nil),
      (.learners, previousLearners, previous), (.learners, currentLearners, current),
      (.contacts, contacts, nil),
      (.enrolments, previousEnrolments, previous), (.enrolments, currentEnrolments, current),
      (.results, results, nil),
    ]
    var summary = DemoSummary(
      schools: schools, staff: staff.rows, subjects: subjects.rows,
      learners: [previous: previousLearners.rows, current: currentLearners.rows],
      distinctLearners: distinctLearners, contacts: contacts.rows,
      enrolments: [previous: previousEnrolments.rows, current: currentEnrolments.rows],
      results: results.rows)
    summary.returns = yearFiles.filter { $0.kind == .assessments }.reduce(0) { $0 + $1.writer.rows }
    summary.meetings = yearFiles.filter { $0.kind == .meetings }.reduce(0) { $0 + $1.writer.rows }
    let files =
      ordered.map { kind, writer, session in
        DemoFile(kind: kind, url: writer.url, session: session, rows: writer.rows, phase: .roll)
      }
      + yearFiles.map { kind, writer in
        kind == .results
          ? DemoFile(kind: kind, url: writer.url, session: nil, rows: writer.rows, phase: .august)
          : DemoFile(kind: kind, url: writer.url, session: current, rows: writer.rows, phase: .year)
      }
    return DemoFiles(files: files, summary: summary)
  }
}

/// Text that every school's rows repeat, as UTF-8 bytes made once: subject
/// names and class codes, level names and grade names on each level.
struct EncodedText {
  let subjectNames = DemoCurriculum.subjects.map { Array($0.name.utf8) }
  let classCodes = DemoCurriculum.subjects.map { Array($0.classCode.utf8) }
  let stageDigits = Stage.allCases.map { Array(String($0.rawValue).utf8) }
  let stageNames = Stage.allCases.map { Array($0.description.utf8) }
  let houseLetters = (0..<26).map { [UInt8(ascii: "A") + UInt8($0)] }
  /// By `Gender.rawValue`.
  let genders = Gender.allCases.map { Array($0.letter.utf8) }
  /// By `Relationship.rawValue`.
  let relationships = Relationship.allCases.map { Array($0.name.utf8) }
  /// Level names and grade names, by `Level.order`.
  private let levelNames: [[UInt8]]
  private let gradeNames: [[[UInt8]]]

  init() {
    var levelNames = Array(repeating: [UInt8](), count: Level.allCases.count)
    var gradeNames = Array(repeating: [[UInt8]](), count: Level.allCases.count)
    for level in Level.allCases {
      levelNames[level.order] = Array(level.rawValue.utf8)
      gradeNames[level.order] = level.scale.grades.map { Array($0.utf8) }
    }
    self.levelNames = levelNames
    self.gradeNames = gradeNames
  }

  /// The level as the files write it: `N5`, `H`.
  func name(of level: Level) -> [UInt8] {
    levelNames[level.order]
  }

  /// The grade's name on its level's scale: `A`, `No Award`, `Pass`, `Fourth`.
  func name(of grade: CourseGrade) -> [UInt8] {
    gradeNames[grade.level.order][Int(grade.rank)]
  }
}
