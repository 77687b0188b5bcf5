package prodbridge.cli;

import java.util.ArrayList;
import java.util.List;
import prodbridge.classify.ErrorType;
import prodbridge.runs.StoreFailure;

/**
 * Every exit code the bridge returns (the README's exit code table lists the same): the bridge's
 * own outcomes by name, and a failed run's code from its error class. That number lives on {@link
 * ErrorType}, because results, batch journals and classify's JSON record it too, so a new class
 * brings its code with it and nothing here changes.
 */
record ExitCode(int code) {
  static final ExitCode OK = new ExitCode(0);

  /** A bug of the bridge's: an exception nothing expected. */
  static final ExitCode INTERNAL = new ExitCode(1);

  /**
   * Bad input: one line on stderr naming what is wrong and where; nothing was started or written.
   */
  static final ExitCode USAGE = new ExitCode(2);

  /** A batch ended with some job not succeeded. */
  static final ExitCode NOT_ALL_SUCCEEDED = new ExitCode(3);

  /** The run store could not be read or written (and its file system is not full). */
  static final ExitCode STORE = new ExitCode(4);

  /** The exit code of a run that ended with {@code type}. */
  static ExitCode of(ErrorType type) {
    return new ExitCode(type.exitCode());
  }

  /**
   * The exit code for a run store that cannot be used: DISK_FULL's when its file system is full.
   */
  static ExitCode of(StoreFailure f) {
    return f.diskFull() ? of(ErrorType.DISK_FULL) : STORE;
  }

  /** Every code, the bridge's own first, then each error class's in declaration order. */
  static List<ExitCode> all() {
    List<ExitCode> all = new ArrayList<>(List.of(OK, INTERNAL, USAGE, NOT_ALL_SUCCEEDED, STORE));
    for (ErrorType type : ErrorType.values()) {
      all.add(of(type));
    }
    return all;
  }
}
