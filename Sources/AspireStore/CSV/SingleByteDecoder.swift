/// Turns a single-byte encoding into UTF-8, one table lookup a byte.
struct SingleByteDecoder {
  /// The Unicode scalar of each byte value.
  private let scalars: [UInt32]

  /// ISO-8859-1: every byte is the scalar of the same number.
  static let latin1 = SingleByteDecoder(scalars: (0..<256).map { UInt32($0) })

  /// Windows-1252: Latin-1 with printable characters in 0x80 to 0x9F, such as
  /// the euro sign, curly quotes and dashes. The five unassigned bytes keep
  /// their Latin-1 control characters, as web browsers do.
  static let windows1252: SingleByteDecoder = {
    var scalars = (0..<256).map { UInt32($0) }
    let upper: [UInt32] = [
      0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
      0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]
    for (offset, scalar) in upper.enumerated() { scalars[0x80 + offset] = scalar }
    return SingleByteDecoder(scalars: scalars)
  }()

  /// The UTF-8 encoding of `bytes`.
  func transcode(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + bytes.count / 8)
    for byte in bytes {
      let scalar = scalars[Int(byte)]
      if scalar < 0x80 {
        output.append(UInt8(scalar))
      } else if scalar < 0x800 {
        output.append(UInt8(0xC0 | (scalar >> 6)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
      } else {
        output.append(UInt8(0xE0 | (scalar >> 12)))
        output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
        output.append(UInt8(0x80 | (scalar & 0x3F)))
      }
    }
    return output
  }
}
