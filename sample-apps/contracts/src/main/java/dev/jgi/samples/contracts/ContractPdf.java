package dev.jgi.samples.contracts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Renders a contract as a one-page A4 PDF with Apache PDFBox. */
final class ContractPdf {

    private ContractPdf() {}

    static byte[] render(Contract contract) throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            document.getDocumentInformation().setTitle("Contract " + contract.id());
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                text.beginText();
                text.newLineAtOffset(60, 770);
                text.setFont(bold, 20);
                text.showText("Contract " + contract.id());
                text.setFont(regular, 12);
                text.setLeading(18);
                text.newLine();
                text.newLine();
                text.showText(
                        "Between " + contract.supplier() + " (supplier) and " + contract.customer() + " (customer).");
                text.newLine();
                text.showText("Amount: EUR " + contract.amount().toPlainString() + "    Signed: " + contract.signed());
                text.newLine();
                text.newLine();
                int n = 1;
                for (String clause : contract.clauses()) {
                    text.showText(n++ + ". " + clause);
                    text.newLine();
                }
                text.endText();
            }
            document.save(out);
            return out.toByteArray();
        }
    }
}
