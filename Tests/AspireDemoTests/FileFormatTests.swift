import AspireDemo
import AspireModel
import Foundation
import Testing

@Suite struct FileFormatTests {
  let demo = DemoFixture.school

  @Test func filesComeInImportOrder() {
    let names = demo.files.files.map(\.url.lastPathComponent)
    #expect(
      names == [
        "staff.csv", "subjects.csv", "learners-2025-26.csv", "learners-2026-27.csv",
        "contacts.csv", "enrolments-2025-26.csv", "enrolments-2026-27.csv", "results-2026.csv",
        "assessments-2026-27-round-1.csv", "assessments-2026-27-round-2.csv",
        "assessments-2026-27-round-3.csv", "assessments-2026-27-round-4.csv",
        "meetings-2026-27.csv", "results-2027.csv",
      ])
    let kinds = demo.files.files.map(\.kind.rawValue)
    #expect(
      kinds == [
        "staff", "subjects", "learners", "learners", "contacts", "enrolments", "enrolments",
        "results", "assessments", "assessments", "assessments", "assessments", "meetings",
        "results",
      ])
    let sessions = demo.files.files.map { $0.session?.description ?? "-" }
    #expect(
      sessions == [
        "-", "-", "2025-26", "2026-27", "-", "2025-26", "2026-27", "-", "2026-27", "2026-27",
        "2026-27", "2026-27", "2026-27", "-",
      ])
    let phases = demo.files.files.map(\.phase)
    #expect(
      phases == Array(repeating: .roll, count: 8) + Array(repeating: .year, count: 5) + [.august])
  }

  @Test func headersAreTheColumnsOfTheDataFilesTable() {
    let expected: [String: String] = [
      "staff.csv": "id,name,email,roles,faculty,mentor_capacity",
      "subjects.csv": "subject,faculty,sqa_code",
      "learners-2025-26.csv":
        "id,name,stage,registration,gender,simd_decile,midyis,asn,fsm,looked_after,"
        + "pupil_support,scn",
      "learners-2026-27.csv":
        "id,name,stage,registration,gender,simd_decile,midyis,asn,fsm,looked_after,"
        + "pupil_support,scn",
      "contacts.csv": "learner_id,name,email,relationship,receives_reports",
      "enrolments-2025-26.csv":
        "learner_id,subject,level,class,teacher_id,predicted,prior,prior_level,withdrawn",
      "enrolments-2026-27.csv":
        "learner_id,subject,level,class,teacher_id,predicted,prior,prior_level,withdrawn",
      "results-2026.csv": "learner_id,subject,level,grade,year",
      "assessments-2026-27-round-1.csv":
        "learner_id,subject,round,status,comment,teacher_id,working_grade",
      "meetings-2026-27.csv":
        "learner_id,round,mentor_id,date,subject,self_status,action,family_visible",
    ]
    for (name, header) in expected {
      #expect(demo.table(name).header.joined(separator: ",") == header, "\(name)")
    }
  }

  @Test func everyRowHasEveryColumn() {
    for file in demo.files.files {
      let table = demo.table(file.url.lastPathComponent)
      #expect(table.rows.count == file.rows)
      #expect(table.rows.allSatisfy { $0.count == table.header.count }, "\(file.url)")
    }
  }

  @Test func everyReferenceNamesSomethingThatExists() {
    for generated in [demo, DemoFixture.national] {
      let staff = Set(generated.table("staff.csv").column("id"))
      let subjects = Set(generated.table("subjects.csv").column("subject"))
      for session in ["2025-26", "2026-27"] {
        let learners = generated.table("learners-\(session).csv")
        let enrolments = generated.table("enrolments-\(session).csv")
        let onRoll = Set(learners.column("id"))
        #expect(learners.column("pupil_support").allSatisfy(staff.contains))
        #expect(enrolments.column("teacher_id").allSatisfy(staff.contains))
        #expect(enrolments.column("subject").allSatisfy(subjects.contains))
        #expect(enrolments.column("learner_id").allSatisfy(onRoll.contains))
      }
      let anyRoll = Set(
        generated.table("learners-2025-26.csv").column("id")
          + generated.table("learners-2026-27.csv").column("id"))
      #expect(Set(generated.table("contacts.csv").column("learner_id")) == anyRoll)

      let sat = Set(
        generated.table("enrolments-2025-26.csv").records.map {
          "\($0["learner_id"]!) \($0["subject"]!) \($0["level"]!)"
        })
      for result in generated.table("results-2026.csv").records {
        #expect(sat.contains("\(result["learner_id"]!) \(result["subject"]!) \(result["level"]!)"))
      }
    }
  }

  @Test func keysAreUnique() {
    #expect(Set(demo.table("staff.csv").column("id")).count == demo.table("staff.csv").rows.count)
    for session in ["2025-26", "2026-27"] {
      let learners = demo.table("learners-\(session).csv").column("id")
      #expect(Set(learners).count == learners.count)
      let enrolments = demo.table("enrolments-\(session).csv").records.map {
        "\($0["learner_id"]!) \($0["subject"]!)"
      }
      #expect(Set(enrolments).count == enrolments.count)
    }
    let contacts = demo.table("contacts.csv").records.map {
      "\($0["learner_id"]!) \($0["email"]!)"
    }
    #expect(Set(contacts).count == contacts.count)
  }

  @Test func gradesAreOnTheirLevelsScale() throws {
    for session in ["2025-26", "2026-27"] {
      for enrolment in demo.table("enrolments-\(session).csv").records {
        let level = try #require(Level(parsing: enrolment["level"]!))
        #expect(level.scale.grade(named: enrolment["predicted"]!) != nil, "\(enrolment)")
        if enrolment["prior"]! != "" {
          let priorLevel = try #require(Level(parsing: enrolment["prior_level"]!))
          #expect(priorLevel.scale.grade(named: enrolment["prior"]!) != nil, "\(enrolment)")
        }
        #expect(["true", "false"].contains(enrolment["withdrawn"]!))
      }
    }
    for result in demo.table("results-2026.csv").records {
      let level = try #require(Level(parsing: result["level"]!))
      #expect(level != .bge)
      #expect(level.scale.grade(named: result["grade"]!) != nil, "\(result)")
      #expect(result["year"] == "2026")
    }
  }

  @Test func learnerValuesAreInRange() {
    for session in ["2025-26", "2026-27"] {
      for learner in demo.table("learners-\(session).csv").records {
        #expect(Stage(parsing: learner["stage"]!) != nil)
        #expect(["F", "M", "X"].contains(learner["gender"]!))
        #expect((1...10).contains(Int(learner["simd_decile"]!) ?? 0))
        #expect((40...160).contains(Int(learner["midyis"]!) ?? 0))
        #expect(learner["scn"]!.count == 9 && Int(learner["scn"]!) != nil)
        let registration = learner["registration"]!
        #expect(registration.first == learner["stage"]!.last)
      }
    }
  }

  @Test func emailsUseOnlyExampleDomains() {
    let domains = ["example.org", "example.com", "example.net"]
    for email in demo.table("contacts.csv").column("email") {
      let domain = email.split(separator: "@").last.map(String.init) ?? ""
      #expect(domains.contains(domain), "\(email)")
    }
    for email in demo.table("staff.csv").column("email") {
      #expect(email.hasSuffix("@school.example.org"), "\(email)")
    }
  }

  @Test func subjectNamesWithCommasAreQuoted() throws {
    let text = try String(
      contentsOf: demo.folder.appendingPathComponent("subjects.csv"), encoding: .utf8)
    #expect(text.contains("\"Religious, Moral and Philosophical Studies\",Social Subjects"))
    let codes = demo.table("subjects.csv").column("sqa_code")
    #expect(Set(codes).count == codes.count)
  }
}
