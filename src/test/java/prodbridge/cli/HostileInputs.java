package prodbridge.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hostile inputs {@link BadInputTest} runs: each is a command line, the files and environment
 * it finds, and a fragment its one line of stderr must hold. Every one must be exit 2, one line,
 * nothing created.
 */
final class HostileInputs {
  private HostileInputs() {}

  /** One case: {@code files} are written before the run (name to content). */
  record Case(
      String name,
      List<String> args,
      Map<String, String> env,
      Map<String, String> files,
      String named) {
    @Override
    public String toString() {
      return name;
    }
  }

  /** A bad value for a run option, and what the error must say. */
  private record BadValue(String option, String value, String named) {}

  private static final List<BadValue> RUN_OPTION_VALUES =
      List.of(
          new BadValue("--budget", "0", "from 0.01 to 1000000"),
          new BadValue("--budget", "-1", "from 0.01 to 1000000"),
          new BadValue("--budget", "cheap", "not a number"),
          new BadValue("--budget", "1e-9", "from 0.01 to 1000000"),
          new BadValue("--budget", "0.001", "from 0.01 to 1000000"),
          new BadValue("--budget", "1e999", "from 0.01 to 1000000"),
          new BadValue("--budget", "NaN", "not a number"),
          new BadValue("--budget", "Infinity", "not a number"),
          new BadValue("--budget", "1000001", "from 0.01 to 1000000"),
          new BadValue("--budget", "", "not a number"),
          new BadValue("--budget", "0x10", "not a number"),
          new BadValue("--quality-threshold", "12", "between 0 and 10"),
          new BadValue("--quality-threshold", "-0.5", "between 0 and 10"),
          new BadValue("--quality-threshold", "NaN", "not a number"),
          new BadValue("--quality-threshold", "high", "not a number"),
          new BadValue("--quality-threshold", "10.01", "between 0 and 10"),
          new BadValue("--timeout", "5", "bad duration \"5\""),
          new BadValue("--timeout", "0s", "must be greater than zero"),
          new BadValue("--timeout", "10000000h", "at most 8760h"),
          new BadValue("--timeout", "8761h", "at most 8760h"),
          new BadValue("--timeout", "99999999999999999999999h", "at most 8760h"),
          new BadValue("--timeout", "-1s", "bad duration"),
          new BadValue("--timeout", "1x", "bad duration"),
          new BadValue("--timeout", "", "bad duration"),
          new BadValue("--timeout", "0.1ms", "must be greater than zero"),
          new BadValue("--grace", "soon", "bad duration \"soon\""),
          new BadValue("--grace", "9999999h", "at most 8760h"),
          new BadValue("--monitor-interval", "50ms", "at least 100ms"),
          new BadValue("--monitor-interval", "9999999h", "at most 8760h"),
          new BadValue("--monitor-interval", "0s", "must be greater than zero"),
          new BadValue("--stall-timeout", "0s", "must be greater than zero"),
          new BadValue("--stall-timeout", "9999999h", "at most 8760h"),
          new BadValue("--memory-limit", "lots", "bad size \"lots\""),
          new BadValue("--memory-limit", "0MB", "greater than zero"),
          new BadValue("--memory-limit", "99999999TB", "at most 1024TB"),
          new BadValue("--memory-limit", "-1GB", "bad size"),
          new BadValue("--max-attempts", "0", "from 1 to 20"),
          new BadValue("--max-attempts", "21", "from 1 to 20"),
          new BadValue("--max-attempts", "three", "max attempts \"three\""),
          new BadValue("--retry-delay", "later", "bad duration \"later\""),
          new BadValue("--retry-delay", "9999999h", "at most 8760h"),
          new BadValue("--format", "yaml", "--format"),
          new BadValue("--config", "missing.json", "missing.json: no such file"),
          new BadValue("--config", ".", "a directory, not a config file"));

  /** The five run commands, each with the least it needs to plan. */
  private static final Map<String, List<String>> RUN_COMMANDS =
      Map.of(
          "prod-episode", List.of("prod-episode", "x"),
          "prod-research", List.of("prod-research", "x"),
          "prod-script", List.of("prod-script", "x"),
          "prod-audio", List.of("prod-audio", "--episode-id", "e1"),
          "run", List.of("run", "--topic", "x"));

  static List<Case> all() {
    List<Case> cases = new ArrayList<>();
    for (var command :
        List.of("prod-episode", "prod-research", "prod-script", "prod-audio", "run")) {
      for (BadValue bad : RUN_OPTION_VALUES) {
        List<String> args = new ArrayList<>(RUN_COMMANDS.get(command));
        args.add(bad.option());
        args.add(bad.value());
        if (command.equals("run")) {
          args.addAll(List.of("--", "true"));
        }
        cases.add(
            new Case(
                command + " " + bad.option() + " '" + bad.value() + "'",
                args,
                Map.of(),
                Map.of(),
                bad.named()));
      }
    }
    cases.addAll(topics());
    cases.addAll(episodes());
    cases.addAll(places());
    cases.addAll(configFiles());
    cases.addAll(otherCommands());
    return cases;
  }

