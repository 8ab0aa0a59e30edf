package dev.retort.migration.autogenerate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new Java revision never overwrites a class of the same name: revisions with one
 * message get numbered names.
 */
class RevisionFilesTests {

	@TempDir
	Path directory;

	@Test
	void aTakenClassNameGetsTheNextNumber() throws IOException {
		assertThat(RevisionFiles.freeClassName(this.directory, "AddWidgetColour")).isEqualTo("AddWidgetColour");
		Files.writeString(this.directory.resolve("AddWidgetColour.java"), "");
		Files.writeString(this.directory.resolve("addwidgetcolour2.class"), "");

		// compared ignoring case, as some file systems do
		assertThat(RevisionFiles.freeClassName(this.directory, "AddWidgetColour")).isEqualTo("AddWidgetColour3");
	}

}
