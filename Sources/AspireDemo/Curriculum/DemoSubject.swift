/// A subject the demo school teaches, with what the generator needs to know
/// about it: who owns it, how popular it is and how hard its exams are.
struct DemoSubject: Sendable {
  /// The subject's name, the key of the subjects file.
  let name: String
  let faculty: Faculty
  /// A code in the style of SQA course codes (invented, not SQA's own).
  let sqaCode: String
  /// Two or three letters naming the subject inside class names (`4Ma1`).
  let classCode: String
  /// Teachers whose main subject this is, in a school of 900 learners.
  let teachersPerNineHundred: Int
  /// How often learners choose it as an option, relative to other options;
  /// zero for subjects that are not an option in S4 (English, Mathematics).
  let optionWeight: Double
  /// SQA bands added to the MidYIS expectation: positive where grades run lower.
  let difficulty: Double
  /// The largest class: 20 for practical subjects, otherwise 30.
  let classLimit: Int
  /// Whether learners often start it fresh at Higher in S5 or S6.
  let startsAtHigher: Bool
}
