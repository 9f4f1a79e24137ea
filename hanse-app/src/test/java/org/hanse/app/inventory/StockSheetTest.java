package org.hanse.app.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Spreadsheet limits without a server: 4 MiB inflated, ratio 100, 3 zip entries, 5 rows. */
class StockSheetTest {

    final SpreadsheetLimits limits = new SpreadsheetLimits(DataSize.ofMegabytes(4), 100, 3, 5);

    @Test
    void aZipWithMoreEntriesThanAllowedIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < 4; i++) {
                zip.putNextEntry(new ZipEntry("part-" + i + ".xml"));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        assertThatThrownBy(() -> StockSheet.read(out.toByteArray(), true, ',', limits)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(new Problem("", "the .xlsx file has more than 3 zip entries")));
    }

    @Test
    void aCountWithMoreRowsThanAllowedIsRefusedAtTheFirstRowTooMany() {
        // Header (row 1) and six data rows: the sixth, row 7, is one too many.
        String csv = "local,quantity\n" + "A,1\n".repeat(6);
        assertThatThrownBy(() -> StockSheet.read(csv.getBytes(StandardCharsets.UTF_8), false, ',', limits))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).containsExactly(
                        new Problem("rows[7]", "a count may have at most 5 rows")));
        assertThat(StockSheet.read(("local,quantity\n" + "A,1\n".repeat(5)).getBytes(StandardCharsets.UTF_8), false, ',', limits)).hasSize(6);
    }

    @Test
    void formulasAreNamedByTheirColumnsHeaderOrElseTheirLetter() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "hanse-test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Lager");
            sheet.value(0, 0, "local");
            sheet.value(0, 1, "quantity");
            sheet.value(1, 0, "A");
            sheet.value(1, 1, 4);
            sheet.formula(1, 2, "B2*2");
            sheet.formula(2, 0, "A2");
        }
        // A workbook has more parts than 3: this one is read with 200 allowed.
        SpreadsheetLimits roomy = new SpreadsheetLimits(DataSize.ofMegabytes(4), 100, 200, 5);
        assertThatThrownBy(() -> StockSheet.read(out.toByteArray(), true, ',', roomy)).isInstanceOfSatisfying(InvalidInputException.class, e ->
                assertThat(e.problems()).containsExactly(
                        new Problem("rows[2].C", "cell C2 is a formula (=B2*2); formulas are not imported, enter the counted value"),
                        new Problem("rows[3].local", "cell A3 is a formula (=A2); formulas are not imported, enter the counted value")));
    }

    @Test
    void csvIsReadByTheDeclaredSeparatorWithQuotesAndRowNumbersKept() {
        String csv = "local;quantity\n\"BAND;110\";\"1,5\"\n\nB2;3;\n";
        var lines = StockSheet.read(csv.getBytes(StandardCharsets.UTF_8), false, ';', limits);
        assertThat(lines).extracting(StockSheet.Line::number).containsExactly(1, 2, 4);
        assertThat(lines.get(1).cells()).containsExactly("BAND;110", "1,5");
        // A trailing empty cell is no extra column.
        assertThat(lines.get(2).width()).isEqualTo(2);
        assertThatThrownBy(() -> StockSheet.read("local,quantity\n\"A,1\n".getBytes(StandardCharsets.UTF_8), false, ',', limits))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).startsWith("not a readable CSV file with separator ','")));
    }
}
