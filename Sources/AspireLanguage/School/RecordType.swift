import AspireModel

/// The shape of a row: a learner, an enrolment, or the columns a `show`
/// picked. Fields are typed, so the checker knows `e.learner.midyis` is a
/// number that may be missing before anything runs.
public final class RecordType: Hashable, Sendable, CustomStringConvertible {
  /// A named, typed field of a record.
  public struct Field: Hashable, Sendable {
    public var name: String
    public var type: ValueType

    public init(_ name: String, _ type: ValueType) {
      self.name = name
      self.type = type
    }
  }

  /// `learner`, `enrolment`, … or `row` for a projection.
  public let name: String
  public let fields: [Field]
  /// The school table the records come from, if any.
  public let entity: Entity?

  public init(name: String, fields: [Field], entity: Entity? = nil) {
    self.name = name
    self.fields = fields
    self.entity = entity
  }

  /// The index of the field called `name`.
  public func index(of name: String) -> Int? {
    fields.firstIndex { $0.name == name }
  }

  public var description: String { name }

  public static func == (lhs: RecordType, rhs: RecordType) -> Bool {
    lhs === rhs || (lhs.name == rhs.name && lhs.fields == rhs.fields)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(name)
    hasher.combine(fields.count)
  }
}
