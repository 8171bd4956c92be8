package dev.imgdl.cli.process.pipe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.imgdl.cli.json.JsonObject;
import dev.imgdl.cli.json.ResultJson;
import dev.imgdl.cli.process.pipe.PipeMessage.Acquire;
import dev.imgdl.cli.process.pipe.PipeMessage.Bytes;
import dev.imgdl.cli.process.pipe.PipeMessage.BytesGrant;
import dev.imgdl.cli.process.pipe.PipeMessage.Cancel;
import dev.imgdl.cli.process.pipe.PipeMessage.ChunkEnd;
import dev.imgdl.cli.process.pipe.PipeMessage.Cookies;
import dev.imgdl.cli.process.pipe.PipeMessage.Deny;
import dev.imgdl.cli.process.pipe.PipeMessage.Done;
import dev.imgdl.cli.process.pipe.PipeMessage.End;
import dev.imgdl.cli.process.pipe.PipeMessage.Grant;
import dev.imgdl.cli.process.pipe.PipeMessage.Release;
import dev.imgdl.cli.process.pipe.PipeMessage.ResultLine;
import dev.imgdl.cli.process.pipe.PipeMessage.Start;
import dev.imgdl.cli.process.pipe.PipeMessage.Started;
import dev.imgdl.cli.process.pipe.PipeMessage.TaskLine;
import dev.imgdl.cli.process.pipe.PipeMessage.ToChild;
import dev.imgdl.cli.process.pipe.PipeMessage.ToParent;
import dev.imgdl.core.config.FetchSettings;
import dev.imgdl.core.config.Identity;
import dev.imgdl.core.config.Network;
import dev.imgdl.core.config.RequestSettings;
import dev.imgdl.core.image.transform.EncodeFormat;
import dev.imgdl.core.image.transform.ResizeMode;
import dev.imgdl.core.image.transform.TransformSettings;
import dev.imgdl.core.input.ExpectedHash;
import dev.imgdl.core.input.Task;
import dev.imgdl.core.net.CookieFile;
import dev.imgdl.core.text.Credentials;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import okhttp3.Cookie;

/**
 * Writes and reads {@link PipeMessage}s as lines of JSON: the version {@code v}, the {@code
 * type}, then the message's fields. Reading is strict: a line of another version or type, or
 * with a field missing or malformed, is refused. Jackson's streaming API keeps a child JVM's
 * start-up short: the object mapper alone would load some 500 classes in every child.
 */
public final class PipeCodec {
  /** The version of the line format; a line of another version is refused. */
  static final int VERSION = 1;

  private static final JsonFactory JSON = new JsonFactory();

  private PipeCodec() {}

