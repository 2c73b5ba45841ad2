package vn.cascade.config;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Cascade's controllers read JSON as written, never as Jackson would guess it: unknown fields,
 * a number or boolean where text is expected, a fraction or text where an integer is, a number
 * where a date is (Jackson reads 20261202 as epoch days) are refused, and the handler names the field.
 * Only Spring MVC's reading changes: the application's ObjectMapper (which reads stored bodies) is
 * left as it is, and Camunda's REST API and webapps use their own mapper.
 */
@Configuration
class StrictApiJson implements WebMvcConfigurer {

  private final ObjectMapper strict;

  StrictApiJson(ObjectMapper json) {
    strict = json.copy()
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    strict.coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    strict.coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    strict.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
  }

  /** Ahead of the shared Jackson converter, which stays for anything else that uses it. */
  @Override
  public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
    int shared = 0;
    while (shared < converters.size() && !(converters.get(shared) instanceof MappingJackson2HttpMessageConverter)) {
      shared++;
    }
    converters.add(shared, new MappingJackson2HttpMessageConverter(strict));
  }
}
