package org.monostore.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.monostore.shared.Money;

/**
 * Generates an invented, realistic-looking demo catalog. Everything is derived from the seed, so the same
 * seed always yields exactly the same products (useful for repeatable demos and tests).
 */
final class DemoCatalog {

  /** One generated product; prices keyed by market code ("SE", "NO", ...). */
  record DemoProduct(
      String sku,
      String name,
      String description,
      String category,
      boolean inStock,
      Map<String, Money> prices) {}

  /** Word lists and SEK price range of one category; lists are "|"-separated to keep the table compact. */
  private record Category(
      String name, String prefix, int minSek, int maxSek,
      String brands, String adjectives, String nouns, String variants, String features) {

    String pick(String list, Random random) {
      String[] words = list.split("\\|");
      return words[random.nextInt(words.length)];
    }
  }

  private static final List<Category> TABLE = List.of(
      new Category("Electronics", "ELEC", 199, 14999, "Voltra|Kestrel|Auralis|Nordtek|Lumio",
          "Wireless|Compact|Portable|Smart|Noise Cancelling|Ultra Slim|Pro",
          "Headphones|Bluetooth Speaker|Tablet|Laptop|Smartwatch|Action Camera|Monitor|Power Bank|Router",
          "Black|Silver|Midnight Blue|64 GB|128 GB|256 GB|27 inch|Gen 2",
          "long battery life|fast USB-C charging|a crisp high-resolution display|low-latency wireless pairing"),
      new Category("Books", "BOOK", 99, 399, "Lindqvist Press|Ravenholm Books|Tallmark|Quillby",
          "Illustrated|Pocket|Hardcover|Complete|Beginner's|Collected",
          "Cookbook|Field Guide to Mosses|Crime Novel|Atlas of Northern Lakes|Poetry Collection|History of Sailing|Garden Handbook",
          "Paperback|2nd Edition|Large Print|Gift Edition",
          "hand-drawn illustrations|clear step-by-step chapters|a foreword by the author|a sturdy sewn binding"),
      new Category("Kitchen", "KITC", 79, 2995, "Norrvik|Grytlund|Ekhaga|Saltbacka",
          "Cast Iron|Stainless Steel|Nonstick|Enamelled|Ceramic|Copper",
          "Skillet|Saucepan|Chef's Knife|Cutting Board|Kettle|Stock Pot|Colander|Baking Tray|Coffee Grinder",
          "20 cm|24 cm|28 cm|1.5 l|3 l|Black|White|Sage Green",
          "even heat distribution|dishwasher-safe parts|a comfortable ergonomic handle|induction compatibility"),
      new Category("Clothing", "CLTH", 149, 2495, "Fjellrun|Havsö|Mossgrå|Tundrella",
          "Merino|Organic Cotton|Waterproof|Quilted|Linen|Relaxed Fit|Slim Fit",
          "T-Shirt|Hoodie|Rain Jacket|Chinos|Knit Sweater|Parka|Shorts|Flannel Shirt",
          "Size S|Size M|Size L|Size XL|Navy|Charcoal|Forest Green|Sand",
          "breathable fabric|reinforced seams|a tailored modern cut|soft brushed lining"),
      new Category("Toys", "TOYS", 99, 1495, "Pixelpuff|Trollberg|Klossa|Wobblin",
          "Wooden|Magnetic|Glow-in-the-Dark|Plush|Remote Control|Musical",
          "Building Blocks|Train Set|Puzzle|Teddy Bear|Race Car|Dollhouse|Marble Run|Board Game",
          "100 pieces|250 pieces|Ages 3+|Ages 6+|Rainbow|Deluxe Set",
          "child-safe non-toxic paint|rounded edges|hours of creative play|easy storage in its own box"),
      new Category("Sports", "SPRT", 149, 4995, "Stridsvik|Apexa|Fjällkraft|Bolgen",
          "Lightweight|Adjustable|Foldable|Insulated|Carbon|All-Weather",
          "Yoga Mat|Running Shoes|Dumbbell Set|Trekking Poles|Bike Helmet|Water Bottle|Tent|Ski Gloves",
          "Size 42|Size 44|2 kg|10 kg|750 ml|2-Person|Red|Graphite",
          "a non-slip grip|a durable weather-resistant shell|easy packing for travel|improved comfort on long sessions"),
      new Category("Garden", "GRDN", 99, 5995, "Rosendahl|Lövgren|Ängsby|Grönkulla",
          "Galvanised|Cordless|Weatherproof|Raised|Solar|Heavy Duty",
          "Planter|Hose Reel|Pruning Shears|Lawn Mower|Garden Bench|Watering Can|Leaf Blower|Bird Feeder",
          "40 cm|60 cm|10 l|30 m|Terracotta|Anthracite",
          "rust-resistant materials|UV-stable finish|a comfortable, well-balanced grip|quick tool-free assembly"),
      new Category("Beauty", "BEAU", 59, 899, "Silvia Moor|Aurelle|Klarhud|Nimbé",
          "Hydrating|Gentle|Fragrance-Free|Revitalising|Vegan|Overnight",
          "Face Cream|Body Lotion|Shampoo|Lip Balm|Serum|Hand Soap|Sunscreen|Hair Oil",
          "50 ml|100 ml|250 ml|SPF 30|Travel Size|Refill",
          "dermatologically tested ingredients|a light non-greasy texture|recyclable packaging|a subtle natural scent"),
      new Category("Grocery", "GROC", 19, 249, "Saltvik|Gårdsbo|Bärlunda|Kvarnholm",
          "Organic|Stone-Ground|Wild|Smoked|Roasted|Sugar-Free",
          "Rye Crispbread|Lingonberry Jam|Coffee Beans|Oat Drink|Honey|Muesli|Mustard|Herbal Tea",
          "250 g|500 g|1 kg|1 l|Family Pack",
          "carefully selected ingredients|a rich authentic taste|no artificial additives|a resealable pack"),
      new Category("Home", "HOME", 99, 7995, "Ljusdal|Vävlund|Björkeby|Stillhem",
          "Handwoven|Scandinavian|Minimalist|Oak|Velvet|Dimmable",
          "Floor Lamp|Throw Blanket|Armchair|Bookshelf|Rug|Cushion Cover|Mirror|Side Table",
          "120x180 cm|50x50 cm|Natural|Oatmeal|Dusty Pink|Smoke Grey",
          "a timeless design|sustainably sourced materials|an easy-care finish|solid stable construction"),
      new Category("Office", "OFFC", 29, 3995, "Pennström|Arkivo|Deskwell|Skrivby",
          "Ergonomic|Recycled|Refillable|Height-Adjustable|Dotted|Mechanical",
          "Notebook|Desk Chair|Fountain Pen|Standing Desk|Desk Organizer|Keyboard|Monitor Arm|Planner",
          "A5|A4|Pack of 3|Black|Walnut|Nordic Layout",
          "all-day comfort|premium acid-free paper|a clutter-free workspace|smooth reliable operation"));

