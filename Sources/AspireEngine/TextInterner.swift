/// Turns the bytes of one text column of a query into numbered distinct
/// texts, so that a column where few texts repeat over many rows (a level, a
/// subject, a class) makes each `String` once and parses it once, however
/// many rows hold it. A column of mostly different texts (names, ids) is
/// given up on once that shows, or after `limit` distinct texts, and its
/// reader makes each text afresh from then on.
struct TextInterner {
  /// The distinct texts so far, by number.
  private(set) var texts: [String] = []
  /// Each text's bytes, one after another, and where each starts.
  private var bytes: [UInt8] = []
  private var starts: [Int] = [0]
  private var hashes: [UInt64] = []
  /// Open addressing: a text's number plus one, or 0 for an empty slot.
  private var slots: [Int32]
  private let limit: Int
  private let givesUp: Bool
  private var lookups = 0
  /// Whether the texts repeat too little to be worth numbering.
  private(set) var isGivenUp = false

  /// An interner of at most `limit` texts, which gives up early on texts
  /// that do not repeat unless `givesUp` is false.
  init(limit: Int = 4096, givesUp: Bool = true) {
    self.limit = limit
    self.givesUp = givesUp
    slots = Array(repeating: 0, count: 64)
  }

  /// The number of the text in `bytes`, added when new; nil when the
  /// interner has given up and the text is not among those it holds, or the
  /// bytes are not UTF-8.
  mutating func number(of text: UnsafeBufferPointer<UInt8>) -> Int? {
    if isGivenUp { return nil }
    let hash = TextInterner.hash(text)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let number = Int(slots[slot]) - 1
      if hashes[number] == hash && holds(number, text) { return number }
      slot = (slot + 1) & mask
    }
    // Most of the first thousand texts new: a column of names or ids.
    lookups += 1
    if texts.count >= limit || (givesUp && lookups == 1024 && texts.count > 512) {
      isGivenUp = true
      return nil
    }
    let decoded = String(decoding: text, as: UTF8.self)
    // Bad UTF-8 is repaired, so the text holds other bytes than these: such
    // a text is never numbered, and each row makes its own, as before.
    guard decoded.utf8.elementsEqual(text) else { return nil }
    let number = texts.count
    texts.append(decoded)
    bytes.append(contentsOf: text)
    starts.append(bytes.count)
    hashes.append(hash)
    slots[slot] = Int32(number + 1)
    if texts.count * 2 > slots.count { grow() }
    return number
  }

  /// Whether text `number` is exactly these bytes.
  private func holds(_ number: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
    let start = starts[number]
    guard starts[number + 1] - start == text.count else { return false }
    for offset in 0..<text.count where bytes[start + offset] != text[offset] { return false }
    return true
  }

  /// Twice the slots, with every text placed again.
  private mutating func grow() {
    slots = Array(repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    for (number, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(number + 1)
    }
  }

  /// FNV-1a over the bytes: quick for the short texts of a school's columns.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
    }
    return hash
  }
}
