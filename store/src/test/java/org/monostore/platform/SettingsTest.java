package org.monostore.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.monostore.MonoStoreApplication;
import org.monostore.admin.AdminSettings;
import org.monostore.cart.CartSettings;
import org.monostore.catalog.CatalogSettings;
import org.monostore.checkout.CheckoutSettings;
import org.monostore.cluster.LauncherSettings;
import org.monostore.payment.PaymentSettings;
import org.monostore.pricing.VatSettings;
import org.monostore.shared.MarketSettings;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * The store's settings records as the store binds them: with nothing configured each holds its
 * documented default, and a bad value stops the start with what {@link StartupFailureAnalyzer} makes
 * of it, one sentence naming the setting, what is wrong and where it was given.
 */
class SettingsTest {

  @Configuration(proxyBeanMethods = false)
  @ConfigurationPropertiesScan(basePackageClasses = MonoStoreApplication.class)
  static class EverySettingsRecord {}

  private Environment environment;
  private final ApplicationContextRunner store = new ApplicationContextRunner()
      .withUserConfiguration(EverySettingsRecord.class)
      .withInitializer(context -> environment = context.getEnvironment());

  @Test
  void withNothingConfiguredEverySettingHasItsDefault() {
    store.run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(CartSettings.class))
          .isEqualTo(new CartSettings(99, 100, 50, Duration.ofHours(24), 100));
      assertThat(context.getBean(CheckoutSettings.class))
          .isEqualTo(new CheckoutSettings(false, Duration.ofSeconds(30)));
      assertThat(context.getBean(PaymentSettings.class)).isEqualTo(new PaymentSettings("simulated",
          Duration.ofSeconds(3), new PaymentSettings.SimulatedGateway(Duration.ofSeconds(10))));
      assertThat(context.getBean(AdminSettings.class))
          .isEqualTo(new AdminSettings("admin", "", new AdminSettings.SignIn(5, Duration.ofMinutes(15)),
              "EUR=1,SEK=0.091,NOK=0.085,DKK=0.134"));
      assertThat(context.getBean(CatalogSettings.class)).isEqualTo(new CatalogSettings(3000));
      assertThat(context.getBean(VatSettings.class)).isEqualTo(new VatSettings("SE:25,NO:25,DK:25,FI:25.5",
          "SE/Grocery:6,SE/Books:6,NO/Grocery:15,NO/Books:0,FI/Grocery:13.5,FI/Books:14"));
      assertThat(context.getBean(MarketSettings.class))
          .isEqualTo(new MarketSettings("SE:SEK,NO:NOK,DK:DKK,FI:EUR", "SE"));
      assertThat(context.getBean(PlatformSettings.class)).isEqualTo(new PlatformSettings(Duration.ofSeconds(5),
          new PlatformSettings.Http(DataSize.ofKilobytes(16)),
          new PlatformSettings.Projections(Duration.ofSeconds(1)),
          new PlatformSettings.Pekko("application.conf")));
      assertThat(context.getBean(EmbeddedDatabaseSettings.class))
          .isEqualTo(new EmbeddedDatabaseSettings(".data/postgres", 0));
      assertThat(context.getBean(LauncherSettings.class)).isEqualTo(new LauncherSettings(null));
    });
  }

  @Test
  void aGivenValueIsBoundUnderItsDocumentedName() {
    store.withPropertyValues("monostore.cart.max-lines=7", "monostore.admin.sign-in.window=2m",
            "monostore.payment.simulated-gateway.slow-response=250ms", "monostore.http.max-body-size=1MB")
        .run(context -> {
          assertThat(context.getBean(CartSettings.class).maxLines()).isEqualTo(7);
          assertThat(context.getBean(AdminSettings.class).signIn().window()).isEqualTo(Duration.ofMinutes(2));
          assertThat(context.getBean(PaymentSettings.class).simulatedGateway().slowResponse())
              .isEqualTo(Duration.ofMillis(250));
          assertThat(context.getBean(PlatformSettings.class).http().maxBodySize()).isEqualTo(DataSize.ofMegabytes(1));
        });
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      monostore.cart.max-lines                          | 0      | which is not allowed: it must be greater than 0
      monostore.cart.idempotency-window                 | 0s     | which is not allowed: it must be at least 1s
      monostore.cart.snapshot-every                     | many   | which is not a whole number
      monostore.ask-timeout                             | banana | which is not a duration such as 5s, 500ms or 2m
      monostore.http.max-body-size                      | lots   | which is not a size such as 16KB or 1MB
      monostore.admin.sign-in.max-failures              | -1     | which is not allowed: it must be greater than 0
      monostore.admin.username                          | ''     | which is not allowed: it must not be blank
      monostore.checkout.fulfil-automatically           | maybe  | which is not true or false
      monostore.payment.simulated-gateway.slow-response | 0ms    | which is not allowed: it must be longer than 0
      monostore.catalog.demo-products                   | -3     | which is not allowed: it must be greater than or equal to 0
      monostore.embedded-database.port                  | 70000  | which is not allowed: it must be less than or equal to 65535
      monostore.projections.poll-interval               | 0s     | which is not allowed: it must be longer than 0
      """)
  void aBadValueIsToldNamingTheSetting(String setting, String value, String wrong) {
    store.withPropertyValues(setting + "=" + value).run(context -> {
      FailureAnalysis analysis = analyze(context.getStartupFailure());

      assertThat(analysis.getDescription()).isEqualTo("the setting " + setting + " is '" + value + "', " + wrong);
    });
  }

  @Test
  void aBadValueFromTheEnvironmentIsToldUnderItsSettingAndWhereItWasGiven() {
    store.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
            new SystemEnvironmentPropertySource("systemEnvironment", Map.of("MONOSTORE_CART_MAX_LINES", "0"))))
        .run(context -> {
          FailureAnalysis analysis = analyze(context.getStartupFailure());

          assertThat(analysis.getDescription()).isEqualTo(
              "the setting monostore.cart.max-lines is '0', which is not allowed: it must be greater than 0");
          assertThat(analysis.getAction()).isEqualTo("Correct or remove it (given as an environment variable)");
        });
  }

  @Test
  void aBadEmbeddedDatabaseSettingIsToldBeforeTheDatabaseStarts() {
    var context = new GenericApplicationContext();
    var settings = new StandardEnvironment();
    settings.getPropertySources().addFirst(new MapPropertySource("commandLineArgs", Map.of(
        "monostore.embedded-database.port", "70000", "monostore.embedded-database.directory", "target/unused")));
    context.setEnvironment(settings);
    environment = settings;

    Throwable failure = catchThrowable(() -> new EmbeddedDatabase().initialize(context));

    assertThat(analyze(failure).getDescription()).isEqualTo(
        "the setting monostore.embedded-database.port is '70000', which is not allowed: it must be less than or equal"
            + " to 65535");
    assertThat(Path.of("target/unused")).as("no database was started").doesNotExist();
  }

  private FailureAnalysis analyze(Throwable failure) {
    assertThat(failure).as("the start failed").isNotNull();
    FailureAnalysis analysis = new StartupFailureAnalyzer(environment).analyze(failure);
    assertThat(analysis).as("an analysis of %s", failure).isNotNull();
    return analysis;
  }
}
