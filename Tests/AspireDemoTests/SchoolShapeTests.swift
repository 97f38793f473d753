import AspireDemo
import Foundation
import Testing

@Suite struct SchoolShapeTests {
  let demo = DemoFixture.school

  private func stages(_ session: String) -> [String: String] {
    var stages: [String: String] = [:]
    for learner in demo.table("learners-\(session).csv").records {
      stages[learner["id"]!] = learner["stage"]!
    }
    return stages
  }

  @Test func aboutNineHundredLearnersInAboutOneHundredAndFiftyAStage() {
    let current = stages("2026-27")
    #expect((850...950).contains(current.count))
    for stage in ["S1", "S2", "S3", "S4"] {
      #expect((140...175).contains(current.values.filter { $0 == stage }.count), "\(stage)")
    }
    #expect(demo.files.summary.learners.values.allSatisfy { $0 > 800 })
  }

  @Test func lastYearsLearnersMoveUpAStageOrLeave() {
    let previous = stages("2025-26")
    let current = stages("2026-27")
    var left = 0
    for (id, stage) in previous {
      guard let now = current[id] else {
        left += 1
        #expect(["S4", "S5", "S6"].contains(stage), "\(id) left from \(stage)")
        continue
      }
      #expect(Int(now.dropFirst())! == Int(stage.dropFirst())! + 1, "\(id)")
    }
    // All of last year's S6 left, and some of S4 and S5.
    #expect(previous.values.filter { $0 == "S6" }.allSatisfy { _ in true })
    #expect(left > previous.values.filter { $0 == "S6" }.count)
    #expect(current.values.filter { $0 == "S1" }.allSatisfy { _ in true })
    let newcomers = current.keys.filter { previous[$0] == nil && current[$0] != "S1" }
    #expect(!newcomers.isEmpty && newcomers.count < 30)
  }

  @Test func seniorLearnersTakeFiveToSevenSubjects() {
    for session in ["2025-26", "2026-27"] {
      let stage = stages(session)
      var subjects: [String: Int] = [:]
      for learnerId in demo.table("enrolments-\(session).csv").column("learner_id") {
        subjects[learnerId, default: 0] += 1
      }
      for (id, learnerStage) in stage where ["S4", "S5", "S6"].contains(learnerStage) {
        #expect((5...7).contains(subjects[id] ?? 0), "\(id) in \(session)")
      }
      for (id, learnerStage) in stage where learnerStage == "S3" {
        #expect((subjects[id] ?? 0) >= 8, "\(id) in \(session)")
      }
    }
  }

  @Test func levelsSuitTheStage() {
    let stage = stages("2026-27")
    var levels: [String: [String: Int]] = [:]
    for enrolment in demo.table("enrolments-2026-27.csv").records {
      levels[stage[enrolment["learner_id"]!]!, default: [:]][enrolment["level"]!, default: 0] += 1
    }
    #expect(levels["S3"]?.keys.sorted() == ["BGE"])
    #expect(levels["S4"]!["N5"]! > 4 * (levels["S4"]!["N4"] ?? 0))
    #expect(levels["S4"]!["H"] == nil)
    #expect(levels["S5"]!["H"]! > levels["S5"]!["N5"]!)
    #expect(levels["S6"]!["AH"]! > 20)
    #expect(levels["S6"]!["H"]! > 0)
  }

  @Test func nearlyEveryFourthYearTakesEnglishAndMathematics() {
    let stage = stages("2026-27")
    let fourthYear = Set(stage.filter { $0.value == "S4" }.keys)
    var english = Set<String>()
    var mathematics = Set<String>()
    for enrolment in demo.table("enrolments-2026-27.csv").records
    where fourthYear.contains(enrolment["learner_id"]!) {
      if enrolment["subject"] == "English" { english.insert(enrolment["learner_id"]!) }
      if enrolment["subject"]!.contains("Mathematics") {
        mathematics.insert(enrolment["learner_id"]!)
      }
    }
    #expect(Double(english.count) > 0.95 * Double(fourthYear.count))
    #expect(Double(mathematics.count) > 0.95 * Double(fourthYear.count))
  }

  @Test func priorIsLastYearsResultInTheSubject() {
    var results: [String: (level: String, grade: String)] = [:]
    for result in demo.table("results-2026.csv").records {
      results["\(result["learner_id"]!) \(result["subject"]!)"] = (
        result["level"]!, result["grade"]!
      )
    }
    var withPrior = 0
    for enrolment in demo.table("enrolments-2026-27.csv").records {
      let key = "\(enrolment["learner_id"]!) \(enrolment["subject"]!)"
      guard enrolment["prior"] != "" else { continue }
      withPrior += 1
      #expect(results[key]?.grade == enrolment["prior"], "\(key)")
      #expect(results[key]?.level == enrolment["prior_level"], "\(key)")
    }
    #expect(withPrior > 300)
  }

