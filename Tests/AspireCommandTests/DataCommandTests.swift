import AspireStore
import Foundation
import Testing

/// End-to-end tests of the data commands: the built `aspire` runs in a scratch
/// folder, and the store it writes is read back through the store library.
@Suite enum DataCommandTests {}

extension DataCommandTests {
  /// `aspire import`, run as a user runs it.
  @Suite struct Import {
    @Test func importsAGoodFileOfEveryKindInOrder() throws {
      let folder = try DataFolder()
      let school = try folder.write(SchoolFile.goodSchool)

      let outcomes = try folder.importAll(school, into: "school.db")

      #expect(outcomes.map(\.status) == Array(repeating: 0, count: school.count))
      #expect(outcomes.allSatisfy { $0.standardOutput.isEmpty })
      #expect(
        outcomes.map(\.standardError) == [
          "subjects.csv: 3 rows, 3 added, 0 changed, 0 unchanged\n",
          "staff.csv: 3 rows, 3 added, 0 changed, 0 unchanged\n",
          "learners.csv: 3 rows, 3 added, 0 changed, 0 unchanged\n",
          "contacts.csv: 3 rows, 3 added, 0 changed, 0 unchanged\n",
          "enrolments.csv: 4 rows, 4 added, 0 changed, 0 unchanged\n",
          "results.csv: 3 rows, 3 added, 0 changed, 0 unchanged\n",
          "assessments.csv: 3 rows, 3 added, 0 changed, 0 unchanged\n",
        ])
      #expect(try folder.store("school.db").counts() == SchoolFile.goodSchoolCounts)
    }

