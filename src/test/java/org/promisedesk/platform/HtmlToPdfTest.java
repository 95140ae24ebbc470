package org.promisedesk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/** The PDF opens, holds the text in both scripts, and a page that is not XHTML is refused clearly. */
class HtmlToPdfTest {

    private final HtmlToPdf htmlToPdf = new HtmlToPdf();

    @Test
    void shouldRenderEnglishAndChineseTextWithTheEmbeddedFont() throws IOException {
        byte[] pdf = htmlToPdf.render("""
                <html xmlns="http://www.w3.org/1999/xhtml"><head><meta charset="UTF-8"/>
                <style>body { font-family: 'Noto Sans SC'; }</style></head>
                <body><h1>Storage outage &#8211; report</h1><p>上海云帆电子商务有限公司：故障时间线</p></body></html>""");

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Storage outage", "上海云帆电子商务有限公司：故障时间线");
            assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
        }
    }

    @Test
    void shouldRefuseAPageThatIsNotWellFormed() {
        assertThatThrownBy(() -> htmlToPdf.render("<html><body><p>unclosed<br></body></html>"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be rendered as PDF");
    }
}
