import AspireModel

/// One value at run time, as printed and as held in lists. Columns of many
/// values use `Column`, which keeps numbers in contiguous arrays.
public enum Value: Hashable, Sendable {
  case number(Double)
  case text(String)
  case boolean(Bool)
  case date(CalendarDate)
  case grade(Grade)
  case stage(Stage)
  case level(Level)
  case status(Status)
  case list([Value])
  case missing

  public var isMissing: Bool {
    if case .missing = self { return true }
    return false
  }
}
