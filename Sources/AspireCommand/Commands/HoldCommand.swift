import AspireMail
import AspireStore
import Foundation

/// `aspire hold LEARNER --reason TEXT`: keeps a learner's messages back.
enum HoldCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(
      arguments, command: "hold", valued: CommonOptions.all.union(["reason"]))
    guard options.positional.count == 1, let learner = options.positional.first else {
      throw UsageError(message: "\"aspire hold\" needs one learner id")
    }
    guard let reason = options.values["reason"], !reason.isEmpty else {
      throw UsageError(
        message: "\"aspire hold\" needs --reason", help: "say why, for whoever releases the hold")
    }
    let settings = try StoreOptions(options)
    let outbox = Outbox(store: try settings.openStore())
    do {
      if try outbox.hold(learner: learner, reason: reason, by: settings.user) {
        console.error("held \(learner): their messages wait until \"aspire release \(learner)\"")
      } else {
        console.error("\(learner) was already held")
      }
      return .success
    } catch let error as OutboxError {
      console.error("error: \(error)")
      return .failure
    }
  }
}

/// `aspire release LEARNER`, or `aspire release --message ID [--delivered]`:
/// ends a learner's hold, or settles a message held for review.
enum ReleaseCommand: Subcommand {
  static func run(_ arguments: [String], console: Console) throws -> ExitStatus {
    let options = try Options(
      arguments, command: "release", valued: CommonOptions.all.union(["message"]),
      flags: ["delivered"])
    let settings = try StoreOptions(options)
    if let text = options.values["message"] {
      guard options.positional.isEmpty, let id = Int64(text.trimmingPrefix("#")) else {
        throw UsageError(message: "--message takes one message number, such as 12")
      }
      let delivered = options.flags.contains("delivered")
      let outbox = Outbox(store: try settings.openStore())
      return try settle(id, delivered: delivered, outbox: outbox, by: settings.user, console)
    }
    guard options.positional.count == 1, let learner = options.positional.first else {
      throw UsageError(message: "\"aspire release\" needs one learner id, or --message ID")
    }
    guard !options.flags.contains("delivered") else {
      throw UsageError(message: "--delivered goes with --message")
    }
    let outbox = Outbox(store: try settings.openStore())
    if try outbox.release(learner: learner, by: settings.user) {
      console.error("released \(learner): their messages go on the next \"aspire send\"")
    } else {
      console.error("\(learner) was not held")
    }
    return .success
  }

  private static func settle(
    _ id: Int64, delivered: Bool, outbox: Outbox, by person: String, _ console: Console
  ) throws -> ExitStatus {
    do {
      try outbox.review(id, delivered ? .delivered : .sendAgain, by: person)
      console.error(
        delivered ? "recorded #\(id) as delivered" : "#\(id) goes on the next \"aspire send\"")
      return .success
    } catch let error as OutboxError {
      console.error("error: \(error)")
      return .failure
    }
  }
}