  /** The category names, in order. */
  static final List<String> CATEGORIES = TABLE.stream().map(Category::name).toList();

  /** Description templates: %1$s = product noun, %2$s = brand, %3$s and %4$s = two features. */
  private static final String[] TEMPLATES = {
    "This %1$s from %2$s combines %3$s with %4$s.",
    "Designed for everyday use, the %2$s %1$s offers %3$s. It also comes with %4$s.",
    "A dependable %1$s with %3$s and %4$s.",
    "%2$s made this %1$s with %3$s in mind. Customers especially appreciate %4$s.",
  };

  private DemoCatalog() {}

  static List<DemoProduct> generate(int count, long seed, Map<String, String> currencyByMarket) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    Objects.requireNonNull(currencyByMarket, "currencyByMarket");
    Random random = new Random(seed);
    Set<String> usedNames = new HashSet<>();
    List<DemoProduct> products = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      // Round-robin over categories spreads products evenly; the per-category number keeps SKUs unique.
      Category category = TABLE.get(i % TABLE.size());
      String sku = "%s-%06d".formatted(category.prefix(), i / TABLE.size() + 1);
      products.add(product(category, sku, random, usedNames, currencyByMarket));
    }
    return List.copyOf(products);
  }

  private static DemoProduct product(
      Category category, String sku, Random random, Set<String> usedNames, Map<String, String> currencyByMarket) {
    String brand = category.pick(category.brands(), random);
    String noun = category.pick(category.nouns(), random);
    String name = uniqueName(category, brand, noun, random, usedNames);
    // Two distinct features, so a description never repeats itself.
    String[] features = category.features().split("\\|");
    int first = random.nextInt(features.length);
    int second = (first + 1 + random.nextInt(features.length - 1)) % features.length;
    String description = TEMPLATES[random.nextInt(TEMPLATES.length)]
        .formatted(noun.toLowerCase(Locale.ROOT), brand, features[first], features[second]);
    boolean inStock = random.nextDouble() < 0.9;
    long baseSek = crownPrice(baseSekPrice(category, random));
    Map<String, Money> prices = new LinkedHashMap<>();
    currencyByMarket.forEach((market, currency) -> prices.put(market, price(baseSek, currency)));
    return new DemoProduct(sku, name, description, category.name(), inStock, Map.copyOf(prices));
  }

  /** Brand + optional adjective + noun + optional variant; a series number settles rare repeated draws. */
  private static String uniqueName(Category category, String brand, String noun, Random random, Set<String> used) {
    String name = "";
    for (int attempt = 0; attempt < 5; attempt++) {
      name = brand;
      if (random.nextInt(10) < 7) {
        name += " " + category.pick(category.adjectives(), random);
      }
      name += " " + noun;
      if (random.nextBoolean()) {
        name += " " + category.pick(category.variants(), random);
      }
      if (used.add(name)) {
        return name;
      }
    }
    String numbered = name;
    for (int series = 2; !used.add(numbered); series++) {
      numbered = name + " Series " + series;
    }
    return numbered;
  }

  /** Log-uniform within the category range, so cheap items are more common than expensive ones. */
  private static double baseSekPrice(Category category, Random random) {
    double low = Math.log(category.minSek());
    double high = Math.log(category.maxSek());
    return Math.exp(low + random.nextDouble() * (high - low));
  }

  private static Money price(long baseSek, String currency) {
    return switch (currency) {
      case "SEK" -> new Money(baseSek * 100, currency);
      case "NOK" -> new Money(crownPrice(baseSek) * 100, currency); // NOK trades close to par with SEK
      case "DKK" -> new Money(crownPrice(baseSek * 0.68) * 100, currency);
      case "EUR" -> new Money(euroCents(baseSek / 11.5), currency);
      default -> new Money(Math.max(1, Math.round(baseSek * 0.1)) * Money.minorUnitsPerMajor(currency), currency);
    };
  }

  /** Whole crowns with shop endings: 49, 199, 249 below a thousand; 1 295, 14 995 above. */
  private static long crownPrice(double crowns) {
    if (crowns >= 1000) {
      return Math.round(crowns / 100) * 100 - 5;
    }
    return Math.max(9, Math.round(crowns / 10) * 10 - 1);
  }

  /** Euro cents with shop endings: x.95 under 20 euros, x.99 up to 100, then steps of 5 euros minus a cent. */
  private static long euroCents(double euros) {
    if (euros >= 100) {
      return Math.round(euros / 5) * 500 - 1;
    }
    if (euros >= 20) {
      return Math.round(euros) * 100 - 1;
    }
    return Math.max(1, Math.round(euros)) * 100 - 5;
  }
}
