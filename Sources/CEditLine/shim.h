// libedit's readline interface as Swift sees it. Swift 6 cannot assign C
// globals safely or call variadic C functions, so every setting the REPL
// changes, and the terminal and signal calls it needs, are small inline
// functions here.
#ifndef ASPIRE_CEDITLINE_SHIM_H
#define ASPIRE_CEDITLINE_SHIM_H

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <editline/readline.h>

/// Reads one character for libedit: a Unicode scalar decoded from UTF-8, or
/// EOF at the end of input and when the read is interrupted. libedit's own
/// reading retries a read that Ctrl-C interrupted, so the line would go on;
/// giving EOF instead makes `readline()` return at once, and the REPL's
/// SIGINT flag then says the line was abandoned.
static inline int aspire_editline_read_character(FILE *stream) {
  int descriptor = fileno(stream);
  unsigned char byte;
  if (read(descriptor, &byte, 1) != 1) return EOF;
  if (byte < 0x80) return byte;
  int length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
  if (length == 1) return 0xFFFD;
  int value = byte & (0x7F >> length);
  for (int index = 1; index < length; index++) {
    if (read(descriptor, &byte, 1) != 1) return EOF;
    if ((byte & 0xC0) != 0x80) return 0xFFFD;
    value = (value << 6) | (byte & 0x3F);
  }
  return value;
}

/// Sets up line editing: no signal handlers of libedit's own (the REPL
/// installs one), the completion function, and the characters that end a
/// word for completion. A dot is not one of them, so `learners.na` completes
/// as one word.
static inline void aspire_editline_configure(rl_completion_func_t *completion) {
  rl_catch_signals = 0;
  rl_readline_name = "aspire";
  rl_basic_word_break_characters = " \t\n\"()[],+-*/<>=!?|:#;";
  rl_attempted_completion_function = completion;
  rl_completion_append_character = 0;
  rl_getc_function = aspire_editline_read_character;
  rl_initialize();
}

/// What completion puts after a single match: a space, or nothing (0).
static inline void aspire_editline_set_append_character(int character) {
  rl_completion_append_character = character;
}

/// Whether libedit should stop after the REPL's completion function (1), or
/// fall back to completing file names when the function found nothing (0).
static inline void aspire_editline_set_completion_over(int over) {
  rl_attempted_completion_over = over;
}

/// The line being edited.
static inline const char *aspire_editline_line_buffer(void) {
  return rl_line_buffer;
}

/// The width of the terminal on `descriptor` in columns, or 0 when it is not a
/// terminal.
static inline int aspire_terminal_columns(int descriptor) {
  struct winsize size;
  if (ioctl(descriptor, TIOCGWINSZ, &size) != 0) return 0;
  return size.ws_col;
}

/// Installs `handler` for SIGINT without SA_RESTART, so that a read blocked in
/// `readline()` returns (NULL, errno EINTR) when Ctrl-C is pressed, and
/// unblocks SIGINT on the calling thread, which may have inherited it blocked.
static inline int aspire_catch_interrupts(void (*handler)(int)) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;
  if (sigaction(SIGINT, &action, NULL) != 0) return -1;
  sigset_t interrupt;
  sigemptyset(&interrupt);
  sigaddset(&interrupt, SIGINT);
  return pthread_sigmask(SIG_UNBLOCK, &interrupt, NULL);
}

/// Puts SIGINT back to its default action, ending the process.
static inline void aspire_default_interrupts(void) {
  signal(SIGINT, SIG_DFL);
}

#endif
