package com.subscriptionbff.graphql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.NonNullType;
import graphql.language.OperationDefinition;
import graphql.language.Type;
import graphql.language.TypeName;
import graphql.language.VariableDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Admits an operation before any of its fields runs, in graphql-java's {@code beginExecuteOperation}: first its
 * complexity (and, through the calculator, depth) check, then, for a query, its turn for a connection
 * ({@link QueriesPerConnection}).
 * <p>
 * Both live in one instrumentation beside Spring's observation: graphql-java calls every chained instrumentation at
 * every field (fetching, completion, data fetcher), so each one more is a cost per field, although these two only act
 * once per operation.
 * <p>
 * The complexity walk runs once per parsed document and values of the variables that can change its result; later
 * requests with the same take the remembered verdict. Front ends send the same few documents with other ids and
 * locales, so the walk is skipped for nearly every request (it was 14 % of what the Overview allocated, a JFR profile).
 * Only a variable of type {@code Int} or {@code Boolean} can change the measure: a page size or number of days
 * ({@code first}, {@code days}) or an {@code @include}/{@code @skip} condition. The operation itself is compared by
 * identity: the parsed-document cache ({@link DocumentCache}) hands out one instance per text. Only passing verdicts are
 * remembered; a refused operation is walked again, and refused again, every time (and takes no turn).
 */
class QueryAdmission extends MaxQueryComplexityInstrumentation {

    private static final Set<String> SIZING_TYPES = Set.of("Int", "Boolean");

    /** At most this many passing combinations of sizing values are remembered per operation. */
    private static final int VALUES_PER_OPERATION = 32;

    /**
     * Passing sizing values per operation. Operations are weak keys compared by identity (graphql-java's AST nodes do
     * not define equality): a verdict lives as long as the cached document it belongs to, and an operation sent once
     * costs nothing once the document cache lets it go.
     */
    private final Cache<OperationDefinition, Set<List<Object>>> passed = Caffeine.newBuilder().weakKeys().build();

    private final QueriesPerConnection turns;

    QueryAdmission(int maxComplexity, FieldComplexityCalculator calculator, QueriesPerConnection turns) {
        super(maxComplexity, calculator);
        this.turns = turns;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        OperationDefinition operation = execution.getOperationDefinition();
        List<Object> values = sizingValues(operation, execution);
        Set<List<Object>> known = passed.get(operation, key -> ConcurrentHashMap.newKeySet());
        InstrumentationContext<ExecutionResult> checked = SimpleInstrumentationContext.noOp();
        if (!known.contains(values)) {
            checked = super.beginExecuteOperation(parameters, state);
            if (known.size() < VALUES_PER_OPERATION) {
                known.add(values);
            }
        }
        turns.waitForTurn(execution);
        return checked;
    }

    private static List<Object> sizingValues(OperationDefinition operation, ExecutionContext execution) {
        List<Object> values = new ArrayList<>();
        for (VariableDefinition variable : operation.getVariableDefinitions()) {
            if (SIZING_TYPES.contains(namedType(variable.getType()))) {
                values.add(execution.getCoercedVariables().get(variable.getName()));
            }
        }
        return values;
    }

    private static String namedType(Type<?> type) {
        Type<?> bare = type instanceof NonNullType nonNull ? nonNull.getType() : type;
        return bare instanceof TypeName name ? name.getName() : "";
    }
}
