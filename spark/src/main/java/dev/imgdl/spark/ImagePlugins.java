package dev.imgdl.spark;

import javax.imageio.ImageIO;

/**
 * Makes TwelveMonkeys' ImageIO plugins (WebP, CMYK JPEG, ...) known on an executor. ImageIO scans
 * for plugins once per JVM, through the context class loader of the thread that first touches
 * it; on an executor that may be before the job's jar is loaded, or through a loader that does
 * not see it (the job jar sits in a child loader), and the images would then have the JDK's
 * decoders only. So the first task scans again, once, with the job's loader as context loader.
 */
final class ImagePlugins {
  private static boolean registered;

  private ImagePlugins() {}

  /** Scans for the job's plugins, once per JVM, before the first decode. */
  static synchronized void register() {
    if (registered) {
      return;
    }
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(ImagePlugins.class.getClassLoader());
    try {
      ImageIO.scanForPlugins();
    } finally {
      thread.setContextClassLoader(before);
    }
    registered = true;
  }
}
