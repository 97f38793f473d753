import AspireModel
import Foundation

extension Store {
  /// The learners whose name contains `text`, ignoring case and accents
  /// (`sean` finds `Seán`, `NEIL` finds `Niamh O'Neil`), by name then id, with
  /// what tells two of one name apart: id, stage and registration class. The
  /// stage is the one in `session`, or else the latest the learner has,
  /// followed by its session in brackets.
  public func learners(named text: String, in session: Session) throws -> ResultTable {
    let wanted = Store.searchable(text)
    let rows = try database.query(
      """
      SELECT learners.id, learners.name, learners.registration,
        (SELECT stage || ' ' || learner_stages.session FROM learner_stages
          WHERE learner_stages.learner_id = learners.id
          ORDER BY learner_stages.session = ?1 DESC, learner_stages.session DESC LIMIT 1)
      FROM learners ORDER BY learners.name, learners.id
      """, [.text(session.description)])
    var found: [[Cell]] = []
    for row in rows {
      guard let id = row[0].text, let name = row[1].text,
        Store.searchable(name).contains(wanted)
      else { continue }
      var stage = Cell.missing
      if let pair = row[3].text {
        let parts = pair.split(separator: " ", maxSplits: 1).map(String.init)
        let inSession = parts.count < 2 || parts[1] == session.description
        stage = .text(inSession ? parts[0] : "\(parts[0]) (\(parts[1]))")
      }
      found.append([.text(id), .text(name), stage, row[2].text.map(Cell.text) ?? .missing])
    }
    return ResultTable(columns: ["id", "name", "stage", "registration"], rows: found)
  }

  /// Text as a search compares it: without case or accents.
  static func searchable(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
  }
}
