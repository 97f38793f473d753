/// The header of each demo file: every column `aspire import` knows for the
/// kind, optional ones included, in the order product.md lists them.
enum DemoColumns {
  static let staff = ["id", "name", "email", "roles", "faculty", "mentor_capacity"]
  static let subjects = ["subject", "faculty", "sqa_code"]
  static let learners = [
    "id", "name", "stage", "registration", "gender", "simd_decile", "midyis", "asn", "fsm",
    "looked_after", "pupil_support", "scn",
  ]
  static let contacts = ["learner_id", "name", "email", "relationship", "receives_reports"]
  static let enrolments = [
    "learner_id", "subject", "level", "class", "teacher_id", "predicted", "prior",
    "prior_level", "withdrawn",
  ]
  static let results = ["learner_id", "subject", "level", "grade", "year"]
  static let assessments = [
    "learner_id", "subject", "round", "status", "comment", "teacher_id", "working_grade",
  ]
  static let meetings = [
    "learner_id", "round", "mentor_id", "date", "subject", "self_status", "action",
    "family_visible",
  ]
}
