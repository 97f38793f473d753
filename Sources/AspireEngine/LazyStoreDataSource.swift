import AspireEvaluator
import AspireLanguage
import AspireModel
import AspireStore
import Foundation

/// Opens the store only when a script first names a school table, so that a
/// script that needs no data runs without a store and creates none.
public final class LazyStoreDataSource: DataSource {
  public let path: String
  public let defaultSession: Session
  public let today: CalendarDate
  private var source: StoreDataSource?

  public init(path: String, defaultSession: Session, today: CalendarDate) {
    self.path = path
    self.defaultSession = defaultSession
    self.today = today
  }

  public func table(_ entity: Entity, selector: Value?) throws -> TableData {
    try open().table(entity, selector: selector)
  }

  public func related(_ relation: Relation, of parent: TableData) throws -> Relationship {
    try open().related(relation, of: parent)
  }

  public func reload() {
    source?.reload()
  }

  /// The store's data source, opening the store the first time.
  public func open() throws -> StoreDataSource {
    if source == nil {
      guard FileManager.default.fileExists(atPath: path) else {
        throw DataSourceError(
          "there is no store at \(path); create one with aspire import or aspire demo")
      }
      do {
        source = StoreDataSource(
          store: try Store(path: path), defaultSession: defaultSession, today: today)
      } catch {
        throw DataSourceError("the store at \(path) cannot be opened: \(error)")
      }
    }
    return source!
  }
}

/// Carries out statements about targets, opening the store on first use.
public final class LazyTargetService: TargetHandler {
  let source: LazyStoreDataSource
  let user: String
  private var service: TargetService?

  public init(source: LazyStoreDataSource, user: String) {
    self.source = source
    self.user = user
  }

  public func run(_ statement: CheckedTargetStatement, evaluator: Evaluator) throws -> [Value] {
    if service == nil {
      let data: StoreDataSource
      do {
        data = try source.open()
      } catch let error as DataSourceError {
        throw RuntimeError(message: error.message, range: statementRange(statement))
      }
      service = TargetService(store: data.store, data: data, user: user)
    }
    return try service!.run(statement, evaluator: evaluator)
  }
}

/// Carries out statements about check weeks, mentoring, rules and flags,
/// opening the store on first use.
public final class LazySchoolService: SchoolHandler {
  let source: LazyStoreDataSource
  let user: String
  let outputFolder: URL
  private var service: SchoolService?

  public init(source: LazyStoreDataSource, user: String, outputFolder: URL) {
    self.source = source
    self.user = user
    self.outputFolder = outputFolder
  }

  public func run(_ statement: CheckedSchoolStatement, evaluator: Evaluator) throws -> [Value] {
    if service == nil {
      let data: StoreDataSource
      do {
        data = try source.open()
      } catch let error as DataSourceError {
        throw RuntimeError(message: error.message, range: schoolRange(statement))
      }
      service = SchoolService(
        store: data.store, data: data, user: user, outputFolder: outputFolder)
    }
    return try service!.run(statement, evaluator: evaluator)
  }
}
