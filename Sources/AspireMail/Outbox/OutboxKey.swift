/// The keys that make two queued messages the same message, so that queuing
/// one again changes nothing.
public enum OutboxKey {
  /// A Live Report's key: one per session, round, learner and recipient, such
  /// as `live-report|2026-27|round 2|L00012|parent@example.org`. The address
  /// is lowercased, since `Parent@Example.org` is the same family.
  public static func liveReport(
    session: String, round: Int, learnerID: String, recipient: MailAddress
  ) -> String {
    make(["live-report", session, "round \(round)", learnerID, recipient.address.lowercased()])
  }

  /// A key from its parts, joined by `|`; a `|` inside a part becomes `/`, so
  /// parts cannot run into each other.
  public static func make(_ parts: [String]) -> String {
    parts.map { $0.replacingOccurrences(of: "|", with: "/") }.joined(separator: "|")
  }
}
