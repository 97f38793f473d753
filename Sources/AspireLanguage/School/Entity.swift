import AspireModel

/// The school's tables as scripts see them. Each has a record type; fields
/// that name another record (an enrolment's `learner`) are links to it.
public enum Entity: String, CaseIterable, Sendable {
  case learners, staff, subjects, enrolments, results, contacts, assessments
  case meetings, flags, rounds

  /// Whether the table's rows belong to a session (a learner's stage does).
  public var isPerSession: Bool {
    switch self {
    case .learners, .enrolments, .assessments, .meetings, .flags, .rounds: return true
    default: return false
    }
  }

  /// The record type of one row.
  public var recordType: RecordType {
    switch self {
    case .learners: return Entity.learner
    case .staff: return Entity.staffMember
    case .subjects: return Entity.subject
    case .enrolments: return Entity.enrolment
    case .results: return Entity.result
    case .contacts: return Entity.contact
    case .assessments: return Entity.assessment
    case .meetings: return Entity.meeting
    case .flags: return Entity.flag
    case .rounds: return Entity.round
    }
  }

  typealias Field = RecordType.Field

  static let staffMember = RecordType(
    name: "staff member",
    fields: [
      Field("id", .text), Field("name", .text), Field("email", .text), Field("roles", .text),
      Field("faculty", .optional(.text)), Field("mentor_capacity", .number),
    ], entity: .staff)

  static let learner = RecordType(
    name: "learner",
    fields: [
      Field("id", .text), Field("name", .text), Field("session", .text), Field("stage", .stage),
      Field("registration", .optional(.text)), Field("gender", .optional(.text)),
      Field("simd_decile", .optional(.number)), Field("midyis", .optional(.number)),
      Field("asn", .optional(.boolean)), Field("fsm", .optional(.boolean)),
      Field("looked_after", .optional(.boolean)),
      Field("pupil_support", .optional(.record(staffMember))), Field("scn", .optional(.text)),
      Field("mentor", .optional(.record(staffMember))),
    ], entity: .learners)

  static let subject = RecordType(
    name: "subject",
    fields: [
      Field("subject", .text), Field("faculty", .text), Field("sqa_code", .optional(.text)),
    ], entity: .subjects)

  static let enrolment = RecordType(
    name: "enrolment",
    fields: [
      Field("session", .text), Field("learner", .record(learner)), Field("subject", .text),
      Field("faculty", .text), Field("level", .level), Field("class", .text),
      Field("teacher", .record(staffMember)), Field("predicted", .optional(.grade(.perRow))),
      Field("prior", .optional(.grade(.perRow))), Field("prior_level", .optional(.level)),
      Field("withdrawn", .boolean), Field("target", .optional(.grade(.perRow))),
    ], entity: .enrolments)

  static let result = RecordType(
    name: "result",
    fields: [
      Field("learner", .record(learner)), Field("subject", .text), Field("level", .level),
      Field("grade", .grade(.perRow)), Field("year", .number),
    ], entity: .results)

  static let contact = RecordType(
    name: "contact",
    fields: [
      Field("learner", .optional(.record(learner))), Field("name", .text), Field("email", .text),
      Field("relationship", .optional(.text)), Field("receives_reports", .boolean),
    ], entity: .contacts)

  static let meeting = RecordType(
    name: "meeting",
    fields: [
      Field("session", .text), Field("learner", .record(learner)), Field("round", .number),
      Field("mentor", .optional(.record(staffMember))), Field("date", .date),
      Field("subject", .optional(.text)), Field("self_status", .optional(.status)),
      Field("action", .optional(.text)), Field("family_visible", .boolean),
    ], entity: .meetings)

  static let flag = RecordType(
    name: "flag",
    fields: [
      Field("id", .number), Field("session", .text), Field("learner", .record(learner)),
      Field("rule", .text), Field("round", .number), Field("subject", .optional(.text)),
      Field("role", .text), Field("owner", .record(staffMember)), Field("message", .text),
      Field("raised_on", .date), Field("age", .number), Field("closed", .boolean),
      Field("note", .optional(.text)),
    ], entity: .flags)

  static let round = RecordType(
    name: "round",
    fields: [
      Field("session", .text), Field("schedule", .text), Field("round", .number),
      Field("start", .date), Field("end", .date), Field("planned", .date),
    ], entity: .rounds)

  static let assessment = RecordType(
    name: "assessment",
    fields: [
      Field("session", .text), Field("learner", .record(learner)), Field("subject", .text),
      Field("round", .number), Field("status", .status), Field("comment", .optional(.text)),
      Field("teacher", .optional(.record(staffMember))),
      Field("working_grade", .optional(.grade(.perRow))),
    ], entity: .assessments)
}

/// Rows of another table that belong to a row: a learner's enrolments, an
/// enrolment's teachers' marks. Rows match where the key fields agree.
public struct Relation: Hashable, Sendable {
  /// Which of the child's sessions a parent of session S sees.
  public enum Timing: Hashable, Sendable {
    /// The same session (a learner's enrolments this session).
    case sameSession
    /// The results of the August the parent's session starts in: the exams
    /// of the session before (a learner's results, the grade point evidence).
    case resultsBefore
    /// The results of the August the parent's session ends in.
    case resultsAfter
    /// Not tied to a session (a learner's contacts).
    case always
  }

  public let name: String
  public let child: Entity
  /// Paths of fields of the parent, and of the child, whose values must agree.
  public let parentKeys: [String]
  public let childKeys: [String]
  public let timing: Timing
}

extension Entity {
  /// The related rows each row of this table can reach by name.
  public var relations: [Relation] {
    switch self {
    case .learners:
      return [
        Relation(
          name: "enrolments", child: .enrolments, parentKeys: ["id"],
          childKeys: ["learner.id"], timing: .sameSession),
        Relation(
          name: "assessments", child: .assessments, parentKeys: ["id"],
          childKeys: ["learner.id"], timing: .sameSession),
        Relation(
          name: "contacts", child: .contacts, parentKeys: ["id"], childKeys: ["learner.id"],
          timing: .always),
        Relation(
          name: "results", child: .results, parentKeys: ["id"], childKeys: ["learner.id"],
          timing: .resultsBefore),
        Relation(
          name: "meetings", child: .meetings, parentKeys: ["id"], childKeys: ["learner.id"],
          timing: .sameSession),
        Relation(
          name: "flags", child: .flags, parentKeys: ["id"], childKeys: ["learner.id"],
          timing: .sameSession),
      ]
    case .enrolments:
      return [
        Relation(
          name: "assessments", child: .assessments, parentKeys: ["learner.id", "subject"],
          childKeys: ["learner.id", "subject"], timing: .sameSession),
        Relation(
          name: "results", child: .results, parentKeys: ["learner.id", "subject"],
          childKeys: ["learner.id", "subject"], timing: .resultsAfter),
      ]
    default:
      return []
    }
  }

  /// The relation called `name`, if this table has one.
  public func relation(named name: String) -> Relation? {
    relations.first { $0.name == name }
  }
}
