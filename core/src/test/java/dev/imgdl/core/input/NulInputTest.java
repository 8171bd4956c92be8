package dev.imgdl.core.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.imgdl.core.source.InputException;
import dev.imgdl.core.source.InputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A NUL byte is never part of a URL list or a text table: it stops the run naming the file and
 * line, as soon as it is read, so that an endless input of them ends at once.
 */
class NulInputTest {
  @TempDir Path dir;

  @Test
  void aNulByteInAListFileStopsTheRunNamingTheFileAndLine() throws IOException {
    Path list = write("list.txt", "http://a/1.jpg\nhttp://a/\0.jpg\nhttp://a/3.jpg\n");
    assertThatThrownBy(() -> new InputReader(InputStream.nullInputStream())
        .check(List.of(list.toString())))
        .isInstanceOf(InputException.class)
        .hasMessage(list + ":2: holds a NUL byte (not text)");
  }

  @Test
  void anEndlessInputOfNulBytesStopsAtTheFirstOnStandardInput() {
    Zeros zeros = new Zeros();
    assertThatThrownBy(() -> new InputReader(zeros).read(List.of("-"), entry -> { }))
        .isInstanceOf(InputException.class)
        .hasMessage("<stdin>:1: holds a NUL byte (not text)");
    assertThat(zeros.read).isLessThanOrEqualTo(64 * 1024);
  }

  @Test
  void aNulByteInACsvFileStopsTheRunNamingTheFileAndLine() throws IOException {
    Path csv = write("t.csv", "url,caption\nhttp://a/1.jpg,one\n\"http://a/2.jpg\",t\0o\n");
    assertThatThrownBy(() -> new InputReader(InputStream.nullInputStream())
        .check(List.of(csv.toString())))
        .isInstanceOf(InputException.class)
        .hasMessage(csv + ":3: holds a NUL byte (not text)");
  }

  @Test
  void anEndlessCsvOfNulBytesStopsAtTheFirst() {
    Zeros zeros = new Zeros();
    InputOptions csv = new InputOptions(InputFormat.CSV, "url", null, List.of(), null);
    assertThatThrownBy(() -> new InputReader(zeros, csv).read(List.of("-"), entry -> { }))
        .isInstanceOf(InputException.class)
        .hasMessage("<stdin>:1: holds a NUL byte (not text)");
  }

  @Test
  void aNulByteInAJsonlFileStopsTheRunNamingTheFileAndLine() throws IOException {
    Path jsonl = write("t.jsonl", "{\"url\": \"http://a/1.jpg\"}\n{\"url\": \"http://a/\0\"}\n");
    assertThatThrownBy(() -> new InputReader(InputStream.nullInputStream())
        .check(List.of(jsonl.toString())))
        .isInstanceOf(InputException.class)
        .hasMessage(jsonl + ":2: holds a NUL byte (not text)");
  }

  private Path write(String name, String text) throws IOException {
    return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Endless zero bytes, as from {@code /dev/zero}; after 16 MiB it fails the read, so that a
   * reader that does not stop at the first NUL fails the test instead of running for ever.
   */
  private static final class Zeros extends InputStream {
    long read;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : 0;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (read > 16 << 20) {
        throw new IOException("read 16 MiB of zeros");
      }
      java.util.Arrays.fill(b, off, off + len, (byte) 0);
      read += len;
      return len;
    }
  }
}