  /** One line, without its line break. */
  public static String format(PipeMessage message) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(text)) {
      g.writeStartObject();
      g.writeNumberField("v", VERSION);
      Fields fields = new Fields(g);
      if (message instanceof ToChild m) {
        m.accept(fields);
      } else {
        ((ToParent) message).accept(fields);
      }
      g.writeEndObject();
    } catch (IOException e) {
      // A StringWriter does not fail; Jackson declares it all the same.
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Parses a line sent to {@code side}, or throws {@link IOException} saying it is not one. */
  public static <M extends PipeMessage> M parse(String line, Class<M> side) throws IOException {
    PipeMessage message = parse(line);
    if (!side.isInstance(message)) {
      throw notAMessage(line, null);
    }
    return side.cast(message);
  }

  /** Parses a line, or throws {@link IOException} saying it is not a message. */
  public static PipeMessage parse(String line) throws IOException {
    try {
      JsonObject f = JsonObject.parse(line);
      if (f.integer("v") != VERSION) {
        throw new IllegalArgumentException("version " + f.integer("v"));
      }
      String type = f.requiredString("type");
      return switch (type) {
        case "start" -> new Start(f.integers("workers"), settings(f.object("settings")),
            f.requiredString("logLevel"), f.bool("remoteGate"));
        case "task" -> new TaskLine(f.integer("worker"), task(f.object("task")));
        case "end" -> new End();
        case "cancel" -> new Cancel();
        case "grant" -> new Grant(f.longValue("id"));
        case "deny" -> new Deny(f.longValue("id"));
        case "bytesGrant" -> new BytesGrant(f.longValue("id"), f.longValue("waitNanos"));
        case "result" -> new ResultLine(ResultJson.read(f.object("result")));
        case "acquire" -> new Acquire(f.longValue("id"), f.requiredString("host"),
            f.longValue("waitMillis"));
        case "started" -> new Started(f.longValue("id"));
        case "release" -> new Release(f.longValue("id"));
        case "bytes" -> new Bytes(f.longValue("id"), f.longValue("count"));
        case "chunkEnd" -> new ChunkEnd(f.integer("worker"), f.longValue("peakRss"));
        case "cookies" -> new Cookies(f.strings("cookies").stream().map(PipeCodec::cookie)
            .toList());
        case "done" -> new Done(f.longValue("pid"), f.longValue("peakRss"));
        default -> throw new IllegalArgumentException("type " + type);
      };
    } catch (IOException | RuntimeException e) {
      throw notAMessage(line, e);
    }
  }

  private static FetchSettings settings(JsonObject s) {
    return FetchSettings.builder()
        .outputDir(s.requiredString("outputDir"))
        .runId(s.requiredString("runId"))
        .request(request(s))
        .check(s.bool("check"))
        .md5(s.bool("md5"))
        .identity(identity(s.object("identity")))
        .limitRate(s.longValue("limitRate"))
        .build();
  }

  /** The request values, which stand beside the core's others in the settings' object. */
  private static RequestSettings request(JsonObject s) {
    return RequestSettings.builder()
        .timeoutMillis(s.longValue("timeoutMillis"))
        .deadlineMillis(s.longValue("deadlineMillis"))
        .maxSize(s.longValue("maxSize"))
        .retries(s.integer("retries"))
        .userAgent(s.requiredString("userAgent"))
        .headers(s.strings("headers"))
        .anyType(s.bool("anyType"))
        .network(network(s.object("network")))
        .disallowedDirectives(s.strings("disallowedDirectives"))
        .transform(s.has("transform") ? transform(s.object("transform")) : null)
        .build();
  }

  /** A cookie in its cookie-file line, which says all a cookie jar keeps of it. */
  private static Cookie cookie(String line) {
    return Objects.requireNonNull(CookieFile.parse(line), "a cookie line");
  }

  private static Identity identity(JsonObject i) {
    return new Identity(i.string("netrcFile"), i.string("cookieFile"), i.bool("cookieEngine"));
  }

  private static TransformSettings transform(JsonObject t) {
    return TransformSettings.builder()
        .size(t.integer("size"))
        .mode(ResizeMode.parse(t.requiredString("mode")))
        .onlyIfBigger(t.bool("onlyIfBigger"))
        .format(EncodeFormat.parse(t.requiredString("format")))
        .quality(t.integer("quality"))
        .minImageSize(t.integer("minImageSize"))
        .maxImageArea(t.longValue("maxImageArea"))
        // A string: the default is infinite, which JSON has no number for.
        .maxAspectRatio(Double.parseDouble(t.requiredString("maxAspectRatio")))
        .maxDecodePixels(t.longValue("maxDecodePixels"))
        .build();
  }

  private static Network network(JsonObject n) {
    return new Network(n.string("httpProxy"), n.string("httpsProxy"), n.string("allProxy"),
        n.strings("noProxy"), n.string("caCertFile"), n.bool("insecure"), n.integer("ipVersion"));
  }

  private static Task task(JsonObject t) {
    return new Task(t.integer("index"), t.requiredString("url"), t.requiredString("stem"),
        t.string("extension"), ExpectedHash.ofText(t.string("hash")));
  }

  private static IOException notAMessage(String line, Exception cause) {
    // The start line holds proxy URLs, whose passwords must not reach a log; a cookies line
    // holds cookie values, which are secrets too.
    String shown = line.contains("\"type\":\"cookies\"") ? "a cookies line"
        : Credentials.redactWords(abbreviate(line));
    return new IOException("not a message: " + shown, cause);
  }

  static String abbreviate(String line) {
    return line.length() <= 120 ? line : line.substring(0, 120) + "…";
  }

  /** Writes each kind of message's type and fields; the generator's failures are unchecked. */
  private static final class Fields implements ToChild.Visitor, ToParent.Visitor {
    private final JsonGenerator g;

    Fields(JsonGenerator g) {
      this.g = g;
    }

    @Override
    public void start(Start m) {
      write(() -> {
        g.writeStringField("type", "start");
        g.writeArrayFieldStart("workers");
        for (int worker : m.workers()) {
          g.writeNumber(worker);
        }
        g.writeEndArray();
        writeSettings(m.settings());
        g.writeStringField("logLevel", m.logLevel());
        g.writeBooleanField("remoteGate", m.remoteGate());
      });
    }

    @Override
    public void task(TaskLine m) {
      write(() -> {
        g.writeStringField("type", "task");
        g.writeNumberField("worker", m.worker());
        g.writeObjectFieldStart("task");
        g.writeNumberField("index", m.task().index());
        g.writeStringField("url", m.task().url());
        g.writeStringField("stem", m.task().stem());
        g.writeStringField("extension", m.task().extension());
        if (m.task().hash() != null) {
          g.writeStringField("hash", m.task().hash().text());
        }
        g.writeEndObject();
      });
    }

    @Override
    public void end(End m) {
      write(() -> g.writeStringField("type", "end"));
    }

    @Override
    public void cancel(Cancel m) {
      write(() -> g.writeStringField("type", "cancel"));
    }

    @Override
    public void grant(Grant m) {
      typeAndId("grant", m.id());
    }

    @Override
    public void deny(Deny m) {
      typeAndId("deny", m.id());
    }

    @Override
    public void result(ResultLine m) {
      write(() -> {
        g.writeStringField("type", "result");
        g.writeObjectFieldStart("result");
        ResultJson.writeFields(g, m.result(), ResultJson.Form.PIPE);
        g.writeEndObject();
      });
    }

    @Override
    public void acquire(Acquire m) {
      write(() -> {
        typeAndId("acquire", m.id());
        g.writeStringField("host", m.host());
        g.writeNumberField("waitMillis", m.waitMillis());
      });
    }

    @Override
    public void started(Started m) {
      typeAndId("started", m.id());
    }

    @Override
    public void bytes(Bytes m) {
      write(() -> {
        typeAndId("bytes", m.id());
        g.writeNumberField("count", m.count());
      });
    }

    @Override
    public void bytesGrant(BytesGrant m) {
      write(() -> {
        typeAndId("bytesGrant", m.id());
        g.writeNumberField("waitNanos", m.waitNanos());
      });
    }

    @Override
    public void release(Release m) {
      typeAndId("release", m.id());
    }

    @Override
    public void chunkEnd(ChunkEnd m) {
      write(() -> {
        g.writeStringField("type", "chunkEnd");
        g.writeNumberField("worker", m.worker());
        g.writeNumberField("peakRss", m.peakRss());
      });
    }

    @Override
    public void cookies(Cookies m) {
      write(() -> {
        g.writeStringField("type", "cookies");
        g.writeArrayFieldStart("cookies");
        for (Cookie cookie : m.cookies()) {
          g.writeString(CookieFile.format(cookie));
        }
        g.writeEndArray();
      });
    }

    @Override
    public void done(Done m) {
      write(() -> {
        g.writeStringField("type", "done");
        g.writeNumberField("pid", m.pid());
        g.writeNumberField("peakRss", m.peakRss());
      });
    }

    private void typeAndId(String type, long id) {
      write(() -> {
        g.writeStringField("type", type);
        g.writeNumberField("id", id);
      });
    }

    private void writeSettings(FetchSettings s) throws IOException {
      g.writeObjectFieldStart("settings");
      g.writeStringField("outputDir", s.outputDir());
      g.writeStringField("runId", s.runId());
      RequestSettings r = s.request();
      g.writeNumberField("timeoutMillis", r.timeoutMillis());
      g.writeNumberField("deadlineMillis", r.deadlineMillis());
      g.writeNumberField("maxSize", r.maxSize());
      g.writeNumberField("retries", r.retries());
      g.writeStringField("userAgent", r.userAgent());
      g.writeArrayFieldStart("headers");
      for (String h : r.headers()) {
        g.writeString(h);
      }
      g.writeEndArray();
      g.writeBooleanField("anyType", r.anyType());
      g.writeBooleanField("check", s.check());
      g.writeBooleanField("md5", s.md5());
      g.writeNumberField("limitRate", s.limitRate());
      g.writeArrayFieldStart("disallowedDirectives");
      for (String d : r.disallowedDirectives()) {
        g.writeString(d);
      }
      g.writeEndArray();
      Network n = r.network();
      g.writeObjectFieldStart("network");
      g.writeStringField("httpProxy", n.httpProxy());
      g.writeStringField("httpsProxy", n.httpsProxy());
      g.writeStringField("allProxy", n.allProxy());
      g.writeArrayFieldStart("noProxy");
      for (String host : n.noProxy()) {
        g.writeString(host);
      }
      g.writeEndArray();
      g.writeStringField("caCertFile", n.caCertFile());
      g.writeBooleanField("insecure", n.insecure());
      g.writeNumberField("ipVersion", n.ipVersion());
      g.writeEndObject();
      writeTransform(r.transform());
      Identity i = s.identity();
      g.writeObjectFieldStart("identity");
      g.writeStringField("netrcFile", i.netrcFile());
      g.writeStringField("cookieFile", i.cookieFile());
      g.writeBooleanField("cookieEngine", i.cookieEngine());
      g.writeEndObject();
      g.writeEndObject();
    }

    private void writeTransform(TransformSettings t) throws IOException {
      if (t == null) {
        return;
      }
      g.writeObjectFieldStart("transform");
      g.writeNumberField("size", t.size());
      g.writeStringField("mode", t.mode().label());
      g.writeBooleanField("onlyIfBigger", t.onlyIfBigger());
      g.writeStringField("format", t.format().extension());
      g.writeNumberField("quality", t.quality());
      g.writeNumberField("minImageSize", t.minImageSize());
      g.writeNumberField("maxImageArea", t.maxImageArea());
      g.writeStringField("maxAspectRatio", Double.toString(t.maxAspectRatio()));
      g.writeNumberField("maxDecodePixels", t.maxDecodePixels());
      g.writeEndObject();
    }

    private interface Writing {
      void run() throws IOException;
    }

    private static void write(Writing writing) {
      try {
        writing.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