    @Test func reportsEveryBadRowAtItsLineWithThePathAsGivenAndChangesNothing() throws {
      let folder = try DataFolder()
      try folder.importAll(folder.write(SchoolFile.goodSchool), into: "school.db")
      let before = try folder.store("school.db").snapshot()
      try folder.write(
        "returns/learners.csv",
        """
        id,name,stage
        L4,Dan Dunn,S9
        L5,,S4
        L6,"Eve
        Evans",S4
        L7,Fay Fox,S5
        L7,Fay Fox,S5
        L8,Gus Gray,S4,4G1

        """)

      let outcome = try folder.aspire(
        "import", "learners", "returns/learners.csv", "--db", "school.db", "--session", "2026-27")

      #expect(outcome.status == 1)
      #expect(outcome.standardOutput.isEmpty)
      #expect(
        outcome.standardError == """
          returns/learners.csv:2: error: stage "S9" is not a stage; expected S1 to S6
          returns/learners.csv:3: error: name is empty; expected the learner's name
          returns/learners.csv:7: error: duplicate id "L7"; first on line 6
          returns/learners.csv:8: error: row has 4 values; expected 3, one per column
          returns/learners.csv: nothing imported

          """)
      #expect(try folder.store("school.db").snapshot() == before)
    }

    @Test func refusesACourseFileNamingUnknownSubjectsAndChangesNothing() throws {
      let folder = try DataFolder()
      try folder.importAll(folder.write(SchoolFile.goodSchool), into: "school.db")
      let before = try folder.store("school.db").snapshot()
      let file = folder.path("enrolments-late.csv")
      try folder.write(
        "enrolments-late.csv",
        """
        learner_id,subject,level,class,teacher_id
        L1,Biology,N5,4B1,T1
        L2,Latin,H,5L1,T2
        L9,English,N5,4E1,T7

        """)

      let outcome = try folder.aspire(
        "import", "enrolments", file, "--db", "school.db", "--session", "2026-27")

      #expect(outcome.status == 1)
      #expect(
        outcome.standardError == """
          \(file):3: error: subject "Latin" is not a known subject; import subjects first
          \(file):4: error: learner_id "L9" is not a known learner; import learners first
          \(file):4: error: teacher_id "T7" is not a known staff id; import staff first
          \(file): nothing imported

          """)
      #expect(try folder.store("school.db").snapshot() == before)
    }

    @Test func importsTheGoodFilesAndRefusesTheBadOneWhenGivenSeveral() throws {
      let folder = try DataFolder()
      try folder.write("first.csv", "subject,faculty\nMathematics,Mathematics\n")
      try folder.write("bad.csv", "subject,faculty\nEnglish,\n")
      try folder.write("last.csv", "subject,faculty\nBiology,Sciences\n")

      let outcome = try folder.aspire(
        "import", "subjects", "first.csv", "bad.csv", "last.csv", "--db", "school.db")

      #expect(outcome.status == 1)
      #expect(
        outcome.standardError == """
          first.csv: 1 rows, 1 added, 0 changed, 0 unchanged
          bad.csv:2: error: faculty is empty; expected a faculty name
          bad.csv: nothing imported
          last.csv: 1 rows, 1 added, 0 changed, 0 unchanged

          """)
      let subjects = try folder.store("school.db").database.query(
        "SELECT subject FROM subjects ORDER BY subject")
      #expect(subjects == [[.text("Biology")], [.text("Mathematics")]])
    }

    @Test func refusesAnUnknownKindWithExitTwoAndCreatesNoStore() throws {
      let folder = try DataFolder()
      try folder.write("pupils.csv", "id,name,stage\nL1,Amy Adams,S4\n")

      let outcome = try folder.aspire("import", "pupils", "pupils.csv", "--db", "school.db")

      #expect(outcome.status == 2)
      #expect(
        outcome.standardError == """
          error: unknown import kind "pupils"
          help: the kinds are learners, contacts, staff, subjects, enrolments, assessments, \
          meetings, results, raises

          """)
      #expect(!folder.exists("school.db"))
    }

    @Test(arguments: ["missing.csv", "a-folder"])
    func refusesAFileThatCannotBeReadWithExitTwoBeforeImportingAny(unreadable: String) throws {
      let folder = try DataFolder()
      try folder.write("subjects.csv", "subject,faculty\nMathematics,Mathematics\n")
      try FileManager.default.createDirectory(
        atPath: folder.path("a-folder"), withIntermediateDirectories: true)

      let outcome = try folder.aspire(
        "import", "subjects", "subjects.csv", unreadable, "--db", "school.db")

      #expect(outcome.status == 2)
      #expect(outcome.standardError == "error: cannot read \(unreadable)\n")
      #expect(!folder.exists("school.db"))
    }

    @Test func dryRunReportsWhatWouldChangeAndWritesNothing() throws {
      let folder = try DataFolder()
      try folder.importAll(folder.write(SchoolFile.goodSchool), into: "school.db")
      let before = try folder.store("school.db").snapshot()
      try folder.write(
        "subjects-new.csv",
        "subject,faculty,sqa_code\nMathematics,Mathematics,C847\nEnglish,English,C824\nArt,Arts,\n")

      let outcome = try folder.aspire(
        "import", "subjects", "subjects-new.csv", "--db", "school.db", "--dry-run")

      #expect(outcome.status == 0)
      #expect(
        outcome.standardError
          == "subjects-new.csv: 3 rows, would be 1 added, would be 1 changed, 1 unchanged\n")
      #expect(try folder.store("school.db").snapshot() == before)
    }

    @Test func dryRunCreatesNoStoreWhereThereWasNone() throws {
      let folder = try DataFolder()
      try folder.write("subjects.csv", "subject,faculty\nMathematics,Mathematics\n")

      let outcome = try folder.aspire(
        "import", "subjects", "subjects.csv", "--db", "school.db", "--dry-run")

      #expect(outcome.status == 0)
      #expect(outcome.standardError.contains("would be 1 added"))
      #expect(!folder.exists("school.db"))
    }

    @Test func readsAWindows1252FileWhenAskedAndRefusesItWithTheHintOtherwise() throws {
      let folder = try DataFolder()
      // As Excel's legacy "CSV (Comma delimited)" writes it: ç is 0xE7, £ 0xA3, é 0xE9.
      let bytes =
        Array("subject,faculty\nFran".utf8) + [0xE7] + Array("ais,Modern Languages\n".utf8)
        + Array("Personal Finance (".utf8) + [0xA3] + Array("),Business\n".utf8)
        + Array("Caf".utf8) + [0xE9] + Array(" Skills,Hospitality\n".utf8)
      try folder.write("legacy.csv", bytes: bytes)

      let refused = try folder.aspire("import", "subjects", "legacy.csv", "--db", "school.db")
      #expect(refused.status == 1)
      #expect(
        refused.standardError == """
          legacy.csv:2: error: file is not valid UTF-8 (byte 0xE7); if Excel saved it as \
          "CSV (Comma delimited)", read it with --encoding windows-1252
          legacy.csv: nothing imported

          """)

      let read = try folder.aspire(
        "import", "subjects", "legacy.csv", "--db", "school.db", "--encoding", "windows-1252")
      #expect(read.status == 0)
      let subjects = try folder.store("school.db").database.query(
        "SELECT subject FROM subjects ORDER BY subject")
      let expected: [[SQLValue]] = [
        [.text("Café Skills")], [.text("Français")], [.text("Personal Finance (£)")],
      ]
      #expect(subjects == expected)
    }

    @Test func importingTheSameFilesTwiceLeavesTheDataAsOnce() throws {
      let folder = try DataFolder()
      let school = try folder.write(SchoolFile.goodSchool)
      try folder.importAll(school, into: "school.db")
      let once = try folder.store("school.db").snapshot(excluding: ["import_log"])

      let again = try folder.importAll(school, into: "school.db")

      #expect(again.map(\.status) == Array(repeating: 0, count: school.count))
      #expect(
        again.map(\.standardError) == [
          "subjects.csv: 3 rows, 0 added, 0 changed, 3 unchanged\n",
          "staff.csv: 3 rows, 0 added, 0 changed, 3 unchanged\n",
          "learners.csv: 3 rows, 0 added, 0 changed, 3 unchanged\n",
          "contacts.csv: 3 rows, 0 added, 0 changed, 3 unchanged\n",
          "enrolments.csv: 4 rows, 0 added, 0 changed, 4 unchanged\n",
          "results.csv: 3 rows, 0 added, 0 changed, 3 unchanged\n",
          "assessments.csv: 3 rows, 0 added, 0 changed, 3 unchanged\n",
        ])
      let store = try folder.store("school.db")
      #expect(try store.snapshot(excluding: ["import_log"]) == once)
      #expect(try store.counts()["import_log"] == 2 * school.count)
    }

    @Test func recordsTheLoginNameWhenNoOneIsNamedAndRefusesAnEmptyBy() throws {
      let folder = try DataFolder()
      try folder.write("subjects.csv", "subject,faculty\nMathematics,Mathematics\n")
      let login = String(cString: getpwuid(getuid())!.pointee.pw_name)

      let imported = try CommandRunner.run(
        ["import", "subjects", "subjects.csv", "--db", "school.db"], in: folder.url,
        environment: ["ASPIRE_USER": "", "USER": "not-\(login)", "LOGNAME": "not-\(login)"])
      let empty = try folder.aspire("import", "subjects", "subjects.csv", "--by", "")

      #expect(imported.status == 0)
      let who = try folder.store("school.db").database.query("SELECT imported_by FROM import_log")
      #expect(who == [[.text(login)]])
      #expect(empty.status == 2)
      #expect(empty.standardError.hasPrefix("error: --by needs the id of the member of staff"))
    }

    @Test func createsTheStoreReadableByItsOwnerOnly() throws {
      let folder = try DataFolder()
      try folder.write("subjects.csv", "subject,faculty\nMathematics,Mathematics\n")

      let outcome = try folder.aspire("import", "subjects", "subjects.csv", "--db", "school.db")

      #expect(outcome.status == 0)
      #expect(try folder.permissions("school.db") == 0o600)
    }
  }
}

