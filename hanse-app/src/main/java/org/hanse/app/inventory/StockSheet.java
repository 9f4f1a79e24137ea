package org.hanse.app.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;

/**
 * Reads a stock count from CSV (RFC 4180 with the declared separator, by Apache Commons CSV) or the first sheet of an
 * .xlsx file into rows of cells, keeping sheet row numbers and whether a cell holds a number (xlsx numeric cells) or
 * text. Trailing empty cells are dropped, so that a sheet's formatted but empty columns are no extra columns.
 * An .xlsx passes {@link XlsxGuard} first; formula cells are refused (their cached value may be stale or forged).
 */
final class StockSheet {

    /** One row: its number in the sheet (the header is row 1), its cells' text and which of them are numeric cells. */
    record Line(int number, List<String> cells, List<Boolean> numeric) {

        Line(int number, List<String> cells) {
            this(number, cells, cells.stream().map(c -> false).toList());
        }

        String cell(int i) {
            return i < cells.size() ? cells.get(i).trim() : "";
        }

        /** An xlsx cell typed as a number: its text is a plain decimal, not something a person typed. */
        boolean isNumber(int i) {
            return i < numeric.size() && numeric.get(i);
        }

        /** The number of cells up to the last non-blank one. */
        int width() {
            int w = cells.size();
            while (w > 0 && cells.get(w - 1).isBlank()) {
                w--;
            }
            return w;
        }
    }

    private StockSheet() {
    }

    static List<Line> read(byte[] content, boolean xlsx, char separator, SpreadsheetLimits limits) {
        return xlsx ? xlsx(content, limits) : csv(new String(content, StandardCharsets.UTF_8), separator, limits);
    }

    private static List<Line> csv(String text, char separator, SpreadsheetLimits limits) {
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))
                .setFormat(format).get()) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                add(lines, new Line((int) record.getRecordNumber(), cells), limits);
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException("", "not a readable CSV file with separator '" + separator + "': " + e.getMessage());
        }
        return lines;
    }

    private static List<Line> xlsx(byte[] content, SpreadsheetLimits limits) {
        XlsxGuard.check(content, limits);
        List<Line> lines = new ArrayList<>();
        List<Problem> formulas = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getFirstSheet();
            for (Row row : sheet.read()) {
                List<String> cells = new ArrayList<>();
                List<Boolean> numeric = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    if (cell != null && cell.getType() == CellType.FORMULA) {
                        formulas.add(formula(lines, row.getRowNum(), i, cell));
                    }
                    boolean number = cell != null && cell.getType() == CellType.NUMBER;
                    String text = number ? cell.asNumber().toString() : row.getCellText(i);
                    cells.add(text == null ? "" : text);
                    numeric.add(number);
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                add(lines, new Line(row.getRowNum(), cells, numeric), limits);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("", "not a readable .xlsx file: " + e.getMessage());
        }
        if (!formulas.isEmpty()) {
            throw new InvalidInputException(formulas);
        }
        return lines;
    }

    /** A formula cell's problem, at the path its value would have had: {@code rows[3].quantity} (or the column letter). */
    private static Problem formula(List<Line> lines, int rowNumber, int column, Cell cell) {
        String name = lines.isEmpty() ? "" : lines.get(0).cell(column).toLowerCase();
        String address = cell.getAddress().toString();
        String columnName = name.isEmpty() ? address.replaceAll("[0-9]", "") : name;
        return new Problem("rows[" + rowNumber + "]." + columnName,
                "cell " + address + " is a formula (=" + cell.getFormula() + "); formulas are not imported, enter the counted value");
    }

    private static void add(List<Line> lines, Line line, SpreadsheetLimits limits) {
        if (lines.size() > limits.maxRows()) {
            throw new InvalidInputException("rows[" + line.number() + "]", "a count may have at most " + limits.maxRows() + " rows");
        }
        lines.add(line);
    }
}
