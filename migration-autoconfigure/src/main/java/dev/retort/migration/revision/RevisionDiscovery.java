package dev.retort.migration.revision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Finds Java and SQL revisions under locations: {@code classpath:db/migrations} (Java
 * classes annotated with {@link Revision} in package {@code db.migrations}, and
 * {@code *.sql} files), {@code filesystem:/abs/dir} or a plain directory path (SQL
 * files).
 */
final class RevisionDiscovery {

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private final ClassLoader classLoader;

	/** Created when first needed: most locations are directories. */
	private PathMatchingResourcePatternResolver resolver;

	private final MetadataReaderFactory metadataReaders;

	private final Set<String> seen = new HashSet<>();

	private final List<RevisionScript> found = new ArrayList<>();

	private RevisionDiscovery(ClassLoader classLoader) {
		this.classLoader = classLoader;
		this.metadataReaders = new CachingMetadataReaderFactory(classLoader);
	}

	static List<RevisionScript> discover(List<String> locations, ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : RevisionDiscovery.class.getClassLoader();
		RevisionDiscovery discovery = new RevisionDiscovery(loader);
		for (String location : locations) {
			String trimmed = location.strip();
			if (trimmed.startsWith(CLASSPATH)) {
				discovery.scanClasspath(trimmed);
			}
			else {
				discovery.scanDirectory(trimmed);
			}
		}
		return mergeDialectVariants(discovery.found);
	}

	private void scanClasspath(String location) {
		String path = location.substring(CLASSPATH.length()).replace('\\', '/');
		path = path.replaceAll("^/+", "").replaceAll("/+$", "");
		if (path.isEmpty()) {
			throw new RevisionLocationException("Location '" + location
					+ "' is the whole classpath. Name a package, e.g. classpath:db/migrations.");
		}
		List<Resource> classes = new ArrayList<>();
		List<Resource> sqlFiles = new ArrayList<>();
		if (path.contains("*") || path.contains("?") || path.contains("{")) {
			// a pattern in the location itself: only the resolver can expand it
			String root = "classpath*:" + path + "/**/";
			classes.addAll(Arrays.asList(resources(location, root + "*.class")));
			sqlFiles.addAll(Arrays.asList(resources(location, root + "*.sql")));
		}
		else {
			for (URL root : roots(location, path)) {
				collect(location, root, classes, sqlFiles);
			}
		}
		for (Resource resource : classes) {
			MetadataReader reader = metadata(location, resource);
			AnnotationMetadata annotations = reader.getAnnotationMetadata();
			if (annotations.hasAnnotation(Revision.class.getName()) && this.seen.add(annotations.getClassName())) {
				this.found.add(javaRevision(annotations.getClassName()));
			}
		}
		Map<String, List<Resource>> sqlBySource = new LinkedHashMap<>();
		Map<Resource, String> urls = new HashMap<>();
		for (Resource resource : sqlFiles) {
			String url = url(resource);
			urls.put(resource, url);
			sqlBySource.computeIfAbsent(classpathSource(path, url), (source) -> new ArrayList<>()).add(resource);
		}
		sqlBySource.forEach((source, resources) -> {
			for (Resource resource : resources) {
				String url = urls.get(resource);
				String description = (resources.size() > 1) ? source + " (" + url + ")" : source;
				if (this.seen.add(url)) {
					this.found.add(SqlRevisionFile.parse(resource.getFilename(), description, read(resource)));
				}
			}
		});
	}

