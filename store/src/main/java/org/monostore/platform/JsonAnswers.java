package org.monostore.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.JacksonModule;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * The API answers in JSON (and the admin UI's files as they are), never in XML. Spring MVC registers
 * JAXB's converter because swagger-core brings the JAXB API along, and asks it for every answer whether
 * it could write it: a search for an annotation on the answer's class, 3% of a product lookup's CPU
 * (benchmarks/ANALYSIS.md). Its properties are read through accessors generated once per property
 * (Blackbird) rather than by reflection on every answer: with a hundred promotions a cart answer is
 * four times longer, and reading its properties by reflection was the biggest part of what the
 * promotions cost a cart write.
 */
@Configuration(proxyBeanMethods = false)
class JsonAnswers implements WebMvcConfigurer {

  @Override
  public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
    converters.configureMessageConvertersList(
        list -> list.removeIf(converter -> converter instanceof Jaxb2RootElementHttpMessageConverter));
  }

  @Bean
  JacksonModule generatedPropertyAccessors() {
    return new BlackbirdModule();
  }
}
