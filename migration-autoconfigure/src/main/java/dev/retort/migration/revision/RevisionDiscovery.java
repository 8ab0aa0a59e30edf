package dev.retort.migration.revision;

import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.MalformedURLException;
import java.net.URI;
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
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.classreading.CachingMetadataReaderFactory;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Finds Java and SQL revisions under locations: {@code classpath:db/migrations} (Java
 * classes annotated with {@link Revision} in package {@code db.migrations}, and
 * {@code *.sql} files), {@code filesystem:/abs/dir}, {@code file:/abs/dir} or a plain
 * directory path (SQL files).
 */
final class RevisionDiscovery {

	private static final String CLASSPATH = "classpath:";

	private static final String FILESYSTEM = "filesystem:";

	private static final String FILE = "file:";

	private static final String FILE_URL_PREFIX = "file://";

	private static final String READ_FIX = ". Check that it exists and that this user may read it, "
			+ "or correct migrations.locations.";

	private final ClassLoader classLoader;

	/** Created when first needed: most locations are directories. */
	private PathMatchingResourcePatternResolver resolver;

	/** Created when first needed: most locations hold no classes. */
	private MetadataReaderFactory metadataReaders;

	private final Set<String> seen = new HashSet<>();

	/** Where directory files are read, grown for a larger one. */
	private byte[] buffer = new byte[16 * 1024];

	private final List<RevisionScript> found = new ArrayList<>();

	/** Class path locations that no class path entry has. */
	private final List<String> notFound = new ArrayList<>();