	/** The class path entries that hold the location's package, in class path order. */
	private List<URL> roots(String location, String path) {
		try {
			return Collections.list(this.classLoader.getResources(path + "/"));
		}
		catch (IOException ex) {
			throw new RevisionLocationException("Cannot scan migration location " + location + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * The class and SQL files under one class path entry's copy of the location. A
	 * directory is walked once, which is what Spring's resolver finds there without
	 * matching every file against two patterns; jars and other forms go through the
	 * resolver.
	 */
	private void collect(String location, URL root, List<Resource> classes, List<Resource> sqlFiles) {
		if (!"file".equals(root.getProtocol())) {
			classes.addAll(Arrays.asList(resources(location, root + "**/*.class")));
			sqlFiles.addAll(Arrays.asList(resources(location, root + "**/*.sql")));
			return;
		}
		Path directory;
		try {
			directory = Path.of(root.toURI());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new RevisionLocationException(
					"Cannot scan migration location " + location + " in " + root + ": " + ex.getMessage(), ex);
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(directory)) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new RevisionLocationException(
					"Cannot scan migration location " + location + " in " + directory + ": " + ex.getMessage(), ex);
		}
		for (Path file : files) {
			String name = file.getFileName().toString();
			if (name.endsWith(".class")) {
				classes.add(new FileSystemResource(file));
			}
			else if (name.endsWith(".sql")) {
				sqlFiles.add(new FileSystemResource(file));
			}
		}
	}

	private void scanDirectory(String location) {
		String path = location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : location;
		Path directory = Path.of(path).toAbsolutePath().normalize();
		if (!Files.isDirectory(directory)) {
			throw new RevisionLocationException("Migration location '" + location + "' is not a directory (" + directory
					+ "). Create it, or correct migrations.locations: use classpath:<package>, "
					+ "filesystem:<directory> or a directory path.");
		}
		List<Path> files;
		try (Stream<Path> walk = Files.walk(directory)) {
			files = walk.filter((file) -> Files.isRegularFile(file) && file.getFileName().toString().endsWith(".sql"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new RevisionLocationException("Cannot list migration location " + directory + ": " + ex.getMessage(),
					ex);
		}
		for (Path file : files) {
			if (this.seen.add(file.toUri().toString())) {
				this.found.add(SqlRevisionFile.parse(file.getFileName().toString(), file.toString(), read(file)));
			}
		}
	}

	private RevisionScript javaRevision(String className) {
		Class<?> type;
		try {
			type = Class.forName(className, false, this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new RevisionClassException("Revision class " + className + " cannot be loaded: " + ex
					+ ". Check that it and the classes it uses are on the classpath.", ex);
		}
		Revision revision = type.getAnnotation(Revision.class);
		if (!Migration.class.isAssignableFrom(type)) {
			throw new RevisionClassException("Class " + className + " is annotated @Revision but does not implement "
					+ Migration.class.getName() + ". Add 'implements Migration' with upgrade(Operations) and "
					+ "downgrade(Operations), or remove the annotation.");
		}
		if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
			throw new RevisionClassException("Revision class " + className
					+ " is abstract, so it cannot run. Make it a concrete class, or move @Revision to one.");
		}
		for (String dialect : revision.dialects()) {
			if (!DialectNames.isKnown(dialect)) {
				throw new RevisionClassException("Revision class " + className + " has @Revision(dialects = \""
						+ dialect + "\"), a dialect Retort does not know" + DialectNames.suggestion(dialect)
						+ ": the revision would run nowhere and be recorded as applied. Use one of "
						+ DialectNames.list() + ", or drop dialects to run it on every database.");
			}
		}
		Migration migration = instantiate(type.asSubclass(Migration.class));
		String source = className;
		return new RevisionScript(revision.id(), Arrays.asList(revision.revises()),
				Set.copyOf(Arrays.asList(revision.branchLabels())), Arrays.asList(revision.dependsOn()),
				revision.message(), javaCreated(className, revision.created()), revision.transactional(),
				Set.copyOf(Arrays.asList(revision.dialects())), source, RevisionScript.Kind.JAVA, migration, null);
	}

	private static Migration instantiate(Class<? extends Migration> type) {
		String fix = "Give " + type.getName() + " a public no-argument constructor"
				+ ((type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers()))
						? " and make it a static class" : "")
				+ (Modifier.isPublic(type.getModifiers()) ? "" : " and make the class public") + ".";
		Constructor<? extends Migration> constructor;
		try {
			constructor = type.getConstructor();
		}
		catch (NoSuchMethodException ex) {
			throw new RevisionClassException(
					"Revision class " + type.getName() + " has no public no-argument constructor. " + fix, ex);
		}
		try {
			return constructor.newInstance();
		}
		catch (IllegalAccessException ex) {
			throw new RevisionClassException("Revision class " + type.getName() + " cannot be created. " + fix, ex);
		}
		catch (InvocationTargetException ex) {
			throw new RevisionClassException("Revision class " + type.getName() + " failed in its constructor: "
					+ ex.getCause() + ". Revisions are created during discovery; keep constructors trivial.",
					ex.getCause());
		}
		catch (ExceptionInInitializerError ex) {
			throw new RevisionClassException("Revision class " + type.getName() + " failed in its static initializer: "
					+ ex.getCause() + ". Revisions are created during discovery; keep static state trivial.",
					ex.getCause());
		}
		catch (InstantiationException ex) {
			throw new RevisionClassException("Revision class " + type.getName() + " cannot be created. " + fix, ex);
		}
	}

	private static Instant javaCreated(String className, String created) {
		try {
			return SqlRevisionFile.created(className, created, 1);
		}
		catch (RevisionFileException ex) {
			throw new RevisionClassException("Revision class " + className + " has @Revision(created = \"" + created
					+ "\"), which is not an ISO-8601 time. Write e.g. created = \"2026-11-21T12:00:00Z\".");
		}
	}

	/**
	 * Joins SQL files that share an id and are each limited to other dialects into one
	 * revision that runs the right file per dialect.
	 */
	private static List<RevisionScript> mergeDialectVariants(List<RevisionScript> scripts) {
		Map<String, List<RevisionScript>> byId = new LinkedHashMap<>();
		scripts.forEach((script) -> byId.computeIfAbsent(script.id(), (id) -> new ArrayList<>()).add(script));
		List<RevisionScript> result = new ArrayList<>();
		for (List<RevisionScript> group : byId.values()) {
			if (group.size() == 1 || !areDialectVariants(group)) {
				result.addAll(group);
				continue;
			}
			RevisionScript first = group.get(0);
			for (RevisionScript other : group) {
				if (!other.parents().equals(first.parents()) || !other.branchLabels().equals(first.branchLabels())
						|| !other.dependsOn().equals(first.dependsOn())
						|| other.transactional() != first.transactional()) {
					throw new RevisionFileException("Revision " + first.id() + " is written once per dialect in "
							+ first.source() + " and " + other.source()
							+ ", but their revises, branch-labels, depends-on or transactional headers differ. "
							+ "Make these headers the same in every variant.");
				}
			}
			Map<String, RevisionScript> variants = new LinkedHashMap<>();
			Set<String> dialects = new HashSet<>();
			for (RevisionScript variant : group) {
				variant.dialects().forEach((dialect) -> variants.put(dialect, variant));
				dialects.addAll(variant.dialects());
			}
			DialectVariants migration = new DialectVariants(variants);
			result.add(new RevisionScript(first.id(), first.parents(), first.branchLabels(), first.dependsOn(),
					first.message(), first.created(), first.transactional(), dialects, migration.toString(),
					RevisionScript.Kind.SQL, migration, null));
		}
		result.sort(Comparator.comparing(RevisionScript::source));
		return result;
	}

	private static boolean areDialectVariants(List<RevisionScript> group) {
		Set<String> dialects = new HashSet<>();
		for (RevisionScript script : group) {
			if (script.kind() != RevisionScript.Kind.SQL || script.dialects().isEmpty()) {
				return false;
			}
			for (String dialect : script.dialects()) {
				if (!dialects.add(dialect)) {
					return false;
				}
			}
		}
		return true;
	}

	private Resource[] resources(String location, String pattern) {
		try {
			return resolver().getResources(pattern);
		}
		catch (IOException ex) {
			throw new RevisionLocationException("Cannot scan migration location " + location + ": " + ex.getMessage(),
					ex);
		}
	}

	private PathMatchingResourcePatternResolver resolver() {
		if (this.resolver == null) {
			this.resolver = new PathMatchingResourcePatternResolver(this.classLoader);
		}
		return this.resolver;
	}

	private MetadataReader metadata(String location, Resource resource) {
		try {
			return this.metadataReaders.getMetadataReader(resource);
		}
		catch (IOException ex) {
			throw new RevisionLocationException(
					"Cannot read class " + url(resource) + " under " + location + ": " + ex.getMessage(), ex);
		}
	}

	/** {@code classpath:db/migrations/sub/x.sql} for a resource found under the path. */
	private static String classpathSource(String path, String url) {
		int index = url.lastIndexOf("/" + path + "/");
		return (index >= 0) ? CLASSPATH + url.substring(index + 1) : url;
	}

	private static String url(Resource resource) {
		try {
			return resource.getURL().toString();
		}
		catch (IOException ex) {
			return resource.getDescription();
		}
	}

	private static String read(Resource resource) {
		byte[] bytes;
		try (InputStream input = resource.getInputStream()) {
			bytes = input.readAllBytes();
		}
		catch (IOException ex) {
			throw new RevisionLocationException("Cannot read revision file " + url(resource) + ": " + ex.getMessage(),
					ex);
		}
		return utf8(bytes, url(resource));
	}

	private static String read(Path file) {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new RevisionLocationException("Cannot read revision file " + file + ": " + ex.getMessage(), ex);
		}
		return utf8(bytes, file.toString());
	}

	/**
	 * The file's text, refusing bytes that are not UTF-8 rather than replacing them: a
	 * replaced character would run (and be checksummed) as something the author did not
	 * write.
	 */
	private static String utf8(byte[] bytes, String source) {
		ByteBuffer input = ByteBuffer.wrap(bytes);
		CharBuffer output = CharBuffer.allocate(bytes.length);
		CoderResult result = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(input, output, true);
		if (result.isError()) {
			int offset = input.position();
			int line = 1;
			for (int i = 0; i < offset; i++) {
				line += (bytes[i] == '\n') ? 1 : 0;
			}
			throw new RevisionFileException(source + ":" + line + ": the file is not UTF-8 text (byte 0x"
					+ HexFormat.of().toHexDigits(bytes[offset]) + " at offset " + offset
					+ "). To fix: save it as UTF-8 (revision files are always read as UTF-8).");
		}
		return output.flip().toString();
	}

}
