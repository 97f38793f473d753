/// An import that could not start: the command line named something unusable.
public enum ImportError: Error, Equatable, CustomStringConvertible {
  /// The file does not exist or cannot be read.
  case cannotRead(path: String)

  public var description: String {
    switch self {
    case .cannotRead(let path): return "cannot read \(path)"
    }
  }
}
