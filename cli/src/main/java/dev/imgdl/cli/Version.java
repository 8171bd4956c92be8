package dev.imgdl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version of imgdl, filtered into a resource by the build. */
final class Version implements IVersionProvider {

  public static String current() {
    try (InputStream in = Version.class.getResourceAsStream("/imgdl-version.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "dev");
      }
    } catch (IOException e) {
      // Fall through.
    }
    return "dev";
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "imgdl " + current(),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name")
          + ")"
    };
  }
}
