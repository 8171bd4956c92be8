package dev.imgdl.cli.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxy;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;
import dev.imgdl.core.text.ConsoleText;
import dev.imgdl.core.text.ThrowableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback in code, found by Logback through the service loader: everything goes to
 * standard error. imgdl's own loggers ({@code dev.imgdl}) log at WARN unless {@code -v} raises
 * it, with stack traces from {@code -v}; the libraries' (Parquet, Hadoop, Commons, ...) only
 * their errors, their warnings from {@code -vv}, and their stack traces from {@code -vvv}: what
 * they find wrong with an input reaches the user as imgdl's one line, through the exception.
 * Configuring in code avoids parsing an XML file at every start, which matters for short runs
 * and for every child JVM.
 */
public final class Logging extends ContextAwareBase implements Configurator {
  private static final String OWN = "dev.imgdl";

  /** The number of {@code -v} in force, which decides whose stack traces are printed. */
  private static volatile int verbosity;

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
    appender.setContext(context);
    appender.setName("stderr");
    appender.setTarget("System.err");
    LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
    encoder.setContext(context);
    LineLayout layout = new LineLayout();
    layout.setContext(context);
    layout.start();
    encoder.setLayout(layout);
    encoder.start();
    appender.setEncoder(encoder);
    appender.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(appender);
    root.setLevel(libraryLevel(0));
    context.getLogger(OWN).setLevel(Level.WARN);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /**
   * {@code LEVEL logger: message}, then the stack trace if any. Written by hand rather than with
   * a pattern, whose parser would load a hundred classes into every child JVM. The message and
   * the stack trace may quote a server or an input line, so they are made console-safe here, at
   * the one place every log line passes: credentials hidden, control characters escaped.
   */
  static final class LineLayout extends LayoutBase<ILoggingEvent> {
    @Override
    public String doLayout(ILoggingEvent event) {
      String logger = event.getLoggerName();
      StringBuilder line = new StringBuilder(128)
          .append(event.getLevel())
          .append(' ')
          .append(logger.substring(logger.lastIndexOf('.') + 1))
          .append(": ")
          .append(ConsoleText.safe(event.getFormattedMessage()))
          .append('\n');
      if (event.getThrowableProxy() != null && showsStackTrace(logger)) {
        line.append(stackTrace(event.getThrowableProxy()));
      }
      return line.toString();
    }

    private static String stackTrace(IThrowableProxy proxy) {
      if (proxy instanceof ThrowableProxy local) {
        return ThrowableText.of(local.getThrowable());
      }
      // Not an exception of this JVM (never so here): its first line only.
      String message = proxy.getMessage();
      return proxy.getClassName() + (message == null ? "" : ": " + ConsoleText.safe(message))
          + '\n';
    }
  }

  /** The level name for a number of {@code -v}, or ERROR when quiet. */
  public static String levelFor(int verbosity, boolean quiet) {
    if (quiet) {
      return "ERROR";
    }
    return switch (verbosity) {
      case 0 -> "WARN";
      case 1 -> "INFO";
      case 2 -> "DEBUG";
      default -> "TRACE";
    };
  }

  /**
   * Sets the level of imgdl's own loggers to {@code level} (a name from {@link #levelFor}, which
   * is all a child JVM is told), and the libraries' and the stack-trace rule to match.
   */
  public static void setLevel(String level) {
    if (level == null) {
      return;
    }
    Level own = Level.toLevel(level, Level.WARN);
    int v = own.toInt() >= Level.WARN_INT ? 0
        : own.toInt() >= Level.INFO_INT ? 1
        : own.toInt() >= Level.DEBUG_INT ? 2 : 3;
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      verbosity = v;
      context.getLogger(OWN).setLevel(own);
      context.getLogger(Logger.ROOT_LOGGER_NAME)
          .setLevel(own.isGreaterOrEqual(Level.ERROR) ? own : libraryLevel(v));
    }
  }

  /** Libraries stay quiet below ERROR unless -vv: their warnings are rarely the user's business. */
  private static Level libraryLevel(int verbosity) {
    return verbosity < 2 ? Level.ERROR : verbosity == 2 ? Level.WARN : Level.DEBUG;
  }

  /** imgdl's own stack traces from -v; a library's, which quote its internals, from -vvv. */
  static boolean showsStackTrace(String logger) {
    boolean own = logger.equals(OWN) || logger.startsWith(OWN + ".");
    return own ? verbosity >= 1 : verbosity >= 3;
  }
}
