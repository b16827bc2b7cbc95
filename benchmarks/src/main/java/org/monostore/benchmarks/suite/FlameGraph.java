package org.monostore.benchmarks.suite;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sampled stacks collapsed into a tree and drawn as a flame graph: one rectangle a frame, as wide as
 * its share of the samples, its callees stacked above it, coloured by whose code it is. Beside the
 * picture, the figures an analysis cites: the frames that were running (self samples) and the share
 * of each kind of code.
 */
final class FlameGraph {

  /** Whose code a frame is, told by its class's package; the first kind that claims a frame wins. */
  enum Kind {
    MONOSTORE("MonoStore", "#66bb6a", "org.monostore."),
    // Before Pekko: the JDBC journal is Pekko's package but the database's cost.
    DATABASE("PostgreSQL driver, Slick, JDBC journal", "#ab47bc",
        "org.postgresql.", "slick.", "com.zaxxer.hikari.", "org.apache.pekko.persistence.jdbc."),
    PEKKO("Pekko", "#42a5f5", "org.apache.pekko."),
    SPRING_TOMCAT("Spring, Tomcat", "#ffa726",
        "org.springframework.", "org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat."),
    JACKSON("Jackson", "#ef5350", "tools.jackson.", "com.fasterxml.jackson."),
    JDK("JDK", "#bdbdbd", "java.", "javax.", "jdk.", "sun.", "com.sun."),
    OTHER("other", "#d4e157");

    final String label;
    final String colour;
    private final List<String> packages;

    Kind(String label, String colour, String... packages) {
      this.label = label;
      this.colour = colour;
      this.packages = List.of(packages);
    }

    static Kind of(String frame) {
      for (Kind kind : values()) {
        if (kind.packages.stream().anyMatch(frame::startsWith)) {
          return kind;
        }
      }
      return OTHER;
    }
  }

  /** Deeper frames are left out of the picture (not of the figures): past this the graph is too tall to read. */
  static final int MAX_DEPTH = 128;

  private static final int WIDTH = 1200;
  private static final int PAD = 10;
  private static final int FRAME = 16;
  private static final int TOP = 54;
  private static final double CHAR_WIDTH = 6.6;
  /** Frames narrower than this many pixels are not drawn at first; more are left out while the SVG is too big. */
  private static final double MIN_WIDTH = 0.5;
  private static final int MAX_SVG_CHARS = 1_500_000;

  private static final class Node {
    final String frame;
    long samples;
    final Map<String, Node> callees = new TreeMap<>();

    Node(String frame) {
      this.frame = frame;
    }
  }

  private final Node all = new Node("all samples");
  private final Map<String, Long> self = new HashMap<>();
  private final Map<Kind, Long> byKind = new EnumMap<>(Kind.class);

  /** {@code samples} samples of one stack, its frames ({@code Class.method}) from the root to the running one. */
  void add(List<String> rootFirst, long samples) {
    all.samples += samples;
    Node node = all;
    for (String frame : rootFirst.subList(0, Math.min(MAX_DEPTH, rootFirst.size()))) {
      node = node.callees.computeIfAbsent(frame, Node::new);
      node.samples += samples;
    }
    if (rootFirst.isEmpty()) {
      return;
    }
    self.merge(rootFirst.getLast(), samples, Long::sum);
    // A sample in the JDK's collections or I/O is the cost of the code that called them.
    Kind kind = rootFirst.reversed().stream().map(Kind::of).filter(k -> k != Kind.JDK).findFirst().orElse(Kind.JDK);
    byKind.merge(kind, samples, Long::sum);
  }

  long samples() {
    return all.samples;
  }

  /** The frames most often found running, most first. */
  List<Map.Entry<String, Long>> topSelf(int count) {
    return self.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(count).toList();
  }

  /** Samples by the kind of their innermost frame outside the JDK (JDK: samples wholly in it), most first. */
  List<Map.Entry<Kind, Long>> byKind() {
    return byKind.entrySet().stream().sorted(Map.Entry.<Kind, Long>comparingByValue().reversed()).toList();
  }

