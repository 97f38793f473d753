import Foundation

/// The REPL in a real terminal: a tmux session on a server of its own (so
/// tests never meet anyone else's sessions), driven with `send-keys` and read
/// with `capture-pane`. Waits poll the screen until the text appears or a
/// timeout passes; nothing sleeps for a fixed time.
final class TmuxSession {
  let socket = "aspire-tests-" + UUID().uuidString.prefix(8)
  let name = "repl"
  /// Where the shell around aspire writes aspire's exit status.
  let statusFile: String
  static let timeout: TimeInterval = 15

  /// Starts `aspire ARGUMENTS` (by default `repl --db FOLDER/x.db`) in the
  /// folder, in a 120 by 40 terminal, with `HOME` set to the folder and
  /// `NO_COLOR=1`, and waits for its prompt.
  init(in folder: Scratch, arguments: [String]? = nil) throws {
    // A shell around aspire writes its exit status to a file: tmux does not
    // always keep a dead pane's status, and the file is read after the end.
    statusFile = folder.file(".exit-" + socket)
    let aspire = (
      [
        "env", "HOME=" + folder.path, "NO_COLOR=1", "TERM=xterm-256color",
        AspireProcess.executable.path,
      ] + (arguments ?? ["repl", "--db", folder.file("x.db")])
    ).map(TmuxSession.quoted).joined(separator: " ")
    let command = "sh -c " + TmuxSession.quoted(
      aspire + "; echo $? > " + TmuxSession.quoted(statusFile))
    // The server this starts outlives the call; it must not hold a pipe the
    // test reads to its end, so its output goes nowhere.
    try tmux(
      ["new-session", "-d", "-s", name, "-x", "120", "-y", "40", "-c", folder.path, command],
      capturing: false)
    // Keep the pane when aspire ends, to read how it ended.
    do {
      try tmux(["set-option", "-t", name, "remain-on-exit", "on"])
      try waitFor("aspire>")
    } catch {
      kill()
      throw error
    }
  }

  /// Ends the session and its server.
  func kill() {
    _ = try? tmux(["kill-server"])
  }

  /// Presses keys: text as typed, or names such as `Enter`, `Tab`, `Up`, `C-c`.
  func send(_ keys: String...) throws {
    for key in keys {
      let isName = ["Enter", "Tab", "Up", "Down", "C-c", "C-d"].contains(key)
      try tmux(["send-keys", "-t", name] + (isName ? [key] : ["-l", key]))
    }
  }

  /// Types `line`, presses Enter, and waits until the REPL reads again: one
  /// more prompt (main or continuation) on the screen. Keys sent while it is
  /// busy would meet a terminal not yet in line editing's hands, echoed by the
  /// terminal and then read again by line editing.
  func type(_ line: String) throws {
    let before = TmuxSession.prompts(on: try screen())
    try send(line, "Enter")
    try waitForScreen("a prompt after \"\(line)\"") { TmuxSession.prompts(on: $0) > before }
  }

  /// How many lines of `screen` start with a prompt, main or continuation.
  static func prompts(on screen: [String]) -> Int {
    screen.filter { $0.hasPrefix("aspire>") || $0.hasPrefix("   ...>") }.count
  }

  /// The screen's lines, without trailing spaces.
  func screen() throws -> [String] {
    let text = try tmux(["capture-pane", "-p", "-t", name])
    return text.split(separator: "\n", omittingEmptySubsequences: false).map {
      var line = String($0)
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  /// Waits until some line of the screen satisfies `test`; the screen then.
  @discardableResult
  func waitForLine(_ description: String, _ test: (String) -> Bool) throws -> [String] {
    try waitForScreen(description) { $0.contains(where: test) }
  }

  /// Waits until the whole screen satisfies `test`; the screen then.
  @discardableResult
  func waitForScreen(_ description: String, _ test: ([String]) -> Bool) throws -> [String] {
    let deadline = Date().addingTimeInterval(TmuxSession.timeout)
    while true {
      let lines = try screen()
      if test(lines) { return lines }
      guard Date() < deadline else {
        throw TmuxError(
          message: "timed out waiting for \(description); the screen:\n"
            + lines.joined(separator: "\n"))
      }
      usleep(20_000)
    }
  }

  /// Waits until `text` appears somewhere on the screen.
  @discardableResult
  func waitFor(_ text: String) throws -> [String] {
    try waitForLine("\"\(text)\"") { $0.contains(text) }
  }

  /// Waits until a line reads exactly `line` (trailing spaces aside).
  @discardableResult
  func waitForExactLine(_ line: String) throws -> [String] {
    try waitForLine("the line \"\(line)\"") { $0 == line }
  }

  /// Waits until the screen shows at least `count` main prompts, so the REPL
  /// is reading again: keys sent while it is busy meet a terminal not yet in
  /// line editing's hands (a Ctrl-D there is lost, a Ctrl-C comes too early).
  @discardableResult
  func waitForPrompts(_ count: Int) throws -> [String] {
    try waitForScreen("\(count) prompts") { lines in
      lines.filter { $0.hasPrefix("aspire>") }.count >= count
    }
  }

  /// Waits until aspire has ended; its exit status.
  func waitForExit() throws -> Int32 {
    let deadline = Date().addingTimeInterval(TmuxSession.timeout)
    while true {
      if let text = try? String(contentsOfFile: statusFile, encoding: .utf8),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
      {
        return status
      }
      guard Date() < deadline else {
        throw TmuxError(
          message: "aspire did not end; the screen:\n"
            + ((try? screen()) ?? []).joined(separator: "\n"))
      }
      usleep(20_000)
    }
  }

  /// Runs one tmux command and waits for it. The process is spawned and
  /// waited for directly, its output going through a file rather than a pipe:
  /// `new-session` leaves a server behind that inherits whatever the client
  /// had open, so nothing here may wait for a descriptor to close.
  @discardableResult
  private func tmux(_ arguments: [String], capturing: Bool = true) throws -> String {
    let outputPath = capturing ? NSTemporaryDirectory() + "tmux-" + UUID().uuidString : "/dev/null"
    defer { if capturing { unlink(outputPath) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let words = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
    let environment = ProcessInfo.processInfo.environment.map { "\($0.key)=\($0.value)" }
    var argv = words.map { strdup($0) } + [nil]
    var envp = environment.map { strdup($0) } + [nil]
    defer {
      for pointer in argv { free(pointer) }
      for pointer in envp { free(pointer) }
    }
    // The test's thread blocks most signals, and a spawned process inherits
    // that; tmux and aspire need SIGINT and SIGHUP as a terminal gives them.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    var child: pid_t = 0
    let spawned = posix_spawnp(&child, "tmux", &actions, &attributes, &argv, &envp)
    guard spawned == 0 else { throw TmuxError(message: "cannot start tmux: error \(spawned)") }
    var status: Int32 = 0
    while waitpid(child, &status, 0) == -1 && errno == EINTR {}
    let text = capturing ? (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? "" : ""
    // A normal exit with status 0: the low seven bits (the signal) and the
    // exit code above them are all zero.
    guard status == 0 else {
      throw TmuxError(message: "tmux \(arguments.joined(separator: " ")): \(text)")
    }
    return text.hasSuffix("\n") ? String(text.dropLast()) : text
  }

  /// `text` quoted for the shell tmux runs the command with.
  private static func quoted(_ text: String) -> String {
    "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }
}

/// A tmux command that failed, or a screen that never showed what was expected.
struct TmuxError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
