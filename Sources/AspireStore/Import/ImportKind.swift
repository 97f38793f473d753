/// What a data file holds, which decides its columns and how its rows merge.
public enum ImportKind: String, CaseIterable, Sendable {
  case learners
  case contacts
  case staff
  case subjects
  case enrolments
  case assessments
  case meetings
  case results

  /// Reads a kind as the command line names it (`learners`, `staff`, …).
  public init?(name: String) {
    self.init(rawValue: name.lowercased())
  }

  /// The columns every file of this kind must have, in the documented order.
  public var requiredColumns: [String] {
    switch self {
    case .learners: return ["id", "name", "stage"]
    case .contacts: return ["learner_id", "name", "email"]
    case .staff: return ["id", "name", "email", "roles"]
    case .subjects: return ["subject", "faculty"]
    case .enrolments: return ["learner_id", "subject", "level", "class", "teacher_id"]
    case .assessments: return ["learner_id", "subject", "round", "status"]
    case .meetings: return ["learner_id", "round", "mentor_id", "date"]
    case .results: return ["learner_id", "subject", "level", "grade", "year"]
    }
  }

  /// The columns a file may have besides the required ones.
  public var optionalColumns: [String] {
    switch self {
    case .learners:
      return [
        "registration", "gender", "simd_decile", "midyis", "asn", "fsm", "looked_after",
        "pupil_support", "scn",
      ]
    case .contacts: return ["relationship", "receives_reports"]
    case .staff: return ["faculty", "mentor_capacity"]
    case .subjects: return ["sqa_code"]
    case .enrolments: return ["predicted", "prior", "prior_level", "withdrawn"]
    case .assessments: return ["comment", "teacher_id", "working_grade"]
    case .meetings: return ["subject", "self_status", "action", "family_visible"]
    case .results: return []
    }
  }

  /// The file's columns a row is matched on (the session is added for yearly kinds).
  public var keyColumns: [String] {
    switch self {
    case .learners, .staff: return ["id"]
    case .contacts: return ["learner_id", "email"]
    case .subjects: return ["subject"]
    case .enrolments: return ["learner_id", "subject"]
    case .assessments: return ["learner_id", "subject", "round"]
    case .meetings: return ["learner_id", "round", "subject"]
    case .results: return ["learner_id", "subject", "level", "year"]
    }
  }

  /// Whether the file's rows belong to one session (`--session`).
  public var isPerSession: Bool {
    switch self {
    case .learners, .enrolments, .assessments, .meetings: return true
    case .contacts, .staff, .subjects, .results: return false
    }
  }
}
