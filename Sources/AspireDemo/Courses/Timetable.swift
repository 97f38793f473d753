/// Puts one session's courses into classes and gives each class a teacher.
///
/// Learners taking a subject in a stage are set by level (Advanced Higher
/// first) and split evenly into classes no larger than the subject allows;
/// each class goes to the least busy teacher of the subject, or of its faculty
/// when no one teaches the subject as their main one.
enum Timetable {
  /// Fills in the class number and teacher of every course.
  static func assignClasses(to courses: inout [DemoCourse], staff: StaffRoom) {
    let order = courses.indices.sorted { left, right in
      let a = courses[left]
      let b = courses[right]
      if a.stage != b.stage { return a.stage < b.stage }
      if a.subject != b.subject { return a.subject < b.subject }
      if a.level != b.level { return a.level > b.level }
      return a.learner < b.learner
    }

    var load = Array(repeating: 0, count: staff.members.count)
    var start = 0
    while start < order.count {
      let first = courses[order[start]]
      var end = start
      while end < order.count, courses[order[end]].stage == first.stage,
        courses[order[end]].subject == first.subject
      {
        end += 1
      }
      let size = end - start
      let limit = DemoCurriculum.subjects[first.subject].classLimit
      let classes = (size + limit - 1) / limit
      var teachers: [Int] = []
      for _ in 0..<classes {
        let teacher = leastBusy(of: pool(for: first.subject, staff: staff), load: load)
        load[teacher] += 1
        teachers.append(teacher)
      }
      for position in start..<end {
        let classIndex = (position - start) * classes / size
        courses[order[position]].classNumber = classIndex + 1
        courses[order[position]].teacher = teachers[classIndex]
      }
      start = end
    }
  }

  private static func pool(for subject: Int, staff: StaffRoom) -> [Int] {
    let own = staff.teachersBySubject[subject]
    if !own.isEmpty { return own }
    return staff.teachersByFaculty[DemoCurriculum.subjects[subject].faculty.rawValue]
  }

  /// The teacher with the fewest classes so far; the first listed on a tie.
  private static func leastBusy(of pool: [Int], load: [Int]) -> Int {
    var best = pool[0]
    for teacher in pool where load[teacher] < load[best] { best = teacher }
    return best
  }
}
