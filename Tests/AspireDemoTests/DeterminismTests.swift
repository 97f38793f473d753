import AspireDemo
import Foundation
import Testing

@Suite struct DeterminismTests {
  private func contents(of generated: Generated) throws -> [String: Data] {
    var contents: [String: Data] = [:]
    for file in generated.files.files {
      contents[file.url.lastPathComponent] = try Data(contentsOf: file.url)
    }
    return contents
  }

  @Test func sameSeedWritesIdenticalBytes() throws {
    let first = try contents(of: DemoFixture.school)
    let second = try contents(of: DemoFixture.generate(DemoSchool()))
    #expect(first.count == 14)
    #expect(first == second)
  }

  @Test func differentSeedWritesDifferentSchool() throws {
    let first = try contents(of: DemoFixture.school)
    let other = try contents(of: DemoFixture.generate(DemoSchool(seed: 2027)))
    #expect(first["learners-2026-27.csv"] != other["learners-2026-27.csv"])
    #expect(first["enrolments-2026-27.csv"] != other["enrolments-2026-27.csv"])
    // The subjects are the same in every school.
    #expect(first["subjects.csv"] == other["subjects.csv"])
  }

  @Test func sameSeedWritesIdenticalNationalRun() throws {
    let first = try contents(of: DemoFixture.national)
    let second = try contents(of: DemoFixture.generate(DemoSchool(seed: 7, learners: 3_000)))
    #expect(first == second)
  }
}
