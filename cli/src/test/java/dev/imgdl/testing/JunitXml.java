package dev.imgdl.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A JUnit XML report as the CI reporters read it: validated against Jenkins' JUnit schema
 * ({@code junit/junit-10.xsd} in the test resources, copied from jenkinsci/xunit-plugin), then
 * parsed. A report that is not well-formed XML 1.0 or breaks the schema fails the test here.
 */
public final class JunitXml {
  private JunitXml() {}

  /** The report in {@code file}, validated and parsed. */
  public static Document read(Path file) {
    try {
      return parse(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The report {@code xml}, validated and parsed. */
  public static Document parse(byte[] xml) {
    try {
      URL xsd = JunitXml.class.getResource("/junit/junit-10.xsd");
      SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd)
          .newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
      return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder()
          .parse(new ByteArrayInputStream(xml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (Exception e) {
      throw new AssertionError("not a valid JUnit report: " + e.getMessage()
          + "\n" + new String(xml, java.nio.charset.StandardCharsets.UTF_8), e);
    }
  }

  /** The elements named {@code name} under {@code root}, in document order. */
  public static List<Element> elements(Document doc, String name) {
    NodeList nodes = doc.getElementsByTagName(name);
    List<Element> list = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      list.add((Element) nodes.item(i));
    }
    return list;
  }

  /** The only child element of {@code parent} named {@code name}, or null. */
  public static Element child(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? null : (Element) nodes.item(0);
  }
}
