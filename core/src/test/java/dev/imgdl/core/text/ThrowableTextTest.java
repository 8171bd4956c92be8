package dev.imgdl.core.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Exceptions in words: what output handling can meet, said without a Java class name. */
class ThrowableTextTest {
  private static final String FILE = "/out/00000.tar";

  static Stream<Arguments> exceptionsOutputHandlingMeets() {
    return Stream.of(
        Arguments.of(new FileAlreadyExistsException(FILE), "File exists"),
        Arguments.of(new NoSuchFileException(FILE), "No such file or directory"),
        Arguments.of(new NoSuchFileException(FILE, "/out/x", null), "No such file or directory"),
        Arguments.of(new AccessDeniedException(FILE), "Permission denied"),
        Arguments.of(new AccessDeniedException(FILE, null, "Permission denied"),
            "Permission denied"),
        Arguments.of(new NotDirectoryException(FILE), "Not a directory"),
        Arguments.of(new DirectoryNotEmptyException(FILE), "Directory not empty"),
        Arguments.of(new FileSystemLoopException(FILE), "Too many levels of symbolic links"),
        Arguments.of(new FileSystemException(FILE, null, "Read-only file system"),
            "Read-only file system"),
        Arguments.of(new FileSystemException(FILE, null, "No space left on device"),
            "No space left on device"),
        Arguments.of(new FileSystemException(FILE + ".tmp", FILE, "Is a directory"),
            "Is a directory"),
        Arguments.of(new FileSystemException(FILE), "Input/output error"),
        Arguments.of(new IOException("No space left on device"), "No space left on device"),
        Arguments.of(new IOException(), "Input/output error"),
        Arguments.of(new IOException(new AccessDeniedException(FILE)), "Permission denied"),
        Arguments.of(new UncheckedIOException(new NotDirectoryException(FILE)),
            "Not a directory"),
        Arguments.of(new EOFException(), "unexpected end of file"),
        // Hadoop's words for an unreachable name node quote the cause's class name.
        Arguments.of(new IOException("Call From vm/127.0.0.1 to localhost:1 failed on connection "
            + "exception: java.net.ConnectException: Connection refused"),
            "Call From vm/127.0.0.1 to localhost:1 failed on connection exception: Connection "
            + "refused"),
        Arguments.of(new IllegalStateException(), "unexpected error"));
  }

  @ParameterizedTest
  @MethodSource("exceptionsOutputHandlingMeets")
  void eachExceptionIsSaidInTheSystemsWordsWithoutAClassName(Throwable e, String words) {
    String reason = ThrowableText.reason(e);

    assertThat(reason).isEqualTo(words)
        .doesNotContain("Exception").doesNotContain("java.").doesNotContain(FILE);
  }
}
