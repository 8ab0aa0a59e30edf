package dev.retort.migration.autogenerate;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated revision sources the way a user's build would, against the test
 * classpath, and loads the classes.
 */
public final class GeneratedSources {

	private GeneratedSources() {
	}

	/**
	 * Compiles every {@code .java} file under {@code sources} into {@code classes}.
	 * @return a class loader that sees the compiled classes
	 * @throws AssertionError with the compiler's messages when compilation fails
	 */
	public static ClassLoader compile(Path sources, Path classes) throws IOException {
		List<File> files;
		try (Stream<Path> walk = Files.walk(sources)) {
			files = walk.filter((path) -> path.toString().endsWith(".java")).map(Path::toFile).toList();
		}
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		StringWriter messages = new StringWriter();
		try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null,
				StandardCharsets.UTF_8)) {
			Iterable<? extends JavaFileObject> units = fileManager.getJavaFileObjectsFromFiles(files);
			List<String> options = new ArrayList<>(List.of("-classpath", classpath(), "-d", classes.toString(),
					"-encoding", "UTF-8", "-Xlint:all", "-Werror", "-proc:none"));
			boolean compiled = compiler.getTask(messages, fileManager, null, options, null, units).call();
			if (!compiled) {
				throw new AssertionError("Generated sources do not compile:\n" + messages);
			}
		}
		return new URLClassLoader(new URL[] { classes.toUri().toURL() }, GeneratedSources.class.getClassLoader());
	}

	private static String classpath() {
		String surefire = System.getProperty("surefire.test.class.path");
		return (surefire != null && !surefire.isBlank()) ? surefire : System.getProperty("java.class.path");
	}

}
