/// Where a message is on its way to the family, as the outbox's `state` column holds it.
public enum OutboxState: String, CaseIterable, Sendable {
  /// Waiting for `aspire send`.
  case queued
  /// Marked just before it was handed to the server, and not yet marked sent.
  case inFlight = "in_flight"
  /// The server accepted it.
  case sent
  /// Kept back for a person to review; never sent again without one.
  case held
  /// Refused for good; the error is recorded.
  case failed
  /// Refused for now; a later run tries again.
  case deferred
}