extension DataCommandTests {
  /// `aspire backup`, taken while another connection holds the store.
  @Suite struct Backup {
    @Test func copiesEveryCommittedRowWhileAnotherConnectionIsWriting() throws {
      let folder = try DataFolder()
      try folder.importAll(folder.write(SchoolFile.goodSchool), into: "school.db")
      let holder = try folder.store("school.db")
      let committed = try holder.counts()
      try holder.database.execute("BEGIN IMMEDIATE")
      try holder.database.run(
        "INSERT INTO subjects (subject, faculty) VALUES (?, ?)", [.text("Art"), .text("Arts")])
      defer { try? holder.database.execute("ROLLBACK") }

      let outcome = try folder.aspire("backup", "copy.db", "--db", "school.db")

      #expect(outcome.status == 0)
      #expect(outcome.standardError == "backed up school.db to copy.db\n")
      #expect(try folder.store("copy.db").counts() == committed)
      #expect(try folder.permissions("copy.db") == 0o600)
    }

    @Test func refusesToBackUpAStoreThatDoesNotExist() throws {
      let folder = try DataFolder()

      let outcome = try folder.aspire("backup", "copy.db", "--db", "school.db")

      #expect(outcome.status == 2)
      #expect(outcome.standardError == "error: no store at school.db\n")
      #expect(!folder.exists("copy.db"))
    }
  }
}

