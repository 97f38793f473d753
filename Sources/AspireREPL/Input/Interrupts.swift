import CEditLine
import Foundation
import Synchronization

/// Ctrl-C in the interactive REPL. A SIGINT handler only sets a flag: while
/// a line is being typed, `readline()` returns and the input is abandoned;
/// while a statement runs, work that checks `isRequested` can stop early. A
/// second Ctrl-C during the same statement ends aspire, so a statement that
/// does not check cannot hold the terminal.
public enum Interrupts {
  private static let requested = Atomic<Bool>(false)
  private static let running = Atomic<Bool>(false)
  /// The thread the REPL reads and runs on. The process's SIGINT may land on
  /// another thread (aspire's main thread only waits); it is passed on to this
  /// one, so that the read blocked there is the one interrupted.
  private static let replThread = Atomic<UInt>(0)

  /// Whether Ctrl-C was pressed since the REPL last dealt with it: the
  /// cancellation check long work (the evaluator, a query) can call.
  public static var isRequested: Bool {
    requested.load(ordering: .relaxed)
  }

  /// The check as a function value, to hand to code that should not know
  /// about the REPL.
  public static let cancellationCheck: @Sendable () -> Bool = { isRequested }

  /// Installs the SIGINT handler; call it on the thread the REPL runs on.
  static func install() {
    replThread.store(UInt(pthread_self()), ordering: .relaxed)
    _ = aspire_catch_interrupts { _ in
      let target = Interrupts.replThread.load(ordering: .relaxed)
      if UInt(pthread_self()) != target {
        _ = pthread_kill(pthread_t(target), SIGINT)
        return
      }
      if Interrupts.running.load(ordering: .relaxed)
        && Interrupts.requested.load(ordering: .relaxed)
      {
        aspire_default_interrupts()
        raise(SIGINT)
        return
      }
      Interrupts.requested.store(true, ordering: .relaxed)
      if Interrupts.running.load(ordering: .relaxed) {
        let notice: StaticString = "\ninterrupted: press Ctrl-C again to leave aspire\n"
        _ = write(2, notice.utf8Start, notice.utf8CodeUnitCount)
      }
    }
  }

  /// Forgets a Ctrl-C that has been dealt with; true if there was one.
  @discardableResult
  static func clear() -> Bool {
    requested.exchange(false, ordering: .relaxed)
  }

  /// Runs `work` as a statement: a Ctrl-C now asks it to stop, a second one ends aspire.
  static func whileRunning<T>(_ work: () throws -> T) rethrows -> T {
    clear()
    running.store(true, ordering: .relaxed)
    defer {
      running.store(false, ordering: .relaxed)
      clear()
    }
    return try work()
  }
}
