import AspireLanguage
import AspireModel
import AspireStore

// An enrolment's faculty and open target come from other tables. Joined in
// SQL, each enrolment costs SQLite a search of two indexes and a table; a
// national phase has most of a million enrolments, so they are joined here
// instead: the faculty through the few subjects, the targets by reading them
// in the enrolments' own order and walking both together.

extension StoreDataSource {
  /// Each enrolment's faculty, its subject's in the subjects table. An
  /// enrolment whose subject is not there is left out, as a join leaves it.
  func joiningFaculties(_ loaded: LoadedColumns) throws -> LoadedColumns {
    let subjects = try table(.subjects, selector: nil)
    let record = loaded.record
    guard let subjectField = record.index(of: "subject"),
      let facultyField = record.index(of: "faculty"),
      let nameField = subjects.record.index(of: "subject"),
      let ownFacultyField = subjects.record.index(of: "faculty")
    else { return loaded }
    // Subjects by their exact bytes, as SQLite compares them.
    var names = TextInterner(limit: .max, givesUp: false)
    var faculties: [Value] = []
    for row in 0..<subjects.count {
      guard case .text(var name) = subjects.value(nameField, at: row),
        let number = name.withUTF8({ names.number(of: $0) }), number == faculties.count
      else { continue }
      faculties.append(subjects.value(ownFacultyField, at: row))
    }
    let subjectColumn = loaded.columns[subjectField].valueArray
    var faculty = [Value](repeating: .missing, count: loaded.count)
    var kept: [Int] = []
    kept.reserveCapacity(loaded.count)
    for row in 0..<loaded.count {
      guard case .text(var name) = subjectColumn[row],
        let number = name.withUTF8({ names.number(of: $0) }), number < faculties.count
      else { continue }
      faculty[row] = faculties[number]
      kept.append(row)
    }
    var joined = loaded
    joined.columns[facultyField] = .values(faculty)
    return kept.count == loaded.count ? joined : joined.keeping(kept)
  }

  /// Each enrolment's open target of `session`, read on the enrolment's level.
  func joiningTargets(_ loaded: LoadedColumns, _ session: Session) throws -> LoadedColumns {
    let record = loaded.record
    guard let learnerField = record.index(of: "learner"),
      let subjectField = record.index(of: "subject"), let levelField = record.index(of: "level"),
      let targetField = record.index(of: "target"),
      case .records(let learners, let learnerRows) = loaded.columns[learnerField],
      let ids = idIndex(of: learners)
    else { return loaded }
    // Subjects and targets by number, learners' ids as bytes, in SQLite's order.
    var subjects = TextInterner(limit: .max, givesUp: false)
    var names = TextInterner(limit: .max, givesUp: false)
    var targets = TargetRows()
    try store.database.readRows(
      """
      SELECT learner_id, subject, target FROM targets
      WHERE session = ? AND closed_at IS NULL ORDER BY learner_id, subject
      """, [.text(session.description)]
    ) { batch in
      for row in 0..<batch.count {
        guard let subject = batch.withText(row, 1, { subjects.number(of: $0) }) ?? nil,
          let name = batch.withText(row, 2, { names.number(of: $0) }) ?? nil,
          batch.withText(row, 0, { targets.learners.append(contentsOf: $0) }) != nil
        else { continue }
        targets.learnerEnds.append(targets.learners.count)
        targets.subjects.append(subject)
        targets.names.append(name)
      }
    }

    // Each enrolment's subject by number, then every subject's place in byte order.
    let subjectValues = loaded.columns[subjectField].valueArray
    let subjectNumbers = subjectValues.map { value -> Int in
      guard case .text(var subject) = value else { return -1 }
      return subject.withUTF8 { subjects.number(of: $0) } ?? -1
    }
    let order = subjects.texts.indices.sorted {
      subjects.texts[$0].utf8.lexicographicallyPrecedes(subjects.texts[$1].utf8)
    }
    var place = [Int](repeating: 0, count: order.count)
    for (rank, number) in order.enumerated() { place[number] = rank }

    guard case .levels(let levels) = loaded.columns[levelField] else { return loaded }
    let unlinked = (loaded.unlinked["learner"] ?? [:]).mapValues { Array($0.utf8) }
    func learnerID(_ row: Int) -> ArraySlice<UInt8>? {
      let linked = learnerRows[row]
      if linked >= 0 { return ids.bytes[ids.starts[linked]..<ids.starts[linked + 1]] }
      return unlinked[row]?[...]
    }
    var codes = [Int16](repeating: -2, count: names.texts.count * GradeReader.levelCodes)
    var scale = [UInt8](repeating: 0, count: loaded.count)
    var rank = [Int8](repeating: -1, count: loaded.count)
    var next = 0
    for row in 0..<loaded.count where subjectNumbers[row] >= 0 {
      guard let learner = learnerID(row) else { continue }
      let subject = place[subjectNumbers[row]]
      // Skip the targets before this enrolment: by the learner's id, then the subject.
      func order(_ index: Int) -> Int {
        let byLearner = TargetRows.order(targets.learner(index), learner)
        if byLearner != 0 { return byLearner }
        let other = place[targets.subjects[index]]
        return other == subject ? 0 : (other < subject ? -1 : 1)
      }
      while next < targets.subjects.count && order(next) < 0 { next += 1 }
      guard next < targets.subjects.count && order(next) == 0 else { continue }
      let level = levels[row]
      let slot =
        targets.names[next] * GradeReader.levelCodes + (level?.order ?? Level.allCases.count)
      if codes[slot] == -2 {
        codes[slot] = GradeReader.code(names.texts[targets.names[next]], on: level)
      }
      if codes[slot] >= 0 {
        scale[row] = UInt8(codes[slot] / 128)
        rank[row] = Int8(codes[slot] % 128)
      }
    }
    var joined = loaded
    joined.columns[targetField] = .grades(
      GradeColumn(scales: GradeColumn.builtInScales, scale: scale, rank: rank))
    return joined
  }
}

/// The open targets of a session as read: each one's learner's id as bytes,
/// and its subject and grade by number.
struct TargetRows {
  var learners: [UInt8] = []
  var learnerEnds: [Int] = []
  var subjects: [Int] = []
  var names: [Int] = []

  /// The bytes of target `index`'s learner's id.
  func learner(_ index: Int) -> ArraySlice<UInt8> {
    learners[(index == 0 ? 0 : learnerEnds[index - 1])..<learnerEnds[index]]
  }

  /// -1, 0 or 1 as `a` comes before, with or after `b` in byte order, as
  /// SQLite orders texts.
  static func order(_ a: ArraySlice<UInt8>, _ b: ArraySlice<UInt8>) -> Int {
    for (x, y) in zip(a, b) where x != y { return x < y ? -1 : 1 }
    return a.count == b.count ? 0 : (a.count < b.count ? -1 : 1)
  }
}