extension DataCommandTests {
  /// `aspire demo`, run from a folder that has nothing to do with the project.
  @Suite struct Demo {
    @Test func buildsTheDemoSchoolFromAnUnrelatedFolder() throws {
      let folder = try DataFolder()

      let outcome = try folder.aspire("demo", "--db", "demo/school.db", "--out", "files")

      #expect(outcome.status == 0, "\(outcome.standardError)")
      #expect(outcome.standardOutput.hasPrefix("demo school in demo/school.db:\nschools: 1\n"))
      #expect(outcome.standardError.contains("built and imported in "))
      let counts = try folder.store("demo/school.db").counts()
      #expect(counts["learners", default: 0] > 800)
      #expect(counts["results", default: 0] > 0)
      #expect(try folder.permissions("demo/school.db") == 0o600)
    }

    @Test func writesItsFilesReadableByTheirOwnerOnly() throws {
      let folder = try DataFolder()

      let outcome = try folder.aspire("demo", "--db", "school.db", "--out", "files")

      #expect(outcome.status == 0)
      let data = folder.path("files/demo-data")
      let names = try FileManager.default.contentsOfDirectory(atPath: data)
      #expect(names.count == 14)
      for name in names {
        #expect(try folder.permissions("files/demo-data/\(name)") == 0o600, "\(name)")
      }
      // The previews of the queued messages and the office's list are private too.
      let previews = try FileManager.default.contentsOfDirectory(
        atPath: folder.path("files/outbox"))
      #expect(!previews.isEmpty)
      #expect(try folder.permissions("files/outbox") == 0o700)
      #expect(try folder.permissions("files/outbox/\(previews[0])") == 0o600)
      #expect(try folder.permissions("files/reports/2026-27/office-list-live.html") == 0o600)
    }

    @Test func leavesTheSameRowsWhenRunTwice() throws {
      let folder = try DataFolder()
      #expect(try folder.aspire("demo", "--db", "school.db", "--out", "files").status == 0)
      // The import log gains a row per file; history gains the registrations that
      // last session's roll sets back before this session's roll sets them again.
      let ignored: Set<String> = ["import_log", "history"]
      let once = try folder.store("school.db").snapshot(excluding: ignored)

      let again = try folder.aspire("demo", "--db", "school.db", "--out", "files")

      #expect(again.status == 0)
      #expect(!again.standardError.contains(" 1 added"))
      #expect(try folder.store("school.db").snapshot(excluding: ignored) == once)
    }

    @Test func writesOnlyTheFilesWithCSVOnly() throws {
      let folder = try DataFolder()

      let outcome = try folder.aspire("demo", "--db", "school.db", "--out", "files", "--csv-only")

      #expect(outcome.status == 0)
      #expect(!folder.exists("school.db"))
      let data = folder.path("files/demo-data")
      let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
      #expect(
        Array(lines.prefix(9)) == [
          "demo school's files in \(data), in import order:",
          "aspire import staff \(data)/staff.csv",
          "aspire import subjects \(data)/subjects.csv",
          "aspire import learners \(data)/learners-2025-26.csv --session 2025-26",
          "aspire import learners \(data)/learners-2026-27.csv --session 2026-27",
          "aspire import contacts \(data)/contacts.csv",
          "aspire import enrolments \(data)/enrolments-2025-26.csv --session 2025-26",
          "aspire import enrolments \(data)/enrolments-2026-27.csv --session 2026-27",
          "aspire import results \(data)/results-2026.csv",
        ])
    }

    @Test func leavesTablesThatSQLiteListsWhenItIsInstalled() throws {
      let sqlite = "/usr/bin/sqlite3"
      guard FileManager.default.isExecutableFile(atPath: sqlite) else { return }
      let folder = try DataFolder()
      #expect(try folder.aspire("demo", "--db", "school.db", "--out", "files").status == 0)

      let process = Process()
      process.executableURL = URL(fileURLWithPath: sqlite)
      process.arguments = [folder.path("school.db"), ".tables"]
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      let data = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()

      let listed = Set(String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace))
      #expect(process.terminationStatus == 0)
      #expect(listed == Set(Store.tableNames.map { Substring($0) }))
    }
  }
}
