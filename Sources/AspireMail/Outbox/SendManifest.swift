/// What `aspire send` is about to do, for a person to read before saying yes:
/// how many messages to how many addresses, addresses shared by several
/// learners, learners held on purpose, and messages held for review.
public struct SendManifest: Sendable {
  /// The messages a run would send.
  public let deliverable: [OutboxEntry]
  /// Messages in flight now: a previous run stopped; they will be held.
  public let interrupted: [OutboxEntry]
  /// Messages held for a person to review.
  public let heldMessages: [OutboxEntry]
  /// Learners held on purpose, with how many messages wait for each.
  public let heldLearners: [LearnerHold]
  /// Messages refused for good on earlier runs.
  public let failed: [OutboxEntry]

  /// Reads the manifest from `outbox`.
  public init(outbox: Outbox) throws {
    deliverable = try outbox.deliverable()
    interrupted = try outbox.entries(in: .inFlight)
    heldMessages = try outbox.entries(in: .held)
    heldLearners = try outbox.heldLearners()
    failed = try outbox.entries(in: .failed)
  }

  /// How many different addresses the deliverable messages go to (without case).
  public var addressCount: Int {
    Set(deliverable.map { $0.recipient.lowercased() }).count
  }

  /// Addresses that receive messages about more than one learner, with the
  /// learners, by address: often a parent of siblings, but worth a look.
  public var sharedAddresses: [(address: String, learners: [String])] {
    var learners: [String: Set<String>] = [:]
    for entry in deliverable {
      guard let learner = entry.learnerID else { continue }
      learners[entry.recipient.lowercased(), default: []].insert(learner)
    }
    return learners.filter { $0.value.count > 1 }
      .map { (address: $0.key, learners: $0.value.sorted()) }
      .sorted { $0.address < $1.address }
  }

  /// The manifest as lines for a person.
  public func lines() -> [String] {
    var lines = [
      "\(count(deliverable.count, "message")) to send to \(count(addressCount, "address"))"
    ]
    for shared in sharedAddresses {
      lines.append(
        "  \(shared.address) receives messages about \(shared.learners.count) learners: "
          + shared.learners.joined(separator: ", "))
    }
    if !heldLearners.isEmpty {
      lines.append("\(count(heldLearners.count, "learner")) held on purpose:")
      for hold in heldLearners {
        lines.append(
          "  \(hold.learnerID): \(hold.reason) (held by \(hold.heldBy) at \(hold.heldAt); "
            + "\(count(hold.waiting, "message")) waiting)")
      }
    }
    if !interrupted.isEmpty {
      lines.append("\(count(interrupted.count, "message")) in flight when a previous run stopped:")
      lines += interrupted.map(Self.describe)
    }
    if !heldMessages.isEmpty {
      lines.append("\(count(heldMessages.count, "message")) held for review:")
      lines += heldMessages.map(Self.describe)
    }
    if !failed.isEmpty {
      lines.append("\(count(failed.count, "message")) failed on earlier runs:")
      lines += failed.map(Self.describe)
    }
    return lines
  }

  /// One message on one line: its number, recipient, subject and why it waits.
  static func describe(_ entry: OutboxEntry) -> String {
    let why = entry.heldReason ?? entry.lastError
    return "  #\(entry.id) to \(entry.recipient): \"\(entry.subject)\""
      + (why.map { " (\($0))" } ?? "")
  }

  private func count(_ number: Int, _ noun: String) -> String {
    let plural = noun.hasSuffix("s") ? noun + "es" : noun + "s"
    return "\(number) \(number == 1 ? noun : plural)"
  }
}
