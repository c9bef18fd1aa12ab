package com.subscriptionbff;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documents the front ends ship (src/main/resources/graphql-allowlist) let Apollo Client's cache normalize what
 * they read: every object whose type has an `id` field selects it (Apollo adds `__typename` itself).
 */
class ShippedDocumentsTest {

    private static final Path SCHEMA = Path.of("schema");
    private static final Path DOCUMENTS = Path.of("src/main/resources/graphql-allowlist");

    @Test
    void everyObjectWithAnIdSelectsIt() throws IOException {
        GraphQLSchema schema = schema();
        List<String> missing = new ArrayList<>();
        List<Path> documents = files(DOCUMENTS, ".graphql");
        assertThat(documents).hasSizeGreaterThanOrEqualTo(21);
        for (Path file : documents) {
            Document document = Parser.parse(Files.readString(file));
            Map<String, FragmentDefinition> fragments = document.getDefinitionsOfType(FragmentDefinition.class)
                    .stream().collect(Collectors.toMap(FragmentDefinition::getName, fragment -> fragment));
            for (OperationDefinition operation : document.getDefinitionsOfType(OperationDefinition.class)) {
                GraphQLFieldsContainer root = switch (operation.getOperation()) {
                    case QUERY -> schema.getQueryType();
                    case MUTATION -> schema.getMutationType();
                    case SUBSCRIPTION -> schema.getSubscriptionType();
                };
                new Walk(schema, fragments, missing).selections(root, operation.getSelectionSet(),
                        file.getFileName().toString());
            }
        }
        assertThat(missing).as("objects selected without their id (path in the document)").isEmpty();
    }

    @Test
    void theWalkFindsAMissingIdBehindAFragment() throws IOException {
        GraphQLSchema schema = schema();
        Document document = Parser.parse("""
                query($id: ID!) { workspace(id: $id) { id subscription { ...Card } } }
                fragment Card on Subscription { status plan { name } }""");
        List<String> missing = new ArrayList<>();
        new Walk(schema, Map.of("Card", document.getDefinitionsOfType(FragmentDefinition.class).getFirst()), missing)
                .selections(schema.getQueryType(),
                        document.getDefinitionsOfType(OperationDefinition.class).getFirst().getSelectionSet(), "doc");
        assertThat(missing).containsExactly("doc.workspace.subscription", "doc.workspace.subscription.plan");
    }

    private record Walk(GraphQLSchema schema, Map<String, FragmentDefinition> fragments, List<String> missing) {

        void selections(GraphQLFieldsContainer type, SelectionSet selectionSet, String path) {
            List<Field> fields = new ArrayList<>();
            flatten(selectionSet, fields);
            if (type.getFieldDefinition("id") != null && fields.stream().noneMatch(f -> f.getName().equals("id"))) {
                missing.add(path);
            }
            for (Field field : fields) {
                if (field.getSelectionSet() == null || field.getName().startsWith("__")) {
                    continue;
                }
                GraphQLFieldDefinition definition = type.getFieldDefinition(field.getName());
                assertThat(definition).as(path + "." + field.getName()).isNotNull();
                GraphQLType fieldType = GraphQLTypeUtil.unwrapAll(definition.getType());
                if (fieldType instanceof GraphQLFieldsContainer container) {
                    String name = field.getAlias() != null ? field.getAlias() : field.getName();
                    selections(container, field.getSelectionSet(), path + "." + name);
                }
            }
        }

        /** The fields of a selection set with its fragments spread in (the documents' fragments match their type). */
        private void flatten(SelectionSet selectionSet, List<Field> fields) {
            for (Selection<?> selection : selectionSet.getSelections()) {
                switch (selection) {
                    case Field field -> fields.add(field);
                    case InlineFragment inline -> flatten(inline.getSelectionSet(), fields);
                    case FragmentSpread spread -> flatten(fragments.get(spread.getName()).getSelectionSet(), fields);
                    default -> throw new IllegalStateException("unexpected selection " + selection);
                }
            }
        }
    }

    private static GraphQLSchema schema() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (Path file : files(SCHEMA, ".graphqls")) {
            registry.merge(new SchemaParser().parse(file.toFile()));
        }
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    private static List<Path> files(Path folder, String extension) throws IOException {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(file -> file.toString().endsWith(extension)).sorted().toList();
        }
    }
}
