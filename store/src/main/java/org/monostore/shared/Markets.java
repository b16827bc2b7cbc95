package org.monostore.shared;

import java.util.Arrays;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.monostore.platform.Rejection;
import org.springframework.stereotype.Component;

/** The markets the shop sells in, from configuration. */
@Component
public final class Markets {

  private final Map<String, Market> byCode;
  private final Market defaultMarket;

  Markets(MarketSettings settings) {
    this.byCode = parse(settings.markets());
    String defaultMarket = settings.defaultMarket();
    this.defaultMarket = find(defaultMarket)
        .orElseThrow(() -> new IllegalArgumentException("monostore.default-market " + defaultMarket
            + " is not one of monostore.markets " + byCode.keySet()));
  }

  public Optional<Market> find(String code) {
    return Optional.ofNullable(code).map(byCode::get);
  }

  /** The named market, or the default one when none is named; an unknown code is a 400. */
  public Market resolve(String code) {
    if (code == null || code.isBlank()) {
      return defaultMarket;
    }
    return find(code)
        .orElseThrow(() -> Rejection.invalid("market",
            "'market' must be one of " + byCode.keySet() + ", not '" + abbreviate(code) + "'").asException());
  }

  /** A list's market filter: null when none is named (every market); an unknown code is a 400. */
  public Market filter(String code) {
    return code == null || code.isBlank() ? null : resolve(code);
  }

  public Market defaultMarket() {
    return defaultMarket;
  }

  public Collection<Market> all() {
    return byCode.values();
  }

  public Map<String, String> currencyByMarket() {
    return byCode.values().stream()
        .collect(Collectors.toMap(Market::code, Market::currency, (a, b) -> a, LinkedHashMap::new));
  }

  private static String abbreviate(String text) {
    return text.length() <= 20 ? text : text.substring(0, 20) + "...";
  }

  private static Map<String, Market> parse(String markets) {
    return Arrays.stream(markets.split(","))
        .map(String::strip)
        .filter(pair -> !pair.isEmpty())
        .map(pair -> {
          String[] parts = pair.split(":");
          if (parts.length != 2 || !parts[0].strip().matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("monostore.markets: '" + pair + "' is not CODE:CURRENCY");
          }
          String currency = Currency.getInstance(parts[1].strip()).getCurrencyCode();
          return new Market(parts[0].strip(), currency);
        })
        .collect(Collectors.toMap(Market::code, m -> m, (a, b) -> a, LinkedHashMap::new));
  }
}
