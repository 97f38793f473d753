import Foundation

/// One `aspire send` run over the outbox: each deliverable message is marked
/// in flight (committed) before it is handed to the server and marked sent
/// (committed) once the server accepts it, so a run that dies in between
/// leaves the message in flight, to be held for review by the next run.
public final class DeliveryRun {
  private let outbox: Outbox
  private let transport: MessageTransport
  private let envelopeSender: String
  private let clock: () -> Date

  /// A run handing `outbox`'s messages to `transport`, with `envelopeSender`
  /// as the SMTP envelope's sender (where bounces go).
  public init(
    outbox: Outbox, transport: MessageTransport, envelopeSender: String,
    clock: @escaping () -> Date = Date.init
  ) {
    self.outbox = outbox
    self.transport = transport
    self.envelopeSender = envelopeSender
    self.clock = clock
  }

  /// What a run did.
  public struct Report: Sendable {
    /// Messages the server accepted.
    public var sent: [OutboxEntry] = []
    /// Messages refused for now, to try again on a later run.
    public var deferred: [OutboxEntry] = []
    /// Messages refused for good.
    public var failed: [OutboxEntry] = []
    /// Messages handed over with no verdict, now held for review.
    public var held: [OutboxEntry] = []
    /// The failure of the server or the connection that stopped the run early.
    public var stoppedBy: DeliveryOutcome?
  }

  /// Delivers every deliverable message in id order, calling `progress` after
  /// each. Stops early when the server itself fails (unreachable, login
  /// refused, TLS refused), leaving the rest queued.
  public func deliver(progress: (OutboxEntry, DeliveryOutcome) -> Void = { _, _ in }) throws
    -> Report
  {
    var report = Report()
    for entry in try outbox.deliverable() {
      // Committed before the server sees a byte: if this process dies from
      // here on, the next run finds the message in flight and holds it.
      guard try outbox.markInFlight(entry.id, at: clock()) else { continue }
      let outcome = transport.send(
        try outbox.bytes(of: entry.id), from: envelopeSender, to: entry.recipient)
      if try outbox.record(entry.id, outcome: outcome, at: clock()) {
        progress(entry, outcome)
        switch outcome.verdict {
        case .accepted: report.sent.append(entry)
        case .uncertain: report.held.append(entry)
        case .permanent where !outcome.concernsServer: report.failed.append(entry)
        case .temporary, .permanent: report.deferred.append(entry)
        }
      } else {
        // Another run held the message meanwhile: it stays held for a person,
        // who is told what this run heard.
        let heard = outcome.verdict == .accepted ? "the server accepted it" : outcome.detail
        progress(
          entry,
          DeliveryOutcome(
            verdict: .uncertain, replyCode: outcome.replyCode,
            detail: "held for review by another run before this one recorded: \(heard)"))
        report.held.append(entry)
      }
      if outcome.concernsServer && outcome.verdict != .accepted {
        report.stoppedBy = outcome
        break
      }
    }
    return report
  }
}
