import Foundation

/// The kinds of draw the generator needs, each written out here rather than
/// taken from the standard library so that results stay the same across releases.
extension SeededGenerator {
  /// A number in `0 ..< 1` with 53 random bits.
  mutating func unit() -> Double {
    Double(next() >> 11) * 0x1p-53
  }

  /// A whole number in `0 ..< count`; `count` must be positive.
  mutating func below(_ count: Int) -> Int {
    Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(count)).high)
  }

  /// A whole number in `range`.
  mutating func number(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + below(range.count)
  }

  /// True with probability `probability`.
  mutating func chance(_ probability: Double) -> Bool {
    unit() < probability
  }

  /// A draw from the normal distribution (Box–Muller, one value per call).
  mutating func normal(mean: Double = 0, deviation: Double = 1) -> Double {
    let radius = (-2 * log(1 - unit())).squareRoot()
    return mean + deviation * radius * cos(2 * Double.pi * unit())
  }

  /// One element of `elements`, which must not be empty.
  mutating func element<Element>(of elements: [Element]) -> Element {
    elements[below(elements.count)]
  }

  /// An index into `elements` that favours the front of the list, for lists
  /// ordered from most to least common (surnames, first names).
  mutating func frontWeightedIndex(count: Int) -> Int {
    let position = pow(unit(), 1.7)
    return min(count - 1, Int(position * Double(count)))
  }

  /// An index chosen with probability proportional to its weight.
  mutating func weightedIndex(_ weights: [Double]) -> Int {
    var total = 0.0
    for weight in weights { total += weight }
    var remaining = unit() * total
    for (index, weight) in weights.enumerated() {
      remaining -= weight
      if remaining < 0 { return index }
    }
    return weights.count - 1
  }

  /// Puts `elements` in a random order (Fisher–Yates).
  mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for index in stride(from: elements.count - 1, to: 0, by: -1) {
      elements.swapAt(index, below(index + 1))
    }
  }
}