  @Test func aHandfulOfCoursesAreWithdrawn() {
    let withdrawn = demo.table("enrolments-2026-27.csv").column("withdrawn")
    let count = withdrawn.filter { $0 == "true" }.count
    #expect(count > 0 && count < withdrawn.count / 50)
  }

  @Test func learnerGroupsAreAtPlausibleRates() {
    let learners = demo.table("learners-2026-27.csv")
    func rate(_ column: String) -> Double {
      let values = learners.column(column)
      return Double(values.filter { $0 == "true" }.count) / Double(values.count)
    }
    #expect((0.18...0.32).contains(rate("asn")))
    #expect((0.09...0.22).contains(rate("fsm")))
    #expect((0.005...0.045).contains(rate("looked_after")))
    let midyis = learners.column("midyis").compactMap(Double.init)
    let mean = midyis.reduce(0, +) / Double(midyis.count)
    #expect((95...105).contains(mean))
    #expect(learners.column("gender").contains("X"))
  }

  @Test func namesIncludeNamesakesAndAwkwardSpellings() {
    let names = demo.table("learners-2026-27.csv").column("name")
    for name in ["Zoë O'Neill", "Euan MacDonald-Smith", "Róisín D'Arcy", "Seán Ó Briain"] {
      #expect(names.contains(name), "\(name)")
    }
    var counts: [String: Int] = [:]
    for name in names { counts[name, default: 0] += 1 }
    #expect(counts.values.filter { $0 >= 2 }.count >= 3)
    #expect(Set(names).count > names.count * 3 / 4)
  }

  @Test func contactsCoverFamiliesOfEveryShape() {
    let contacts = demo.table("contacts.csv").records
    var byLearner: [String: [[String: String]]] = [:]
    for contact in contacts { byLearner[contact["learner_id"]!, default: []].append(contact) }
    #expect(byLearner.values.allSatisfy { (1...3).contains($0.count) })
    #expect(byLearner.values.filter { $0.count == 2 }.count > byLearner.count / 3)
    #expect(byLearner.values.contains { $0.allSatisfy { $0["receives_reports"] == "false" } })
    #expect(contacts.contains { $0["receives_reports"] == "false" })
    // Two households: two contacts with different family names.
    #expect(
      byLearner.values.contains { family in
        family.count == 2
          && Set(family.map { $0["name"]!.split(separator: " ").last! }).count == 2
      })
    // Brothers and sisters share their parents' addresses.
    var learnersByEmail: [String: Set<String>] = [:]
    for contact in contacts {
      learnersByEmail[contact["email"]!, default: []].insert(contact["learner_id"]!)
    }
    #expect(learnersByEmail.values.contains { $0.count >= 2 })
  }

  @Test func staffHaveFacultiesHeadsAndEnoughMentors() {
    let staff = demo.table("staff.csv").records
    #expect((60...95).contains(staff.count))
    let roles = staff.map { Set($0["roles"]!.split(separator: ";").map(String.init)) }
    let known: Set = ["teacher", "mentor", "faculty_head", "pupil_support", "senior_leader"]
    #expect(roles.allSatisfy { $0.isSubset(of: known) && !$0.isEmpty })
    let heads = staff.filter { $0["roles"]!.contains("faculty_head") }.map { $0["faculty"]! }
    #expect(Set(heads).count == heads.count && heads.count == 7)
    #expect(roles.filter { $0.contains("senior_leader") }.count >= 3)
    #expect(roles.filter { $0.contains("pupil_support") }.count >= 4)
    #expect(roles.contains { $0.contains("teacher") && !$0.contains("mentor") })

    let capacity = staff.compactMap { Int($0["mentor_capacity"]!) }.reduce(0, +)
    let senior = demo.table("learners-2026-27.csv").column("stage")
      .filter { ["S4", "S5", "S6"].contains($0) }.count
    #expect(capacity >= senior)
    for member in staff {
      #expect((member["mentor_capacity"] == "6") == member["roles"]!.contains("mentor"))
    }
  }

  @Test func classesAreTaughtByTheirSubjectsFaculty() {
    var facultyOfStaff: [String: String] = [:]
    for member in demo.table("staff.csv").records {
      facultyOfStaff[member["id"]!] = member["faculty"]!
    }
    var facultyOfSubject: [String: String] = [:]
    for subject in demo.table("subjects.csv").records {
      facultyOfSubject[subject["subject"]!] = subject["faculty"]!
    }
    var teachersOfClass: [String: Set<String>] = [:]
    var sizeOfClass: [String: Int] = [:]
    for enrolment in demo.table("enrolments-2026-27.csv").records {
      #expect(facultyOfStaff[enrolment["teacher_id"]!] == facultyOfSubject[enrolment["subject"]!])
      teachersOfClass[enrolment["class"]!, default: []].insert(enrolment["teacher_id"]!)
      sizeOfClass[enrolment["class"]!, default: 0] += 1
    }
    #expect(teachersOfClass.values.allSatisfy { $0.count == 1 })
    #expect(sizeOfClass.values.allSatisfy { $0 <= 30 })
    #expect(sizeOfClass["4Ma1"] != nil)
  }
}
