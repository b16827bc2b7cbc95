package org.monostore.benchmarks.suite;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Carts prepared before a run, one line each, so that every request the run makes is measured. */
final class Carts {

  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private Carts() {}

  /** Creates the carts under {@code cartsUrl} and writes them as a Gatling feeder: cartId,lineSku. */
  static Path prepare(String cartsUrl, int count, Path feeder) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<String> rows = new ArrayList<>(List.of("cartId,lineSku"));
    for (int i = 0; i < count; i++) {
      String created = send(http, HttpRequest.newBuilder(URI.create(cartsUrl))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), 201);
      Matcher id = ID.matcher(created);
      if (!id.find()) {
        throw new IllegalStateException("no cart id in " + created);
      }
      String sku = "OFFC-%06d".formatted(1 + i % 200);
      send(http, HttpRequest.newBuilder(URI.create(cartsUrl + "/" + id.group(1) + "/items"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"sku\": \"" + sku + "\", \"quantity\": 50}")).build(), 200);
      rows.add(id.group(1) + "," + sku);
    }
    Files.write(feeder, rows);
    return feeder;
  }

  private static String send(HttpClient http, HttpRequest request, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != expected) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }
}
