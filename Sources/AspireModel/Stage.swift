/// A year group of secondary school, S1 (about age 11) to S6 (about 17).
public enum Stage: Int, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
  case s1 = 1, s2, s3, s4, s5, s6

  /// Reads `S4` (any case).
  public init?(parsing text: some StringProtocol) {
    let upper = text.uppercased()
    guard upper.count == 2, upper.first == "S", let number = Int(upper.dropFirst()),
      let stage = Stage(rawValue: number)
    else { return nil }
    self = stage
  }

  /// Whether the stage is in the senior phase (S4 to S6), which sits exams.
  public var isSenior: Bool { self >= .s4 }

  public var description: String { "S\(rawValue)" }

  public static func < (lhs: Stage, rhs: Stage) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// A teacher's judgement at a check week: is the learner above, on or below target?
public enum Status: Int, CaseIterable, Comparable, Hashable, Sendable, CustomStringConvertible {
  case below = 0, on, above

  /// Reads `A`, `O`, `B` or the full words (any case).
  public init?(parsing text: some StringProtocol) {
    switch text.lowercased() {
    case "a", "above": self = .above
    case "o", "on": self = .on
    case "b", "below": self = .below
    default: return nil
    }
  }

  /// The single letter a teacher writes: A, O or B.
  public var letter: String {
    switch self {
    case .above: return "A"
    case .on: return "O"
    case .below: return "B"
    }
  }

  public var description: String {
    switch self {
    case .above: return "Above"
    case .on: return "On"
    case .below: return "Below"
    }
  }

  public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rawValue < rhs.rawValue }
}