	private RevisionDiscovery(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * The revisions under the locations, and the class path locations that no class path
	 * entry has (a directory location that does not exist is an error at once).
	 */
	static Discovered discover(List<String> locations, ClassLoader classLoader) {
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
		return new Discovered(mergeDialectVariants(discovery.found), List.copyOf(discovery.notFound));
	}

	/**
	 * What discovery found.
	 *
	 * @param revisions the revisions, dialect variants merged
	 * @param notFound the class path locations no class path entry has, as configured
	 */
	record Discovered(List<RevisionScript> revisions, List<String> notFound) {

	}

	private void scanClasspath(String location) {
		String path = location.substring(CLASSPATH.length()).replace('\\', '/');
		path = path.replaceAll("^/+", "").replaceAll("/+$", "");
		if (path.isEmpty()) {
			throw new RevisionLocationException("Location '" + location
					+ "' is the whole classpath. Name a package, e.g. classpath:db/migrations.");
		}
		List<Resource> classes = new ArrayList<>();
		List<SqlFile> sqlFiles = new ArrayList<>();
		if (path.contains("*") || path.contains("?") || path.contains("{")) {
			// a pattern in the location itself: only the resolver can expand it
			String root = "classpath*:" + path + "/**/";
			classes.addAll(Arrays.asList(resources(location, root + "*.class")));
			addResources(sqlFiles, resources(location, root + "*.sql"));
		}
		else {
			List<URL> roots = roots(location, path);
			if (roots.isEmpty()) {
				this.notFound.add(location);
			}
			for (URL root : roots) {
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
		Map<String, Integer> perSource = new HashMap<>();
		List<String> sources = new ArrayList<>(sqlFiles.size());
		String folder = "/" + path + "/";
		for (SqlFile file : sqlFiles) {
			String source = classpathSource(folder, file.url());
			sources.add(source);
			perSource.merge(source, 1, Integer::sum);
		}
		for (int index = 0; index < sqlFiles.size(); index++) {
			SqlFile file = sqlFiles.get(index);
			String source = sources.get(index);
			String description = (perSource.get(source) > 1) ? source + " (" + file.url() + ")" : source;
			if (this.seen.add(file.url())) {
				this.found.add(SqlRevisionFile.parse(file.name(), description, file.read()));
			}
		}
	}

	private static void addResources(List<SqlFile> sqlFiles, Resource[] resources) {
		for (Resource resource : resources) {
			sqlFiles.add(new SqlFile(url(resource), resource.getFilename(), () -> readAll(resource.getInputStream())));
		}
	}

	/** The class path entries that hold the location's package, in class path order. */
	private List<URL> roots(String location, String path) {
		try {
			return Collections.list(this.classLoader.getResources(path + "/"));
		}
		catch (IOException ex) {
			throw new RevisionLocationException(
					"Cannot scan migration location " + location + ": " + ex.getMessage() + READ_FIX, ex);
		}
	}

	/**
	 * The class and SQL files under one class path entry's copy of the location. A
	 * directory is walked once (one {@code stat} per entry, no URL built per file), which
	 * is what Spring's resolver finds there without matching every file against two
	 * patterns; jars and other forms go through the resolver.
	 */
	private void collect(String location, URL root, List<Resource> classes, List<SqlFile> sqlFiles) {
		if ("jar".equals(root.getProtocol()) && collectJar(location, root, classes, sqlFiles)) {
			return;
		}
		if (!"file".equals(root.getProtocol())) {
			classes.addAll(Arrays.asList(resources(location, root + "**/*.class")));
			addResources(sqlFiles, resources(location, root + "**/*.sql"));
			return;
		}
		File directory;
		try {
			directory = new File(root.toURI());
		}
		catch (URISyntaxException | IllegalArgumentException ex) {
			throw new RevisionLocationException("Cannot scan migration location " + location + " in " + root + ": "
					+ ex.getMessage() + ". Its class path entry is not a valid file URL: move the application "
					+ "to a folder whose path has no unusual characters, or use a filesystem: location.", ex);
		}
		String rootUrl = folderUrl(root);
		for (ListedFile listed : regularFiles(directory, location)) {
			String relative = listed.relative();
			File file = new File(directory, relative);
			if (relative.endsWith(".class")) {
				classes.add(new FileSystemResource(file));
			}
			else if (listed.bytes() != null) {
				sqlFiles.add(new SqlFile(fileUrl(rootUrl, relative, file), file.getName(), listed::bytes));
			}
		}
	}

	/**
	 * The class and SQL entries under the location's folder of a jar (a Spring Boot jar's
	 * nested ones too), read from the jar the class loader already opened: one pass over
	 * its entries instead of the resolver matching each against two patterns.
	 * {@code false} when the URL does not lead to a jar this way.
	 */
	private boolean collectJar(String location, URL root, List<Resource> classes, List<SqlFile> sqlFiles) {
		JarFile jar;
		String folder;
		try {
			if (!(root.openConnection() instanceof JarURLConnection connection)) {
				return false;
			}
			// the class loader's cached jar: closing it is not ours to do
			jar = connection.getJarFile();
			folder = connection.getEntryName();
		}
		catch (IOException ex) {
			throw new RevisionLocationException(
					"Cannot scan migration location " + location + " in " + root + ": " + ex.getMessage() + READ_FIX,
					ex);
		}
		if (folder == null) {
			return false;
		}
		String prefix = folder.endsWith("/") ? folder : folder + "/";
		String rootUrl = folderUrl(root);
		List<JarEntry> entries = new ArrayList<>();
		Enumeration<JarEntry> all = jar.entries();
		while (all.hasMoreElements()) {
			JarEntry entry = all.nextElement();
			String name = entry.getName();
			if (!entry.isDirectory() && name.startsWith(prefix) && (name.endsWith(".sql") || name.endsWith(".class"))) {
				entries.add(entry);
			}
		}
		entries.sort(Comparator.comparing(JarEntry::getName));
		for (JarEntry entry : entries) {
			String relative = entry.getName().substring(prefix.length());
			String url = rootUrl + relative;
			if (relative.endsWith(".class")) {
				try {
					classes.add(new UrlResource(url));
				}
				catch (MalformedURLException ex) {
					throw new RevisionLocationException("Cannot read class " + url + " under " + location + ": "
							+ ex.getMessage() + ". Its name does not form a URL: rename the class or its package.", ex);
				}
			}
			else {
				String name = relative.substring(relative.lastIndexOf('/') + 1);
				sqlFiles.add(new SqlFile(url, name, () -> readAll(jar.getInputStream(entry))));
			}
		}
		return true;
	}

	private static String folderUrl(URL root) {
		return root.toString().endsWith("/") ? root.toString() : root + "/";
	}

	private static byte[] readAll(InputStream stream) throws IOException {
		try (InputStream input = stream) {
			return input.readAllBytes();
		}
	}

	/**
	 * The regular files under a directory as paths relative to it ({@code /} between
	 * folders), sorted, with the bytes of each SQL file: one listing per folder, far less
	 * to run cold than a file tree walk. An SQL file is opened without a {@code stat}
	 * first (opening it tells a file from a folder) and read there and then into one
	 * buffer; other entries take one {@code stat}. A link to a file is followed, a link
	 * to a folder is not (as the resolver walks).
	 */
	private List<ListedFile> regularFiles(File directory, String location) {
		List<ListedFile> files = new ArrayList<>();
		addRegularFiles(directory, "", files, location);
		files.sort(ListedFile.BY_PATH);
		return files;
	}

	private void addRegularFiles(File folder, String prefix, List<ListedFile> files, String location) {
		String[] names = folder.list();
		if (names == null) {
			throw new RevisionLocationException("Cannot scan migration location " + location + ": folder " + folder
					+ " cannot be listed. Check that it exists and that this user may read it.");
		}
		for (String name : names) {
			File entry = new File(folder, name);
			if (name.endsWith(".sql")) {
				byte[] bytes = readIfFile(entry);
				if (bytes != null) {
					files.add(new ListedFile(prefix + name, bytes));
					continue;
				}
			}
			else if (entry.isFile()) {
				files.add(new ListedFile(prefix + name, null));
				continue;
			}
			if (entry.isDirectory() && !Files.isSymbolicLink(entry.toPath())) {
				addRegularFiles(entry, prefix + name + "/", files, location);
			}
		}
	}

	/**
	 * The file's bytes, or {@code null} when it is a folder or a link to nothing (which a
	 * {@code stat} then tells, on that path only).
	 */
	private byte[] readIfFile(File file) {
		try (FileInputStream input = new FileInputStream(file)) {
			return readFully(input);
		}
		catch (FileNotFoundException ex) {
			if (file.isDirectory() || !file.exists()) {
				return null;
			}
			throw cannotRead(file.getPath(), ex);
		}
		catch (IOException ex) {
			throw cannotRead(file.getPath(), ex);
		}
	}

	/**
	 * Reads into the discovery's one buffer and copies out the bytes: no {@code stat} and
	 * {@code lseek} per file for a size, as {@code readAllBytes} costs.
	 */
	private byte[] readFully(InputStream input) throws IOException {
		int length = 0;
		while (true) {
			if (length == this.buffer.length) {
				this.buffer = Arrays.copyOf(this.buffer, length * 2);
			}
			int read = input.read(this.buffer, length, this.buffer.length - length);
			if (read < 0) {
				return Arrays.copyOf(this.buffer, length);
			}
			length += read;
		}
	}

	private static RevisionLocationException cannotRead(String file, IOException ex) {
		return new RevisionLocationException("Cannot read revision file " + file + ": " + ex.getMessage() + READ_FIX,
				ex);
	}

	/**
	 * The file's URL as the class loader writes it: the root's URL and the relative path
	 * when that needs no escaping, which holds for most revision names.
	 */
	private static String fileUrl(String rootUrl, String relative, File file) {
		for (int index = 0; index < relative.length(); index++) {
			char c = relative.charAt(index);
			if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
					|| c == '.' || c == '/')) {
				URI uri = file.toPath().toUri();
				try {
					return uri.toURL().toString();
				}
				catch (MalformedURLException ex) {
					return uri.toString();
				}
			}
		}
		return rootUrl + relative;
	}

	private void scanDirectory(String location) {
		Path directory = directory(location).toAbsolutePath().normalize();
		if (!Files.isDirectory(directory)) {
			throw new RevisionLocationException("Migration location '" + location + "' is not a directory (" + directory
					+ "). Create it, or correct migrations.locations: use classpath:<package>, "
					+ "filesystem:<directory> or a directory path.");
		}
		File folder = directory.toFile();
		for (ListedFile listed : regularFiles(folder, location)) {
			File file = new File(folder, listed.relative());
			if (listed.bytes() != null && this.seen.add(file.getPath())) {
				this.found
					.add(SqlRevisionFile.parse(file.getName(), file.getPath(), utf8(listed.bytes(), file.getPath())));
			}
		}
	}

	/**
	 * The directory a location names: {@code filesystem:<directory>}, Spring's
	 * {@code file:<directory>} or {@code file:///<directory>}, or a plain path. Any other
	 * prefix is refused, rather than read as a folder of that name.
	 */
	private static Path directory(String location) {
		if (location.startsWith(FILESYSTEM)) {
			return Path.of(location.substring(FILESYSTEM.length()));
		}
		if (location.startsWith(FILE_URL_PREFIX)) {
			try {
				return Path.of(new URI(location));
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				throw new RevisionLocationException(
						"Migration location '" + location + "' is not a valid file URL (" + ex.getMessage()
								+ "). Write it as filesystem:<directory>, e.g. filesystem:/srv/app/migrations.",
						ex);
			}
		}
		if (location.startsWith(FILE)) {
			return Path.of(location.substring(FILE.length()));
		}
		int colon = location.indexOf(':');
		// a drive letter (C:\migrations) is a path; a longer word before the colon a
		// prefix
		if (colon > 1 && location.substring(0, colon).chars().allMatch(RevisionDiscovery::isSchemeCharacter)) {
			String prefix = location.substring(0, colon + 1);
			String rest = location.substring(colon + 1);
			String suggestion = prefix.equals("classpath*:")
					? " (classpath:" + rest + " reads that folder in every class path entry already)" : "";
			throw new RevisionLocationException("Migration location '" + location + "' starts with '" + prefix
					+ "', which Retort does not know" + suggestion + ". Correct migrations.locations: use "
					+ "classpath:<package>, filesystem:<directory> (or file:<directory>) or a directory path.");
		}
		return Path.of(location);
	}

	private static boolean isSchemeCharacter(int c) {
		return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.'
				|| c == '*';
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
				Set.copyOf(Arrays.asList(revision.dialects())), source, RevisionScript.Kind.JAVA, migration);
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
			throw staticInitializerFailed(type, ex.getCause());
		}
		catch (NoClassDefFoundError ex) {
			// the initializer failed at an earlier load (the warm-up's): the JVM keeps
			// the class unusable and says so, its first failure as the cause
			Throwable first = (ex.getCause() instanceof ExceptionInInitializerError initializer) ? initializer : ex;
			throw staticInitializerFailed(type, first);
		}
		catch (InstantiationException ex) {
			throw new RevisionClassException("Revision class " + type.getName() + " cannot be created. " + fix, ex);
		}
	}

	private static RevisionClassException staticInitializerFailed(Class<?> type, Throwable cause) {
		String what = (cause instanceof ExceptionInInitializerError initializer && initializer.getCause() == null)
				? initializer.getMessage() : String.valueOf(cause);
		return new RevisionClassException("Revision class " + type.getName() + " failed in its static initializer: "
				+ what + ". Revisions are created during discovery; keep static state trivial.", cause);
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
		for (RevisionScript script : scripts) {
			List<RevisionScript> group = byId.get(script.id());
			if (group == null) {
				group = new ArrayList<>(1);
				byId.put(script.id(), group);
			}
			group.add(script);
		}
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
					RevisionScript.Kind.SQL, migration));
		}
		result.sort((one, other) -> one.source().compareTo(other.source()));
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
			throw new RevisionLocationException(
					"Cannot scan migration location " + location + ": " + ex.getMessage() + READ_FIX, ex);
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
			if (this.metadataReaders == null) {
				this.metadataReaders = new CachingMetadataReaderFactory(this.classLoader);
			}
			return this.metadataReaders.getMetadataReader(resource);
		}
		catch (IOException ex) {
			throw new RevisionLocationException(
					"Cannot read class " + url(resource) + " under " + location + ": " + ex.getMessage() + READ_FIX,
					ex);
		}
	}

	/**
	 * {@code classpath:db/migrations/sub/x.sql} for a resource found under the folder
	 * ({@code /db/migrations/}).
	 */
	private static String classpathSource(String folder, String url) {
		int index = url.lastIndexOf(folder);
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

	/**
	 * The file's text, refusing bytes that are not UTF-8 rather than replacing them: a
	 * replaced character would run (and be checksummed) as something the author did not
	 * write.
	 */
	private static String utf8(byte[] bytes, String source) {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (text.indexOf('\uFFFD') < 0) {
			// the common case, decoded by the JDK's fast path: nothing was replaced
			return text;
		}
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

	/**
	 * An SQL file to read: a file of a directory, an entry of a jar, or a resource the
	 * resolver found; {@code url} names it in errors.
	 */
	private record SqlFile(String url, String name, Content content) {

		String read() {
			byte[] bytes;
			try {
				bytes = this.content.read();
			}
			catch (IOException ex) {
				throw new RevisionLocationException(
						"Cannot read revision file " + this.url + ": " + ex.getMessage() + READ_FIX, ex);
			}
			return utf8(bytes, this.url);
		}

	}

	/**
	 * A regular file under a listed folder: its path relative to the folder, and its
	 * bytes when it is an SQL file.
	 */
	private record ListedFile(String relative, byte[] bytes) {

		/**
		 * Written out: a comparator built from a method reference costs more to run cold.
		 */
		static final Comparator<ListedFile> BY_PATH = new Comparator<>() {

			@Override
			public int compare(ListedFile one, ListedFile other) {
				return one.relative.compareTo(other.relative);
			}

		};

	}

	/** How to read a file's bytes. */
	@FunctionalInterface
	private interface Content {

		byte[] read() throws IOException;

	}

}
