/// The demo school's source of chance: xoshiro256** seeded through SplitMix64.
///
/// The standard library's generators and its `random(in:using:)` and `shuffle`
/// algorithms are avoided on purpose: their output may change between Swift
/// releases, and the same seed must build the same school byte for byte.
struct SeededGenerator {
  private var state0: UInt64
  private var state1: UInt64
  private var state2: UInt64
  private var state3: UInt64

  /// A generator whose whole sequence follows from `seed`.
  init(seed: UInt64) {
    var splitter = seed
    state0 = SeededGenerator.splitMix(&splitter)
    state1 = SeededGenerator.splitMix(&splitter)
    state2 = SeededGenerator.splitMix(&splitter)
    state3 = SeededGenerator.splitMix(&splitter)
  }

  /// A generator for one part of the work (a school, a learner), derived from a
  /// parent seed so that parts do not depend on how much chance others used.
  init(seed: UInt64, part: UInt64) {
    self.init(seed: SeededGenerator.mix(seed ^ SeededGenerator.mix(part &+ 0x5EED)))
  }

  /// The next 64 random bits.
  mutating func next() -> UInt64 {
    let result = rotated(state1 &* 5, by: 7) &* 9
    let shifted = state1 << 17
    state2 ^= state0
    state3 ^= state1
    state1 ^= state2
    state0 ^= state3
    state2 ^= shifted
    state3 = rotated(state3, by: 45)
    return result
  }

  /// SplitMix64's finaliser: scrambles `value` into a well-mixed 64-bit word.
  static func mix(_ value: UInt64) -> UInt64 {
    var word = value
    word = (word ^ (word >> 30)) &* 0xBF58_476D_1CE4_E5B9
    word = (word ^ (word >> 27)) &* 0x94D0_49BB_1331_11EB
    return word ^ (word >> 31)
  }

  private static func splitMix(_ state: inout UInt64) -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return mix(state)
  }

  private func rotated(_ word: UInt64, by count: UInt64) -> UInt64 {
    (word << count) | (word >> (64 - count))
  }
}
