package prodbridge.supervise;

import java.io.InputStream;

/**
 * The child's stdin: end of file at once, so nothing the child reads can block on the bridge's
 * input.
 */
final class InputStreamOfNothing extends InputStream {
  static final InputStreamOfNothing INSTANCE = new InputStreamOfNothing();

  @Override
  public int read() {
    return -1;
  }
}