  private static List<Case> topics() {
    List<Case> cases = new ArrayList<>();
    for (String command : List.of("prod-episode", "prod-research", "prod-script")) {
      for (String topic : List.of("", "   ", "\t\n", " \u2003 ")) {
        cases.add(
            of(
                command + " blank topic '" + topic.replace("\n", "\\n") + "'",
                "topic: empty",
                command,
                topic));
      }
      cases.add(of(command + " --args '\"\"'", "topic: empty", command, "--args", "\"\""));
      cases.add(
          of(
              command + " --args '\"   \" --budget 2'",
              "topic: empty",
              command,
              "--args",
              "\"   \" --budget 2"));
      cases.add(of(command + " a 2001-character topic", "at most 2000", command, "y".repeat(2001)));
      cases.add(of(command + " a NUL in the topic", "NUL", command, "a\0b"));
    }
    cases.add(of("run --topic ''", "topic: empty", "run", "--topic", "", "--", "true"));
    cases.add(of("prod-episode with no topic", "TOPIC", "prod-episode"));
    cases.add(of("prod-research with no topic", "TOPIC", "prod-research"));
    cases.add(of("prod-script with nothing", "needs a TOPIC or the --episode-id", "prod-script"));
    cases.add(of("prod-audio with no episode", "needs --episode-id", "prod-audio", "x"));
    cases.add(of("run with no command", "CMD", "run"));
    return cases;
  }

  private static List<Case> episodes() {
    List<Case> cases = new ArrayList<>();
    cases.add(
        of(
            "prod-audio of no such episode",
            "no such episode",
            "prod-audio",
            "--episode-id",
            "nosuch"));
    cases.add(
        of(
            "prod-script of no such episode",
            "no such episode",
            "prod-script",
            "--episode-id",
            "nosuch"));
    cases.add(
        of(
            "prod-audio --args of no such episode",
            "no such episode",
            "prod-audio",
            "--args",
            "--episode-id nosuch"));
    for (String id :
        List.of("../../etc", "a/b", "", ".", "..", "-rf", "x y", "ep\u00e9", "a".repeat(200))) {
      cases.add(
          of(
              "prod-episode --episode-id '" + id + "'",
              "--episode-id",
              "prod-episode",
              "x",
              "--episode-id",
              id));
    }
    return cases;
  }

  private static List<Case> places() {
    List<Case> cases = new ArrayList<>();
    Map<String, String> file = Map.of("afile", "not a directory");
    for (String root :
        List.of(
            "/proc/prod-bridge-runs",
            "/sys/prod-bridge",
            "/dev/null/runs",
            "afile",
            "afile/runs")) {
      Map<String, String> env = Map.of("PROD_BRIDGE_RUNS", root);
      String named = root.startsWith("/") ? root.substring(0, root.indexOf('/', 1)) : "afile";
      cases.add(
          new Case(
              "prod-episode with runs root " + root,
              List.of("prod-episode", "x"),
              env,
              file,
              named));
      cases.add(
          new Case("run with runs root " + root, List.of("run", "--", "true"), env, file, named));
      cases.add(
          new Case(
              "batch with runs root " + root,
              List.of("batch", "season.txt"),
              env,
              Map.of("afile", "x", "season.txt", "Dreams\n"),
              named));
    }
    for (String dir : List.of("/proc/x", "afile/commands", "afile")) {
      cases.add(
          new Case(
              "install-plugin --dir " + dir,
              List.of("install-plugin", "--dir", dir),
              Map.of(),
              file,
              dir.startsWith("/") ? "/proc" : "afile"));
    }
    cases.add(
        new Case(
            "prod-episode with output_root in a file",
            List.of("prod-episode", "x", "--config", "c.json"),
            Map.of(),
            Map.of("afile", "x", "c.json", "{\"output_root\": \"afile/episodes\"}"),
            "is a file, not a directory"));
    cases.add(
        new Case(
            "batch --batch-dir under /proc",
            List.of("batch", "season.txt", "--batch-dir", "/proc/b"),
            Map.of(),
            Map.of("season.txt", "Dreams\n"),
            "/proc"));
    return cases;
  }

