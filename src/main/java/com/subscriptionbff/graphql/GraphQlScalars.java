package com.subscriptionbff.graphql;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.IntValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Currency;
import java.util.Locale;
import java.util.function.Function;

/** DateTime, Date, Decimal, Long and CurrencyCode: values as strings (Long as a number), parsed strictly. */
@Configuration(proxyBeanMethods = false)
class GraphQlScalars {

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(stringScalar("DateTime", Instant.class, Instant::toString, GraphQlScalars::parseInstant))
                .scalar(stringScalar("Date", LocalDate.class, LocalDate::toString, LocalDate::parse))
                .scalar(stringScalar("Decimal", BigDecimal.class, BigDecimal::toPlainString, BigDecimal::new))
                .scalar(stringScalar("CurrencyCode", String.class, code -> code, GraphQlScalars::parseCurrency))
                .scalar(longScalar());
    }

    private static Instant parseInstant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    private static String parseCurrency(String text) {
        if (!text.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException();
        }
        return Currency.getInstance(text).getCurrencyCode();
    }

    private static <T> GraphQLScalarType stringScalar(String name, Class<T> type, Function<T, String> print,
                                                      Function<String, T> parse) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<T, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                if (!type.isInstance(value)) {
                    throw new CoercingSerializeException("expected " + type.getSimpleName() + " for " + name);
                }
                return print.apply(type.cast(value));
            }

            @Override
            public T parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof String text) {
                    try {
                        return parse.apply(text);
                    } catch (RuntimeException e) {
                        throw new CoercingParseValueException("invalid " + name + ": " + text);
                    }
                }
                throw new CoercingParseValueException(name + " must be a string");
            }

            @Override
            public T parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof StringValue text) {
                    try {
                        return parse.apply(text.getValue());
                    } catch (RuntimeException e) {
                        throw new CoercingParseLiteralException("invalid " + name + ": " + text.getValue());
                    }
                }
                throw new CoercingParseLiteralException(name + " must be a string");
            }
        }).build();
    }

    private static GraphQLScalarType longScalar() {
        return GraphQLScalarType.newScalar().name("Long").coercing(new Coercing<Long, Long>() {
            @Override
            public Long serialize(Object value, GraphQLContext context, Locale locale) {
                if (value instanceof Long number) {
                    return number;
                }
                if (value instanceof Integer number) {
                    return number.longValue();
                }
                throw new CoercingSerializeException("expected a long");
            }

            @Override
            public Long parseValue(Object input, GraphQLContext context, Locale locale) {
                if (input instanceof Number number && new BigDecimal(number.toString()).scale() <= 0) {
                    try {
                        return new BigDecimal(number.toString()).longValueExact();
                    } catch (ArithmeticException e) {
                        throw new CoercingParseValueException("Long out of range");
                    }
                }
                throw new CoercingParseValueException("Long must be a whole number");
            }

            @Override
            public Long parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
                if (input instanceof IntValue number) {
                    BigInteger value = number.getValue();
                    if (value.bitLength() < 64) {
                        return value.longValue();
                    }
                }
                throw new CoercingParseLiteralException("Long must be a whole number within 64 bits");
            }
        }).build();
    }
}
