/// A learner whose messages are kept back on purpose, say while the school
/// checks who should receive them.
public struct LearnerHold: Hashable, Sendable {
  /// The learner held.
  public let learnerID: String
  /// Why, in the words of the person who held them.
  public let reason: String
  /// When, in UTC, as ISO 8601 text.
  public let heldAt: String
  /// Who held them.
  public let heldBy: String
  /// How many of the learner's messages are waiting because of the hold.
  public let waiting: Int
}
