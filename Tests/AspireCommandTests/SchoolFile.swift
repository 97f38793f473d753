/// One CSV file a school hands to `aspire import`: its kind, name and text.
struct SchoolFile {
  let kind: String
  let name: String
  let text: String

  /// A small school with a good file of every kind, in the order they must be
  /// imported: subjects and staff before the learners and courses that name
  /// them, enrolments before the marks on them.
  static let goodSchool = [
    SchoolFile(
      kind: "subjects", name: "subjects.csv",
      text: """
        subject,faculty,sqa_code
        Mathematics,Mathematics,C847
        English,Languages,C824
        Biology,Sciences,

        """),
    SchoolFile(
      kind: "staff", name: "staff.csv",
      text: """
        id,name,email,roles,faculty,mentor_capacity
        T1,Ann Teacher,ann.teacher@school.example.org,teacher;mentor,Mathematics,6
        T2,Bob Head,bob.head@school.example.org,teacher;faculty_head,Languages,
        T3,Cara Guide,cara.guide@school.example.org,pupil_support;mentor,,4

        """),
    SchoolFile(
      kind: "learners", name: "learners.csv",
      text: """
        id,name,stage,registration,gender,simd_decile,midyis,asn,fsm,looked_after,pupil_support,scn
        L1,Amy Adams,S4,4A1,F,3,104,false,true,no,T3,123456789
        L2,Ben Brown,S5,5B1,M,7,96.5,0,0,0,T3,
        L3,"Craig, Cal",S6,6C1,,10,120,yes,n,y,,

        """),
    SchoolFile(
      kind: "contacts", name: "contacts.csv",
      text: """
        learner_id,name,email,relationship,receives_reports
        L1,Alice Adams,alice.adams@example.org,Mother,true
        L1,Andrew Adams,andrew.adams@example.org,Father,false
        L2,Brenda Brown,brenda.brown@example.org,Carer,

        """),
    SchoolFile(
      kind: "enrolments", name: "enrolments.csv",
      text: """
        learner_id,subject,level,class,teacher_id,predicted,prior,prior_level,withdrawn
        L1,Mathematics,N5,4M1,T1,B,,,
        L1,English,N5,4E1,T2,C,Third,BGE,false
        L2,English,Higher,5E1,T2,A,B,N5,no
        L3,Biology,AH,6B1,T1,B,A,H,

        """),
    SchoolFile(
      kind: "results", name: "results.csv",
      text: """
        learner_id,subject,level,grade,year
        L2,English,N5,B,2026
        L3,Biology,H,A,2026
        L3,Mathematics,N5,No Award,2025

        """),
    SchoolFile(
      kind: "assessments", name: "assessments.csv",
      text: """
        learner_id,subject,round,status,comment,teacher_id,working_grade
        L1,Mathematics,1,A,Solid start,T1,B
        L2,English,1,B,"Read more widely, then draft",T2,C
        L3,Biology,1,O,,T1,

        """),
  ]

  /// The rows each table holds once `goodSchool` is imported once.
  static let goodSchoolCounts = [
    "sessions": 1, "staff": 3, "learners": 3, "learner_stages": 3, "contacts": 3,
    "subjects": 3, "enrolments": 4, "assessments": 3, "results": 3, "import_log": 7,
    "history": 0, "formulas": 0, "targets": 0, "schedules": 0, "schedule_learners": 0,
    "rounds": 0, "mentor_allocations": 0, "meetings": 0, "flags": 0, "outbox": 0,
    "learner_holds": 0,
  ]
}
