import AspireModel

/// The school's tables as scripts see them. Each has a record type; fields
/// that name another record (an enrolment's `learner`) are links to it.
public enum Entity: String, CaseIterable, Sendable {
  case learners, staff, subjects, enrolments, results, contacts, assessments

  /// Whether the table's rows belong to a session (a learner's stage does).
  public var isPerSession: Bool {
    switch self {
    case .learners, .enrolments, .assessments: return true
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
      Field("withdrawn", .boolean),
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

  static let assessment = RecordType(
    name: "assessment",
    fields: [
      Field("session", .text), Field("learner", .record(learner)), Field("subject", .text),
      Field("round", .number), Field("status", .status), Field("comment", .optional(.text)),
      Field("teacher", .optional(.record(staffMember))),
      Field("working_grade", .optional(.grade(.perRow))),
    ], entity: .assessments)
}
