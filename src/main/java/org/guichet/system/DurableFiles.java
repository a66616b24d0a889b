package org.guichet.system;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files that must survive a crash, for whatever Guichet keeps outside its database (under
 * {@code guichet.data-dir}). Call it before committing the transaction that relies on the file:
 * once it returns, the file is complete on disk; if the process dies first, the file holds
 * either its former content or the new one, never a part.
 */
public final class DurableFiles {

	private DurableFiles() {
	}

	/**
	 * Writes {@code content} in UTF-8 to {@code file}, creating its folder if needed, through a
	 * temporary file in the same folder that is flushed to disk (fsync) and then renamed over
	 * {@code file}; the folder is flushed too, so that the new name survives.
	 * @throws IOException when any step fails; {@code file} then keeps its former content
	 */
	public static void write(Path file, String content) throws IOException {
		Path folder = file.toAbsolutePath().getParent();
		Files.createDirectories(folder);
		Path temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
				ByteBuffer bytes = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
				while (bytes.hasRemaining()) {
					channel.write(bytes);
				}
				channel.force(true);
			}
			Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temporary);
		}
		try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
			directory.force(true);
		}
	}

}
