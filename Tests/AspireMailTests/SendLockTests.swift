import Foundation
import Testing

@testable import AspireMail

/// Only one sender runs per store.
@Suite struct SendLockTests {
  @Test func refusesASecondLockWhileTheFirstIsHeld() throws {
    let scratch = try MailScratch()
    let storePath = scratch.store.path
    var first: SendLock? = try SendLock(storePath: storePath)

    #expect {
      try SendLock(storePath: storePath)
    } throws: { error in
      guard case .busy(let path, let holder) = error as? SendLockError else { return false }
      return path == storePath && holder?.hasPrefix("pid \(getpid()) since ") == true
    }

    first = nil
    #expect(first == nil)
    #expect(throws: Never.self) { try SendLock(storePath: storePath) }
  }

  @Test func makesTheLockFileOwnerOnly() throws {
    let scratch = try MailScratch()
    let lock = try SendLock(storePath: scratch.store.path)
    let attributes = try FileManager.default.attributesOfItem(atPath: lock.path)

    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
  }

  @Test func anotherSpellingOfTheStoresPathMeetsTheSameLock() throws {
    let scratch = try MailScratch()
    let lock = try SendLock(storePath: scratch.store.path)
    try FileManager.default.createDirectory(
      atPath: scratch.path + "/sub", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: scratch.path + "/link.db", withDestinationPath: "aspire.db")

    for spelling in [
      scratch.path + "/sub/../aspire.db", scratch.path + "/./aspire.db", scratch.path + "/link.db",
    ] {
      #expect(throws: SendLockError.self, "\(spelling)") { try SendLock(storePath: spelling) }
    }
    #expect(lock.path.hasSuffix("/aspire.db.send.lock"))
  }
}
