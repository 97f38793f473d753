import Foundation

// The language's parser, checker and evaluator recurse as deep as a script
// nests; the main thread's 8 MiB stack is too small for the deepest input the
// parser accepts, so the command runs on a thread with a larger stack.
let command = Thread {
  let status = AspireCommand.run(Array(CommandLine.arguments.dropFirst()))
  fflush(nil)
  exit(status.rawValue)
}
command.stackSize = 1 << 29
command.start()
while true { sleep(60) }
