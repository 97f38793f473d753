/// A request the outbox cannot carry out.
public enum OutboxError: Error, Equatable, CustomStringConvertible {
  case emptyKey
  case emptyKind
  case noLearner(String)
  case emptyReason
  case noMessage(Int64)
  case notHeld(Int64, OutboxState)
  case notASCII(Int64)

  public var description: String {
    switch self {
    case .emptyKey: return "a message needs a key"
    case .emptyKind: return "a message needs a kind"
    case .noLearner(let id): return "no learner \"\(id)\""
    case .emptyReason: return "a hold needs a reason"
    case .noMessage(let id): return "no message \(id) in the outbox"
    case .notHeld(let id, let state): return "message \(id) is \(state.rawValue), not held"
    case .notASCII(let id): return "message \(id) is not ASCII; it was not written by MIMEWriter"
    }
  }
}
