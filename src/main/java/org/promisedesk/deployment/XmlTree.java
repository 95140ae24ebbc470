package org.promisedesk.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;

import javax.xml.XMLConstants;
import javax.xml.parsers.SAXParserFactory;

import org.camunda.bpm.engine.impl.util.xml.Element;
import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a BPMN or DMN file into the engine's own element tree (with line and column), without
 * the engine's schema checks: the gate looks at every element, whatever the engine makes of it.
 * No DOCTYPE, so no external entities.
 */
final class XmlTree {

    /** The root element, or null when the file is not well-formed XML (the engine then says why). */
    static Element read(byte[] xml) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Handler handler = new Handler();
            factory.newSAXParser().parse(new ByteArrayInputStream(xml), handler);
            return handler.root;
        } catch (Exception e) {
            return null;
        }
    }

    private static final class Handler extends DefaultHandler {
        private final Deque<Element> open = new ArrayDeque<>();
        private Locator locator;
        private Element root;

        @Override
        public void setDocumentLocator(Locator locator) {
            this.locator = locator;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            Element element = new Element(uri, localName, qName, attributes, locator);
            if (open.isEmpty()) {
                root = element;
            } else {
                open.peek().add(element);
            }
            open.push(element);
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (!open.isEmpty()) {
                open.peek().appendText(new String(ch, start, length));
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            open.pop();
        }
    }

    private XmlTree() {
    }
}
