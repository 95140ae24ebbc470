package org.promisedesk.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.springframework.stereotype.Component;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;

/**
 * Renders a well-formed XHTML page (CSS 2.1 and paged media: {@code @page}, page breaks) to PDF
 * with openhtmltopdf. Chinese renders on any machine: the font {@value #FONT_FAMILY} (a GB 2312
 * subset of Noto Sans SC, SIL OFL, {@code src/main/resources/fonts/}) is embedded, no operating
 * system font is used, so a page should name it first in {@code font-family}. Shared:
 * the incident report, the audit report and the decision letters use it.
 */
@Component
public class HtmlToPdf {

    public static final String FONT_FAMILY = "Noto Sans SC";
    static final String FONT = "/fonts/NotoSansSC-Regular-GB2312.ttf";

    private final byte[] font;

    static {
        XRLog.setLoggerImpl(new PdfLog());
    }

    HtmlToPdf() {
        try (InputStream in = HtmlToPdf.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The PDF font " + FONT + " is missing from the classpath");
            }
            font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the PDF font " + FONT, e);
        }
    }

    /**
     * The page as a PDF.
     *
     * @param xhtml a complete, well-formed XHTML document (XML: {@code <br/>}, {@code &#160;})
     * @throws IllegalArgumentException when the page is not well-formed or cannot be laid out
     */
    public byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The page cannot be rendered as PDF: " + e.getMessage(), e);
        }
    }
}