  private static List<Case> configFiles() {
    List<Case> cases = new ArrayList<>();
    Map<String, String> bad = new LinkedHashMap<>();
    bad.put("", "empty config file");
    bad.put("   \n\n", "empty config file");
    bad.put("null", "empty config file");
    bad.put("[]", "c.json");
    bad.put("{", "c.json");
    bad.put("{\"defaults\": {\"budget\": 1e999}}", "from 0.01");
    bad.put("{\"defaults\": {\"budget\": 0.001}}", "from 0.01");
    bad.put("{\"defaults\": {\"timeout\": \"10000000h\"}}", "at most 8760h");
    bad.put("{\"defaults\": {\"monitor_interval\": \"9999999h\"}}", "at most 8760h");
    bad.put("{\"defaults\": {\"stall_timeout\": \"9999999h\"}}", "at most 8760h");
    bad.put("{\"defaults\": {\"quality_threshold\": 11}}", "between 0 and 10");
    bad.put("{\"defaults\": {\"memory_limit\": \"99999999TB\"}}", "at most 1024TB");
    bad.put("{\"defaults\": {\"timout\": \"1m\"}}", "unknown key \"timout\"");
    bad.put("{\"pipeline\": \"nope\"}", "unknown profile set");
    for (var e : bad.entrySet()) {
      cases.add(
          new Case(
              "config file '" + e.getKey().replace("\n", "\\n") + "'",
              List.of("prod-episode", "x", "--config", "c.json"),
              Map.of(),
              Map.of("c.json", e.getKey()),
              e.getValue()));
    }
    cases.add(
        new Case(
            "PROD_BRIDGE_CONFIG a directory",
            List.of("prod-episode", "x"),
            Map.of("PROD_BRIDGE_CONFIG", "."),
            Map.of(),
            "a directory, not a config file"));
    cases.add(
        new Case(
            "PROD_BRIDGE_CONFIG missing",
            List.of("prod-episode", "x"),
            Map.of("PROD_BRIDGE_CONFIG", "nope.json"),
            Map.of(),
            "no such file"));
    cases.add(
        new Case(
            "./prod-bridge.json empty",
            List.of("prod-episode", "x"),
            Map.of(),
            Map.of("prod-bridge.json", ""),
            "empty config file"));
    return cases;
  }

  private static List<Case> otherCommands() {
    List<Case> cases = new ArrayList<>();
    for (String limit : List.of("0", "-1", "many", "1001", "")) {
      cases.add(of("runs --limit '" + limit + "'", "--limit", "runs", "--limit", limit));
    }
    cases.add(
        of("logs of no such run", "unknown run id", "logs", "20260101-000000-episode-abcdef"));
    cases.add(
        of("logs --tail 0", "--tail", "logs", "20260101-000000-episode-abcdef", "--tail", "0"));
    cases.add(
        of("result of no such run", "unknown run id", "result", "20260101-000000-episode-abcdef"));
    cases.add(of("result of a path", "run id", "result", "../../etc"));
    cases.add(of("status of a path", "run id", "status", "../x"));
    cases.add(of("status --wait 9999999h", "at most 8760h", "status", "--wait", "9999999h"));
    cases.add(
        of("cancel of no such run", "unknown run id", "cancel", "20260101-000000-episode-abcdef"));
    cases.add(of("batch of no file", "nope.csv", "batch", "nope.csv"));
    for (String budget : List.of("1e-9", "1e999", "0", "free")) {
      cases.add(
          new Case(
              "batch --total-budget " + budget,
              List.of("batch", "s.txt", "--total-budget", budget),
              Map.of(),
              Map.of("s.txt", "Dreams\n"),
              "--total-budget"));
    }
    for (String n : List.of("0", "-1", "1001")) {
      cases.add(
          new Case(
              "batch --parallel " + n,
              List.of("batch", "s.txt", "--parallel", n),
              Map.of(),
              Map.of("s.txt", "Dreams\n"),
              "--parallel"));
    }
    cases.add(
        new Case(
            "batch row budget 1e-9",
            List.of("batch", "s.csv"),
            Map.of(),
            Map.of("s.csv", "topic,budget\nDreams,1e-9\n"),
            "from 0.01"));
    cases.add(
        new Case(
            "batch row threshold 11",
            List.of("batch", "s.csv"),
            Map.of(),
            Map.of("s.csv", "topic,quality_threshold\nDreams,11\n"),
            "between 0 and 10"));
    cases.add(
        new Case(
            "batch --format yaml",
            List.of("batch", "s.txt", "--format", "yaml"),
            Map.of(),
            Map.of("s.txt", "Dreams\n"),
            "--format"));
    cases.add(of("an unknown command", "prod-epsiode", "prod-epsiode", "x"));
    cases.add(of("no command at all", "missing command"));
    cases.add(of("an unknown option", "--budgit", "prod-episode", "x", "--budgit", "3"));
    cases.add(
        of(
            "a profile that does not exist",
            "unknown profile \"nope\"",
            "run",
            "--profile",
            "nope",
            "--",
            "true"));
    return cases;
  }

  private static Case of(String name, String named, String... args) {
    return new Case(name, List.of(args), Map.of(), Map.of(), named);
  }
}
