package dev.retort.migration.benchmark;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A model of generated JPA entities for benchmarks: {@code count} classes
 * {@code Entity0000…} in package {@value #PACKAGE}, written with JavaPoet, compiled in
 * process with {@code javax.tools} into a temporary directory and loaded from there. Each
 * maps table {@code e0000…} with 8 columns: an identity key, a unique
 * {@code VARCHAR(40)}, an indexed {@code VARCHAR(200)}, a {@code NUMERIC(12,2)}, a
 * timestamp, a boolean, a text and a {@code @ManyToOne} to the entity before (the first
 * one to itself), which is the table's foreign key.
 */
final class GeneratedEntities implements AutoCloseable {

	static final String PACKAGE = "dev.retort.benchmark.entities";

	private final Path directory;

	private final URLClassLoader classLoader;

	private final List<Class<?>> classes;

	private GeneratedEntities(Path directory, URLClassLoader classLoader, List<Class<?>> classes) {
		this.directory = directory;
		this.classLoader = classLoader;
		this.classes = classes;
	}

	/** Writes, compiles and loads {@code count} entity classes. */
	static GeneratedEntities generate(int count) throws IOException {
		Path directory = Files.createTempDirectory("retort-entities");
		Path sources = directory.resolve("src");
		Path classes = directory.resolve("classes");
		Files.createDirectories(classes);
		List<Path> files = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			JavaFile file = JavaFile.builder(PACKAGE, entity(i)).build();
			StringWriter source = new StringWriter();
			file.writeTo(source);
			Path path = sources.resolve(PACKAGE.replace('.', '/')).resolve(className(i) + ".java");
			Files.createDirectories(path.getParent());
			Files.writeString(path, source.toString(), StandardCharsets.UTF_8);
			files.add(path);
		}
		compile(files, classes);
		URLClassLoader loader = new URLClassLoader(new URL[] { classes.toUri().toURL() },
				GeneratedEntities.class.getClassLoader());
		List<Class<?>> loaded = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			try {
				loaded.add(loader.loadClass(PACKAGE + "." + className(i)));
			}
			catch (ClassNotFoundException ex) {
				throw new IllegalStateException("The compiler wrote no " + className(i), ex);
			}
		}
		return new GeneratedEntities(directory, loader, List.copyOf(loaded));
	}

	/** The entity classes, in order. */
	List<Class<?>> classes() {
		return this.classes;
	}

	/** The loader of the entity classes. */
	ClassLoader classLoader() {
		return this.classLoader;
	}

	/** The directory of the compiled classes, for another JVM's class path. */
	Path classesDirectory() {
		return this.directory.resolve("classes");
	}

	static String tableName(int i) {
		return String.format(Locale.ROOT, "e%04d", i);
	}

	private static String className(int i) {
		return String.format(Locale.ROOT, "Entity%04d", i);
	}

	private static TypeSpec entity(int i) {
		String table = tableName(i);
		ClassName parent = ClassName.get(PACKAGE, className(Math.max(i - 1, 0)));
		AnnotationSpec index = AnnotationSpec.builder(Index.class)
			.addMember("name", "$S", "ix_" + table + "_name")
			.addMember("columnList", "$S", "name")
			.build();
		return TypeSpec.classBuilder(className(i))
			.addModifiers(Modifier.PUBLIC)
			.addAnnotation(Entity.class)
			.addAnnotation(AnnotationSpec.builder(Table.class)
				.addMember("name", "$S", table)
				.addMember("indexes", "$L", index)
				.build())
			.addField(FieldSpec.builder(Long.class, "id")
				.addAnnotation(Id.class)
				.addAnnotation(AnnotationSpec.builder(GeneratedValue.class)
					.addMember("strategy", "$T.IDENTITY", GenerationType.class)
					.build())
				.build())
			.addField(FieldSpec.builder(String.class, "code")
				.addAnnotation(AnnotationSpec.builder(Column.class)
					.addMember("nullable", "false")
					.addMember("unique", "true")
					.addMember("length", "40")
					.build())
				.build())
			.addField(FieldSpec.builder(String.class, "name")
				.addAnnotation(AnnotationSpec.builder(Column.class)
					.addMember("nullable", "false")
					.addMember("length", "200")
					.build())
				.build())
			.addField(FieldSpec.builder(BigDecimal.class, "amount")
				.addAnnotation(AnnotationSpec.builder(Column.class)
					.addMember("precision", "12")
					.addMember("scale", "2")
					.build())
				.build())
			.addField(FieldSpec.builder(Instant.class, "createdAt").build())
			.addField(FieldSpec.builder(boolean.class, "active").build())
			.addField(FieldSpec.builder(String.class, "notes")
				.addAnnotation(AnnotationSpec.builder(JdbcTypeCode.class)
					.addMember("value", "$T.LONG32VARCHAR", SqlTypes.class)
					.build())
				.build())
			.addField(FieldSpec.builder(parent, "parent")
				.addAnnotation(
						AnnotationSpec.builder(ManyToOne.class).addMember("fetch", "$T.LAZY", FetchType.class).build())
				.addAnnotation(AnnotationSpec.builder(JoinColumn.class).addMember("name", "$S", "parent_id").build())
				.build())
			.build();
	}

	private static void compile(List<Path> files, Path output) throws IOException {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		if (compiler == null) {
			throw new IllegalStateException("No Java compiler in this runtime: run the benchmark on a JDK");
		}
		String classPath = String.join(java.io.File.pathSeparator, location(Entity.class),
				location(JdbcTypeCode.class));
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromPaths(files);
			StringWriter messages = new StringWriter();
			boolean compiled = compiler
				.getTask(messages, fileManager, null,
						List.of("-classpath", classPath, "-d", output.toString(), "-proc:none", "-nowarn"), null, units)
				.call();
			if (!compiled) {
				throw new IllegalStateException("The generated entities do not compile:\n" + messages);
			}
		}
	}

	private static String location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() throws IOException {
		this.classLoader.close();
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> {
				try {
					Files.delete(path);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
	}

}
