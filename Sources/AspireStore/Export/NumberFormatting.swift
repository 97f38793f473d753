import Foundation

/// Numbers as the product prints them everywhere.
public enum NumberFormatting {
  /// `number` as C's `printf("%.15g")` writes it: `3`, `3.5`, `0.3`, `1e+15`;
  /// `-0` as `0`. Not-a-number and infinities print as `nan`, `inf` and `-inf`.
  public static func format(_ number: Double) -> String {
    if number == 0 { return "0" }
    if number.isNaN { return "nan" }
    if number.isInfinite { return number < 0 ? "-inf" : "inf" }
    if number == number.rounded(), abs(number) < 1e15 {
      return String(Int64(number))
    }
    // %g drops a fraction's trailing zeros itself.
    return String(format: "%.15g", number)
  }
}
