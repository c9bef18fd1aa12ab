package com.subscriptionbff.build;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.ForcedType;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Generates the jOOQ classes from the real migrated schema: embedded PostgreSQL, Flyway, then jOOQ's
 * GenerationTool. Runs in generate-sources; skips itself while the migrations are unchanged.
 * Usage: JooqCodegen migrationsDir targetDir packageName
 */
public final class JooqCodegen {

    public static void main(String[] args) throws Exception {
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path target = Path.of(args[1]).toAbsolutePath();
        String packageName = args[2];
        Path stamp = target.resolve(".migrations.sha256");
        String hash = hashOf(migrations, packageName);
        if (Files.exists(stamp) && Files.readString(stamp).equals(hash)) {
            System.out.println("jOOQ classes are up to date with " + migrations);
            return;
        }
        deleteRecursively(target);
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            var dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations).load().migrate();
            try (var connection = dataSource.getConnection()) {
                GenerationTool tool = new GenerationTool();
                tool.setConnection(connection);
                tool.run(configuration(target, packageName));
            }
        }
        Files.writeString(stamp, hash);
    }

    private static Configuration configuration(Path target, String packageName) {
        return new Configuration().withGenerator(new Generator()
                .withDatabase(new Database()
                        .withName("org.jooq.meta.postgres.PostgresDatabase")
                        .withInputSchema("public")
                        .withExcludes("flyway_schema_history|subscriptions_check_add_ons|workspaces_check_time_zone")
                        .withForcedTypes(new ForcedType()
                                .withName("INSTANT")
                                .withIncludeTypes("(?i:timestamp\\ with\\ time\\ zone|timestamptz)")))
                .withGenerate(new Generate()
                        .withJavaTimeTypes(true)
                        .withRoutines(false)
                        .withPojos(false)
                        .withDaos(false)
                        .withGeneratedAnnotation(false))
                .withTarget(new Target()
                        .withPackageName(packageName)
                        .withDirectory(target.toString())));
    }

    private static String hashOf(Path migrations, String packageName) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(packageName.getBytes(StandardCharsets.UTF_8));
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.sorted().toList()) {
                digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                digest.update(Files.readAllBytes(file));
            }
        }
        digest.update(JooqCodegen.class.getName().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
