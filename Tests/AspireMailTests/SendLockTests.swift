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
}
