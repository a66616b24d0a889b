package org.guichet.system;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DurableFilesTests {

	@TempDir
	Path folder;

	@Test
	void writesTheWholeContentInAFolderItCreates() throws Exception {
		Path file = folder.resolve("data/initial-admin-password");

		DurableFiles.write(file, "mot-de-passe-é\n");

		assertThat(file).hasContent("mot-de-passe-é\n");
	}

	@Test
	void replacesTheFormerContentAndLeavesNoTemporaryFileBehind() throws Exception {
		Path file = folder.resolve("initial-admin-password");
		Files.writeString(file, "former password that is longer than the new one\n");

		DurableFiles.write(file, "new\n");

		assertThat(file).hasContent("new\n");
		try (var files = Files.list(folder)) {
			assertThat(files).containsExactly(file);
		}
	}

}
