import AspireDemo
import Foundation
import Testing

@Suite struct NationalTests {
  let national = DemoFixture.national

  @Test func holdsExactlyTheAskedNumberOfSeniorLearners() {
    let stages = national.table("learners-2026-27.csv").column("stage")
    #expect(stages.count == 3_000)
    #expect(Set(stages) == ["S4", "S5", "S6"])
    #expect(Set(national.table("learners-2025-26.csv").column("stage")) == ["S4", "S5", "S6"])
    #expect(national.files.summary.schools > 3)
  }

  @Test func idsArePrefixedBySchoolAndUnique() {
    let staff = national.table("staff.csv").column("id")
    #expect(Set(staff).count == staff.count)
    #expect(staff.allSatisfy { $0.hasPrefix("S0") && $0.contains("-T") })
    for session in ["2025-26", "2026-27"] {
      let learners = national.table("learners-\(session).csv").column("id")
      #expect(Set(learners).count == learners.count)
      #expect(learners.allSatisfy { $0.hasPrefix("S0") && $0.contains("-L") })
      let scn = national.table("learners-\(session).csv").column("scn")
      #expect(Set(scn).count == scn.count)
    }
  }

  @Test func teachersTeachInTheirOwnSchool() {
    for enrolment in national.table("enrolments-2026-27.csv").records {
      let school = enrolment["learner_id"]!.prefix(5)
      #expect(enrolment["teacher_id"]!.hasPrefix(school))
      #expect(enrolment["class"]!.hasPrefix(school))
    }
  }

  @Test func refusesAnImpossibleLearnerCount() {
    #expect(throws: DemoError.self) {
      try DemoSchool(learners: 0).writeCSV(to: DemoFixture.temporaryFolder())
    }
  }
}
