package com.subscriptionbff.common;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.idl.RuntimeWiring;
import org.springframework.core.ResolvableType;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The Overview's per-load fields as plain data fetchers, wired by their feature's controller. On every call, a
 * controller method costs Spring for GraphQL a new handler-method object, argument resolution, a reflective call and
 * the request's context copied into thread locals and back; a @BatchMapping adds the same around its batch. For seven
 * fields of the Overview that was 9.9 % of its CPU samples, 5.3 % after (the batch loaders and Query.workspace, which
 * needs the principal from that context, keep it). These fetchers read only their source, arguments and
 * DataLoaders, so they are trivial: Spring leaves them undecorated. They describe their Java type, so Spring's schema
 * inspection still checks the types below them. The batch loaders stay in Spring's registry, which still propagates
 * the context around their SQL.
 */
public final class PlainFields {

    private PlainFields() {
    }

    /**
     * What @BatchMapping does: `type.field` loaded for all of the request's parents at once, by `load`, which answers
     * the values by parent (a parent left out gets null). The DataLoader is named `type.field`, as Spring names it.
     */
    public static <P, V> void batched(RuntimeWiring.Builder wiring, BatchLoaderRegistry loaders, String type,
                                      String field, Class<V> valueType, Function<List<P>, Map<P, V>> load) {
        String name = type + "." + field;
        loaders.<P, V>forName(name).registerMappedBatchLoader((parents, environment) ->
                Mono.fromSupplier(() -> load.apply(List.copyOf(parents))));
        field(wiring, type, field, ResolvableType.forClass(valueType),
                environment -> environment.<P, V>getDataLoader(name).load(environment.getSource()));
    }

    /**
     * A field computed from its source and arguments (and DataLoaders), without I/O of its own. `returnType` is what
     * the fetcher answers (a future of it, when it loads).
     */
    public static void field(RuntimeWiring.Builder wiring, String type, String field, ResolvableType returnType,
                             DataFetcher<?> fetcher) {
        Plain plain = new Plain(type + "." + field, returnType, fetcher);
        wiring.type(type, builder -> builder.dataFetcher(field, plain));
    }

    private record Plain(String description, ResolvableType returnType, DataFetcher<?> fetcher)
            implements TrivialDataFetcher<Object>, SelfDescribingDataFetcher<Object> {

        @Override
        public Object get(DataFetchingEnvironment environment) throws Exception {
            return fetcher.get(environment);
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public ResolvableType getReturnType() {
            return returnType;
        }
    }
}
