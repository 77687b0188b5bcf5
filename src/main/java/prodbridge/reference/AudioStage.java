package prodbridge.reference;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a script as a playable WAV (8 kHz, 8-bit, mono): a voiced tone per word at 150 words a
 * minute, a pitch per host, pauses at sentence and turn ends. Not speech, but the length, rhythm
 * and file are real.
 */
final class AudioStage {
  static final int SAMPLE_RATE = 8000;
  private static final double WORD_SECONDS = 0.34;
  private static final double GAP_SECONDS = 0.06;
  private static final double SENTENCE_PAUSE = 0.25;
  private static final double TURN_PAUSE = 0.35;
  private static final double[] SINE = new double[4096];

  static {
    for (int i = 0; i < SINE.length; i++) {
      SINE[i] = Math.sin(2 * Math.PI * i / SINE.length);
    }
  }

  private final CostLedger ledger;
  private final Pacer pacer;

  AudioStage(CostLedger ledger, Pacer pacer) {
    this.ledger = ledger;
    this.pacer = pacer;
  }

  void run(String script, Path wav) throws IOException {
    List<SpokenLine> lines = SpokenLine.parse(script);
    if (lines.isEmpty()) {
      throw new IllegalStateException("the script has no spoken lines (**HOST:** text)");
    }
    long samples = 0;
    for (SpokenLine line : lines) {
      for (String w : line.words()) {
        samples += seconds(WORD_SECONDS + GAP_SECONDS + (endsSentence(w) ? SENTENCE_PAUSE : 0));
      }
      samples += seconds(TURN_PAUSE);
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(wav), 1 << 16)) {
      out.write(header(samples));
      int step = Math.max(1, lines.size() / 10);
      for (int i = 0; i < lines.size(); i++) {
        SpokenLine line = lines.get(i);
        ledger.charge("audio", PriceTable.TTS, line.text().length());
        double base = line.speaker().equals("ALEX") ? 130 : 205;
        for (String w : line.words()) {
          tone(out, base + Math.floorMod(w.hashCode(), 60), seconds(WORD_SECONDS));
          silence(out, seconds(GAP_SECONDS + (endsSentence(w) ? SENTENCE_PAUSE : 0)));
        }
        silence(out, seconds(TURN_PAUSE));
        if ((i + 1) % step == 0) {
          pacer.step(
              "audio",
              (i + 1) * 100 / lines.size(),
              "synthesised " + (i + 1) + " of " + lines.size() + " turns");
        }
      }
    }
  }

  private static void tone(OutputStream out, double hz, int n) throws IOException {
    byte[] b = new byte[n];
    double phase = 0;
    double inc = hz / SAMPLE_RATE * SINE.length;
    int ramp = Math.max(1, n / 8);
    for (int i = 0; i < n; i++) {
      double env = Math.min(1.0, Math.min(i, n - 1 - i) / (double) ramp);
      int p = (int) phase;
      double v = 0.7 * SINE[p % SINE.length] + 0.3 * SINE[(2 * p) % SINE.length];
      b[i] = (byte) (128 + Math.round(90 * env * v));
      phase = (phase + inc) % SINE.length;
    }
    out.write(b);
  }

  private static void silence(OutputStream out, int n) throws IOException {
    byte[] b = new byte[n];
    java.util.Arrays.fill(b, (byte) 128);
    out.write(b);
  }

  private static boolean endsSentence(String word) {
    return word.endsWith(".") || word.endsWith("?") || word.endsWith("!") || word.endsWith("]");
  }

  private static int seconds(double s) {
    return (int) Math.round(s * SAMPLE_RATE);
  }

  static byte[] header(long samples) {
    ByteBuffer h = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
    h.put("RIFF".getBytes()).putInt((int) (36 + samples)).put("WAVE".getBytes());
    h.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1);
    h.putInt(SAMPLE_RATE).putInt(SAMPLE_RATE).putShort((short) 1).putShort((short) 8);
    h.put("data".getBytes()).putInt((int) samples);
    return h.array();
  }
}
