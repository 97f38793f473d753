#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Turns the bytes of one text column of a query into numbered distinct
/// texts, so that a column where few texts repeat over many rows (a level, a
/// subject, a class) makes each `String` once and parses it once, however
/// many rows hold it. A column of mostly different texts (names, ids) stops
/// numbering after `limit` distinct texts, and its reader makes each text
/// afresh from then on.
struct TextInterner {
  /// The distinct texts so far, by number.
  private(set) var texts: [String] = []
  private var hashes: [UInt64] = []
  /// Open addressing: a text's number plus one, or 0 for an empty slot.
  private var slots: [Int32]
  private let limit: Int

  init(limit: Int = 4096) {
    self.limit = limit
    slots = Array(repeating: 0, count: 64)
  }

  /// Whether the column has more distinct texts than are worth numbering.
  var isFull: Bool { texts.count >= limit }

  /// The number of the text in `bytes`, added when new; nil when the
  /// interner is full and the text is not among those it holds, or the bytes
  /// are not UTF-8.
  mutating func number(of bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    let hash = TextInterner.hash(bytes)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] != 0 {
      let number = Int(slots[slot]) - 1
      if hashes[number] == hash && TextInterner.equal(texts[number], bytes) { return number }
      slot = (slot + 1) & mask
    }
    guard !isFull else { return nil }
    let text = String(decoding: bytes, as: UTF8.self)
    // Bad UTF-8 is repaired, so the text holds other bytes than these: such
    // a text is never numbered, and each row makes its own, as before.
    guard TextInterner.equal(text, bytes) else { return nil }
    let number = texts.count
    texts.append(text)
    hashes.append(hash)
    slots[slot] = Int32(number + 1)
    if texts.count * 2 > slots.count { grow() }
    return number
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

  /// Whether `text` is exactly these bytes.
  static func equal(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var text = text
    return text.withUTF8 { stored in
      stored.count == bytes.count
        && (bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0)
    }
  }
}
