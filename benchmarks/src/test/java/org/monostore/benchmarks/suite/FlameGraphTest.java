package org.monostore.benchmarks.suite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A hand-made profile of ten samples: a request thread through Tomcat, Spring and Jackson, and a Pekko actor. */
class FlameGraphTest {

  private static final Pattern RECT =
      Pattern.compile("<rect x=\"([0-9.]+)\" y=\"(\\d+)\" width=\"([0-9.]+)\"[^>]*><title>([^<]*)</title>");

  private static FlameGraph profile() {
    FlameGraph graph = new FlameGraph();
    graph.add(List.of("java.lang.Thread.run", "org.apache.catalina.Valve.invoke",
        "org.springframework.web.servlet.DispatcherServlet.doDispatch", "org.monostore.cart.CartRoutes.update"), 2);
    graph.add(List.of("java.lang.Thread.run", "org.apache.catalina.Valve.invoke",
        "org.springframework.web.servlet.DispatcherServlet.doDispatch", "tools.jackson.databind.ObjectMapper.writeValue",
        "java.util.HashMap.get"), 3);
    graph.add(List.of("java.lang.Thread.run", "org.apache.pekko.actor.ActorCell.invoke", "java.util.ArrayList.<init>"), 4);
    graph.add(List.of("java.lang.Thread.run"), 1);
    return graph;
  }

  @Test
  void countsTheRunningFramesAndChargesTheJdkToItsCaller() {
    FlameGraph graph = profile();

    assertThat(graph.samples()).isEqualTo(10);
    assertThat(graph.topSelf(2)).containsExactly(entry("java.util.ArrayList.<init>", 4L), entry("java.util.HashMap.get", 3L));
    assertThat(graph.byKind()).containsExactly(entry(FlameGraph.Kind.PEKKO, 4L), entry(FlameGraph.Kind.JACKSON, 3L),
        entry(FlameGraph.Kind.MONOSTORE, 2L), entry(FlameGraph.Kind.JDK, 1L));
  }

  @Test
  void drawsEachFrameOnceWithATooltipAndCalleesAsWideAsTheirCallers() {
    String svg = profile().svg("a <test>");

    List<String[]> rects = new ArrayList<>();
    Matcher rect = RECT.matcher(svg);
    while (rect.find()) {
      rects.add(new String[] {rect.group(1), rect.group(2), rect.group(3), rect.group(4)});
    }
    // all, Thread.run, Valve, DispatcherServlet, CartRoutes, ObjectMapper, HashMap, ActorCell, ArrayList.<init>
    assertThat(rects).hasSize(9);
    assertThat(svg).contains("a &lt;test&gt;", "<title>java.util.ArrayList.&lt;init&gt;: 4 samples, 40.00%</title>",
        "<title>org.monostore.cart.CartRoutes.update: 2 samples, 20.00%</title>", "o.m.c.CartRoutes.update");
    double all = width(rects, "all samples");
    assertThat(width(rects, "java.lang.Thread.run")).isCloseTo(all, within(0.02));
    assertThat(width(rects, "org.apache.catalina.Valve.invoke") + width(rects, "org.apache.pekko.actor.ActorCell.invoke"))
        .isCloseTo(all * 9 / 10, within(0.02));
    assertThat(width(rects, "org.monostore.cart.CartRoutes.update")
            + width(rects, "tools.jackson.databind.ObjectMapper.writeValue"))
        .isCloseTo(width(rects, "org.springframework.web.servlet.DispatcherServlet.doDispatch"), within(0.02));
    // A callee stands right above its caller.
    assertThat(y(rects, "org.apache.catalina.Valve.invoke")).isEqualTo(y(rects, "java.lang.Thread.run") - 16);
  }

  @Test
  void namesAFrameByItsClassAndMethodWithThePackageAbbreviated() {
    assertThat(FlameGraph.shortName("org.apache.pekko.actor.ActorCell.invoke")).isEqualTo("o.a.p.a.ActorCell.invoke");
    assertThat(FlameGraph.Kind.of("org.apache.pekko.persistence.jdbc.journal.JdbcAsyncWriteJournal.asyncWriteMessages"))
        .isEqualTo(FlameGraph.Kind.DATABASE);
  }

  private static String[] find(List<String[]> rects, String frame) {
    return rects.stream().filter(r -> r[3].startsWith(frame + ":")).findFirst().orElseThrow();
  }

  private static double width(List<String[]> rects, String frame) {
    return Double.parseDouble(find(rects, frame)[2]);
  }

  private static int y(List<String[]> rects, String frame) {
    return Integer.parseInt(find(rects, frame)[1]);
  }
}
