package dev.imgdl.logging;

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
import dev.imgdl.text.ConsoleText;
import dev.imgdl.text.ThrowableText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures Logback in code, found by Logback through the service loader: everything goes to
 * standard error, at WARN unless {@code -v} raises it. Configuring in code avoids parsing an XML
 * file at every start, which matters for short runs and for every child JVM.
 */
public final class Logging extends ContextAwareBase implements Configurator {

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
    root.setLevel(Level.WARN);
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
      if (event.getThrowableProxy() != null) {
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

  /** Sets the level of imgdl's own loggers and of the root logger. */
  public static void setLevel(String level) {
    if (level == null) {
      return;
    }
    if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)
        instanceof ch.qos.logback.classic.Logger root) {
      root.setLevel(Level.toLevel(level, Level.WARN));
    }
  }
}
