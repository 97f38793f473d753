import AspireModel
import Foundation

/// The kind of a demo file: the `KIND` that `aspire import` takes for it.
public enum DemoFileKind: String, Sendable, CaseIterable {
  case staff, subjects, learners, contacts, enrolments, results, assessments, meetings
}

/// When a demo file is imported: with the roll, before the school's set-up
/// scripts run; with the year, after they have stored the check weeks and
/// mentors that returns and meetings are checked against; or in August, after
/// the year's rules, when the exam results arrive.
public enum DemoPhase: Sendable, Hashable {
  case roll, year, august
}

/// One file the demo wrote.
public struct DemoFile: Sendable, Hashable {
  public let kind: DemoFileKind
  public let url: URL
  /// The session the file's rows belong to, for learners and enrolments; nil
  /// for the others (results carry their year in a column).
  public let session: Session?
  /// Rows after the header.
  public let rows: Int
  /// Whether the file goes in before or after the set-up scripts.
  public let phase: DemoPhase
}

/// What the demo holds, counted.
public struct DemoSummary: Sendable, Hashable, CustomStringConvertible {
  /// Schools generated: one for the demo school, hundreds for a national run.
  public let schools: Int
  public let staff: Int
  public let subjects: Int
  /// Learners on the roll in each session.
  public let learners: [Session: Int]
  /// Learners in any session, each counted once.
  public let distinctLearners: Int
  public let contacts: Int
  /// Enrolments (learner-subject rows) in each session.
  public let enrolments: [Session: Int]
  public let results: Int
  /// Teachers' returns and mentor meeting rows of the current session (the
  /// demo school only).
  public var returns = 0
  public var meetings = 0

  /// One line per count, sessions oldest first.
  public var description: String {
    var lines = ["schools: \(schools)", "staff: \(staff)", "subjects: \(subjects)"]
    for session in DemoCalendar.sessions {
      lines.append("learners \(session): \(learners[session] ?? 0)")
    }
    lines.append("learners in either session: \(distinctLearners)")
    lines.append("contacts: \(contacts)")
    for session in DemoCalendar.sessions {
      lines.append("enrolments \(session): \(enrolments[session] ?? 0)")
    }
    lines.append("results \(DemoCalendar.resultsYear): \(results)")
    if returns > 0 { lines.append("returns \(DemoCalendar.current): \(returns)") }
    if meetings > 0 { lines.append("meeting rows \(DemoCalendar.current): \(meetings)") }
    return lines.joined(separator: "\n")
  }
}

/// The files of a demo, in the order they must be imported (staff before the
/// learners who name their pupil support, subjects before enrolments, learners
/// before contacts, enrolments before results and returns, returns round by
/// round, then meetings), and what they hold.
public struct DemoFiles: Sendable {
  public let files: [DemoFile]
  public let summary: DemoSummary
}

/// Why a demo could not be written.
public enum DemoError: Error, Sendable, CustomStringConvertible {
  /// `--learners` asked for a number of learners the generator does not make.
  case learnerCount(Int)
  /// A file could not be created.
  case cannotCreate(URL)

  public var description: String {
    switch self {
    case .learnerCount(let count):
      return "cannot make a demo of \(count) learners; expected 1 to \(DemoSchool.largest)"
    case .cannotCreate(let url):
      return "cannot create \(url.path)"
    }
  }
}
