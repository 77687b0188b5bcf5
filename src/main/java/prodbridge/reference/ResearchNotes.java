package prodbridge.reference;

import java.util.List;

/**
 * Research notes: synthetic sources and the findings drawn from them (marked synthetic in the
 * file).
 */
record ResearchNotes(
    String episodeId,
    String topic,
    boolean synthetic,
    List<Source> sources,
    List<Finding> findings,
    List<String> questions) {

  record Source(int id, String title, String publisher, int year, String kind, String url) {}

  record Finding(String text, List<Integer> sourceIds) {}
}
