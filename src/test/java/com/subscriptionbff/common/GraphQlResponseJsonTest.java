package com.subscriptionbff.common;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.http.MockHttpOutputMessage;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class GraphQlResponseJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();
    private final GraphQlResponseJson.Converter converter = new GraphQlResponseJson.Converter(mapper);

    @Test
    void aResultWithErrorsIsWrittenByteForByteAsTheMapperWritesIt() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", "Acme \"Corp\" \\ déjà vu \u202f€ \t\n\u0001 😀");
        data.put("seats", Map.of("used", 5, "total", 10L));
        data.put("price", new BigDecimal("159.00"));
        data.put("huge", new BigInteger("123456789012345678901234567890"));
        data.put("percent", 80.61);
        data.put("autoRenew", true);
        data.put("paymentMethod", null);
        data.put("daily", Arrays.asList(Map.of("date", "2026-11-01", "credits", 0), null, List.of()));
        data.put("emptyObject", Map.of());
        // not a type GraphQL results hold: left to the mapper
        data.put("instant", Instant.parse("2026-11-23T10:15:30Z"));
        ExecutionResult result = ExecutionResult.newExecutionResult().data(data)
                .addError(GraphqlErrorBuilder.newError().message("days must be between 1 and 90")
                        .location(new SourceLocation(3, 7)).path(ResultPath.parse("/workspace/credits/daily"))
                        .errorType(graphql.ErrorType.ValidationError).extensions(Map.of("limit", 90)).build())
                .build();

        assertThat(written(result.toSpecification())).isEqualTo(mapper.writeValueAsString(result.toSpecification()));
    }

    @Test
    void randomTreesAreWrittenAsTheMapperWritesThem() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            Object tree = randomValue(random, 0);
            Map<String, Object> result = Map.of("data", tree == null ? Map.of() : Map.of("value", tree));
            assertThat(written(result)).as("tree %s", i).isEqualTo(mapper.writeValueAsString(result));
        }
    }

    @Test
    void anythingButAMapIsLeftToSpringsJacksonConverter() throws Exception {
        MockHttpOutputMessage output = new MockHttpOutputMessage();
        converter.write(List.of("a", 1), MediaType.APPLICATION_JSON, output);
        assertThat(output.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("[\"a\",1]");
    }

    @Test
    void theResponseStreamIsLeftOpenForTheServlet() throws Exception {
        var closed = new boolean[1];
        MockHttpOutputMessage output = new MockHttpOutputMessage() {
            @Override
            public java.io.OutputStream getBody() throws java.io.IOException {
                return new java.io.FilterOutputStream(super.getBody()) {
                    @Override
                    public void close() {
                        closed[0] = true;
                    }
                };
            }
        };
        converter.write(Map.of("data", Map.of()), MediaType.APPLICATION_JSON, output);
        assertThat(output.getBodyAsString(StandardCharsets.UTF_8)).isEqualTo("{\"data\":{}}");
        assertThat(closed[0]).isFalse();
    }

    private String written(Map<String, Object> result) throws Exception {
        MockHttpOutputMessage output = new MockHttpOutputMessage();
        converter.write(result, MediaType.parseMediaType("application/graphql-response+json"), output);
        return output.getBodyAsString(StandardCharsets.UTF_8);
    }

    private static Object randomValue(Random random, int depth) {
        int kind = random.nextInt(depth > 4 ? 7 : 9);
        return switch (kind) {
            case 0 -> null;
            case 1 -> randomText(random);
            case 2 -> random.nextInt();
            case 3 -> random.nextLong();
            case 4 -> random.nextBoolean();
            case 5 -> random.nextDouble() * 1e6;
            case 6 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(6));
            case 7 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(randomText(random), randomValue(random, depth + 1));
                }
                yield map;
            }
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x20);
                case 1 -> (char) (0x20 + random.nextInt(0x60));
                case 2 -> (char) (0xa0 + random.nextInt(0x2000));
                default -> "😀\"\\";
            });
        }
        return text.toString();
    }
}
