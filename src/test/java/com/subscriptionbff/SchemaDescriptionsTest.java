package com.subscriptionbff;

import graphql.language.DescribedNode;
import graphql.language.Description;
import graphql.language.DirectiveDefinition;
import graphql.language.EnumTypeDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ScalarTypeDefinition;
import graphql.language.TypeDefinition;
import graphql.schema.idl.ScalarInfo;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDL is the front-end developers' manual (GraphiQL shows it): every type, field, argument, input field, enum
 * value, scalar, interface and union of schema/*.graphqls has a description, a "string" or """block""" before it
 * (a # comment is not one). Type extensions cannot carry one themselves, but their fields and arguments must.
 */
class SchemaDescriptionsTest {

    private static final Path SCHEMA = Path.of("schema");

    @Test
    void everyElementOfTheSchemaIsDescribed() throws IOException {
        Elements elements = walk(registry());
        System.out.printf("SchemaDescriptionsTest: %d of %d schema elements described%n",
                elements.total - elements.undescribed.size(), elements.total);
        assertThat(elements.total).as("elements found in " + SCHEMA.toAbsolutePath()).isGreaterThan(400);
        assertThat(elements.undescribed)
                .as("schema elements without a description (add a \"string\" before each)")
                .isEmpty();
    }

    @Test
    void theWalkSeesFieldsAddedByTypeExtensions() throws IOException {
        // extend type Workspace { invoices(first: ...) } is where most fields live: the walk must reach them
        Elements elements = walk(new SchemaParser().parse("""
                "Described." type Workspace { "Described." id: ID! }
                extend type Workspace { invoices(first: Int): String  "Described." name: String }
                extend enum Role { OWNER }
                extend input Filter { "Described." from: String  to: String }
                """));
        assertThat(elements.undescribed).containsExactly(
                "Workspace.invoices", "Workspace.invoices(first)", "Role.OWNER", "Filter.to");
    }

    private static TypeDefinitionRegistry registry() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        List<Path> files;
        try (Stream<Path> listed = Files.list(SCHEMA)) {
            files = listed.filter(file -> file.toString().endsWith(".graphqls")).sorted().toList();
        }
        assertThat(files).as("SDL files in " + SCHEMA.toAbsolutePath()).isNotEmpty();
        SchemaParser parser = new SchemaParser();
        for (Path file : files) {
            registry.merge(parser.parse(file.toFile()));
        }
        return registry;
    }

    /** Every element with a description slot, and the paths of those left without one. */
    private static final class Elements {
        int total;
        final List<String> undescribed = new ArrayList<>();

        void check(String path, Description description) {
            total++;
            if (description == null || description.getContent() == null || description.getContent().isBlank()) {
                undescribed.add(path);
            }
        }
    }

    private static Elements walk(TypeDefinitionRegistry registry) {
        Elements elements = new Elements();
        registry.schemaDefinition().ifPresent(schema -> elements.check("schema", schema.getDescription()));
        for (DirectiveDefinition directive : registry.getDirectiveDefinitions().values()) {
            elements.check("@" + directive.getName(), directive.getDescription());
            arguments(elements, "@" + directive.getName(), directive.getInputValueDefinitions());
        }
        for (ScalarTypeDefinition scalar : registry.scalars().values()) {
            if (!ScalarInfo.isGraphqlSpecifiedScalar(scalar.getName())) {
                elements.check(scalar.getName(), scalar.getDescription());
            }
        }
        for (TypeDefinition<?> type : registry.types().values()) {
            elements.check(type.getName(), type instanceof DescribedNode<?> described ? described.getDescription() : null);
            members(elements, type);
        }
        // extensions have no description of their own (the SDL does not allow one): only their members
        List<Collection<? extends List<? extends TypeDefinition<?>>>> extensions = List.of(
                registry.objectTypeExtensions().values(), registry.interfaceTypeExtensions().values(),
                registry.unionTypeExtensions().values(), registry.enumTypeExtensions().values(),
                registry.inputObjectTypeExtensions().values(), registry.scalarTypeExtensions().values());
        for (var byType : extensions) {
            for (List<? extends TypeDefinition<?>> ofOneType : byType) {
                ofOneType.forEach(extension -> members(elements, extension));
            }
        }
        return elements;
    }

    private static void members(Elements elements, TypeDefinition<?> type) {
        switch (type) {
            case ImplementingTypeDefinition<?> object -> {
                for (FieldDefinition field : object.getFieldDefinitions()) {
                    String path = type.getName() + "." + field.getName();
                    elements.check(path, field.getDescription());
                    arguments(elements, path, field.getInputValueDefinitions());
                }
            }
            case InputObjectTypeDefinition input -> {
                for (InputValueDefinition field : input.getInputValueDefinitions()) {
                    elements.check(type.getName() + "." + field.getName(), field.getDescription());
                }
            }
            case EnumTypeDefinition enumType -> enumType.getEnumValueDefinitions()
                    .forEach(value -> elements.check(type.getName() + "." + value.getName(), value.getDescription()));
            default -> {
                // unions and scalars have no members to describe
            }
        }
    }

    private static void arguments(Elements elements, String owner, List<InputValueDefinition> arguments) {
        for (InputValueDefinition argument : arguments) {
            elements.check(owner + "(" + argument.getName() + ")", argument.getDescription());
        }
    }
}
