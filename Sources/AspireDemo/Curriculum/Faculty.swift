/// A faculty: the department that owns a group of subjects and has a head.
enum Faculty: Int, CaseIterable, Sendable {
  case languages, mathematics, sciences, socialSubjects, expressiveArts, technologies
  case healthAndWellbeing

  /// The faculty's name as the staff and subjects files write it.
  var name: String {
    switch self {
    case .languages: return "Languages"
    case .mathematics: return "Mathematics"
    case .sciences: return "Sciences"
    case .socialSubjects: return "Social Subjects"
    case .expressiveArts: return "Expressive Arts"
    case .technologies: return "Technologies"
    case .healthAndWellbeing: return "Health and Wellbeing"
    }
  }
}