  String svg(String title) {
    double minWidth = MIN_WIDTH;
    String svg = svg(title, minWidth);
    while (svg.length() > MAX_SVG_CHARS) {
      minWidth *= 2;
      svg = svg(title, minWidth);
    }
    return svg;
  }

  private String svg(String title, double minWidth) {
    double scale = all.samples == 0 ? 0 : (WIDTH - 2.0 * PAD) / all.samples;
    int depth = depth(all, scale, minWidth);
    int height = TOP + depth * FRAME + PAD;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"monospace\" font-size=\"11\">%n",
        WIDTH, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"15\" font-family=\"sans-serif\" "
        + "font-weight=\"bold\">%s</text>%n", PAD, escape(title)));
    double legendX = PAD;
    for (Kind kind : Kind.values()) {
      svg.append(String.format(Locale.ROOT,
          "<rect x=\"%.1f\" y=\"30\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%.1f\" y=\"40\">%s</text>%n",
          legendX, kind.colour, legendX + 16, escape(kind.label)));
      legendX += 16 + kind.label.length() * CHAR_WIDTH + 14;
    }
    draw(svg, all, 0, 0, scale, minWidth, height - PAD);
    return svg.append("</svg>\n").toString();
  }

  /** The rows the drawn frames take: the deepest chain of frames at least {@code minWidth} wide. */
  private static int depth(Node node, double scale, double minWidth) {
    if (node.samples * scale < minWidth) {
      return 0;
    }
    return 1 + node.callees.values().stream().mapToInt(callee -> depth(callee, scale, minWidth)).max().orElse(0);
  }

  /** The root at the bottom, each callee above its caller, callees side by side in name order. */
  private void draw(StringBuilder svg, Node node, long offset, int level, double scale, double minWidth, int bottom) {
    double width = node.samples * scale;
    if (width < minWidth) {
      return;
    }
    double x = PAD + offset * scale;
    int y = bottom - (level + 1) * FRAME;
    String colour = node == all ? "#e0e0e0" : Kind.of(node.frame).colour;
    svg.append(String.format(Locale.ROOT,
        "<rect x=\"%.2f\" y=\"%d\" width=\"%.2f\" height=\"%d\" fill=\"%s\"><title>%s: %,d samples, %.2f%%</title></rect>%n",
        x, y, width, FRAME - 1, colour, escape(node.frame), node.samples, 100.0 * node.samples / all.samples));
    String label = label(node == all ? node.frame : shortName(node.frame), width);
    if (!label.isEmpty()) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%.2f\" y=\"%d\">%s</text>%n", x + 3, y + FRAME - 4, escape(label)));
    }
    long calleeOffset = offset;
    for (Node callee : node.callees.values()) {
      draw(svg, callee, calleeOffset, level + 1, scale, minWidth, bottom);
      calleeOffset += callee.samples;
    }
  }

  /** As much of the name as fits in the rectangle; nothing when not even a few letters fit. */
  private static String label(String name, double width) {
    int fits = (int) ((width - 6) / CHAR_WIDTH);
    if (fits < 4) {
      return "";
    }
    return name.length() <= fits ? name : name.substring(0, fits - 2) + "..";
  }

  /** org.apache.pekko.actor.ActorCell.invoke as o.a.p.a.ActorCell.invoke: the class and method matter most. */
  static String shortName(String frame) {
    int method = frame.lastIndexOf('.');
    int type = method < 0 ? -1 : frame.lastIndexOf('.', method - 1);
    if (type < 0) {
      return frame;
    }
    List<String> initials = new ArrayList<>();
    for (String segment : frame.substring(0, type).split("\\.")) {
      initials.add(segment.isEmpty() ? "" : segment.substring(0, 1));
    }
    return String.join(".", initials) + frame.substring(type);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
