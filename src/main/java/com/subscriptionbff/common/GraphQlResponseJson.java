package com.subscriptionbff.common;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.util.StreamUtils;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes GraphQL results (a tree of maps, lists, strings, numbers and booleans) straight to Jackson's generator.
 * Jackson's map serializer looks up a serializer for every value's class, and each nested map gets a fresh one with
 * an empty cache: 2 % of the Overview's CPU went to those lookups alone. Any other value (none in our results) is
 * still written by the mapper, and requests are still read by it: the output is the mapper's own, byte for byte.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlResponseJson {

    /** Spring Boot's handler, with this converter for the GraphQL request and response bodies. */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler, JsonMapper jsonMapper) {
        return new GraphQlHttpHandler(webGraphQlHandler, new Converter(jsonMapper));
    }

    static final class Converter extends JacksonJsonHttpMessageConverter {

        // the legacy request type Spring's handler also reads as JSON
        private static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

        Converter(JsonMapper jsonMapper) {
            super(jsonMapper);
            setSupportedMediaTypes(List.of(MediaType.APPLICATION_JSON, new MediaType("application", "*+json"),
                    APPLICATION_GRAPHQL));
        }

        @Override
        protected void writeInternal(Object value, ResolvableType type, HttpOutputMessage output,
                                     Map<String, Object> hints) throws IOException {
            if (!(value instanceof Map<?, ?> result)) {
                super.writeInternal(value, type, output, hints);
                return;
            }
            // the servlet's stream stays open, as with Spring's own writing
            try (JsonGenerator json = getMapper().createGenerator(StreamUtils.nonClosing(output.getBody()),
                    JsonEncoding.UTF8)) {
                write(json, result);
            }
        }

        // instanceof tests in the order of the values' frequency: a pattern switch tests through a bootstrap method
        static void write(JsonGenerator json, Object value) {
            if (value instanceof String text) {
                json.writeString(text);
            } else if (value instanceof Map<?, ?> map) {
                json.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    json.writeName(entry.getKey().toString());
                    write(json, entry.getValue());
                }
                json.writeEndObject();
            } else if (value == null) {
                json.writeNull();
            } else if (value instanceof Integer number) {
                json.writeNumber(number);
            } else if (value instanceof Boolean bool) {
                json.writeBoolean(bool);
            } else if (value instanceof List<?> list) {
                json.writeStartArray();
                for (Object element : list) {
                    write(json, element);
                }
                json.writeEndArray();
            } else if (value instanceof Long number) {
                json.writeNumber(number);
            } else if (value instanceof BigDecimal number) {
                json.writeNumber(number);
            } else if (value instanceof Double number) {
                json.writeNumber(number);
            } else if (value instanceof BigInteger number) {
                json.writeNumber(number);
            } else {
                json.writePOJO(value);
            }
        }
    }
}
