package org.monostore.benchmarks.suite;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small SVG line chart: one line per series over the concurrency levels, with a legend. */
final class Chart {

  record Point(int x, double y) {}

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"};
  private static final int WIDTH = 760;
  private static final int HEIGHT = 420;
  private static final int LEFT = 70;
  private static final int RIGHT = 220;
  private static final int TOP = 40;
  private static final int BOTTOM = 50;

  private Chart() {}

  /** X is plotted on a log scale (1, 8, 64, 256 clients spread evenly); Y starts at zero. */
  static String svg(String title, String yLabel, List<Integer> xs, Map<String, List<Point>> series) {
    double maxY = series.values().stream().flatMap(List::stream).mapToDouble(Point::y).max().orElse(1);
    maxY = niceCeiling(maxY);
    double minLog = Math.log(xs.getFirst());
    double maxLog = Math.log(xs.getLast());
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
        WIDTH, HEIGHT));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", LEFT, title));
    for (int tick = 0; tick <= 5; tick++) {
      double value = maxY * tick / 5;
      double y = TOP + plotHeight - plotHeight * tick / 5.0;
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
          LEFT, y, LEFT + plotWidth, y, LEFT - 6, y + 4, label(value)));
    }
    for (int x : xs) {
      double px = xPosition(x, minLog, maxLog, plotWidth);
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/><text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
          px, TOP, px, TOP + plotHeight, px, TOP + plotHeight + 18, x));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">concurrent clients</text>%n", LEFT + plotWidth / 2, HEIGHT - 10));
    svg.append(String.format(Locale.ROOT,
        "<text transform=\"translate(16,%d) rotate(-90)\" text-anchor=\"middle\">%s</text>%n", TOP + plotHeight / 2, yLabel));
    int index = 0;
    for (var entry : series.entrySet()) {
      String colour = COLOURS[index % COLOURS.length];
      StringBuilder points = new StringBuilder();
      for (Point point : entry.getValue()) {
        double px = xPosition(point.x(), minLog, maxLog, plotWidth);
        double py = TOP + plotHeight - plotHeight * point.y() / maxY;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>%n", px, py, colour));
      }
      svg.append(String.format(Locale.ROOT,
          "<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n", points.toString().strip(), colour));
      int legendY = TOP + 10 + index * 20;
      svg.append(String.format(Locale.ROOT,
          "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/><text x=\"%d\" y=\"%d\">%s</text>%n",
          WIDTH - RIGHT + 15, legendY, WIDTH - RIGHT + 35, legendY, colour, WIDTH - RIGHT + 40, legendY + 4, entry.getKey()));
      index++;
    }
    return svg.append("</svg>\n").toString();
  }

  private static double xPosition(int x, double minLog, double maxLog, int plotWidth) {
    double fraction = maxLog == minLog ? 0.5 : (Math.log(x) - minLog) / (maxLog - minLog);
    return LEFT + plotWidth * fraction;
  }

  private static double niceCeiling(double value) {
    if (value <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    for (double step : new double[] {1, 2, 2.5, 5, 10}) {
      if (step * magnitude >= value) {
        return step * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String label(double value) {
    if (value >= 1000) {
      return String.format(Locale.ROOT, "%.0fk", value / 1000);
    }
    return String.format(Locale.ROOT, value < 10 ? "%.1f" : "%.0f", value);
  }
}
