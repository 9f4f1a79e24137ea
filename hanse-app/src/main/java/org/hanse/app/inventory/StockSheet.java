package org.hanse.app.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;

/**
 * Reads a stock count from CSV or the first sheet of an .xlsx file into rows of text cells, keeping sheet row numbers.
 * An .xlsx passes {@link XlsxGuard} first; formula cells are refused (their cached value may be stale or forged).
 */
final class StockSheet {

    /** One data row: its number in the sheet (the header is row 1) and its cells. */
    record Line(int number, List<String> cells) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i).trim() : "";
        }
    }

    private StockSheet() {
    }

    static List<Line> read(byte[] content, boolean xlsx, SpreadsheetLimits limits) {
        return xlsx ? xlsx(content, limits) : csv(new String(content, StandardCharsets.UTF_8), limits);
    }

    private static List<Line> csv(String text, SpreadsheetLimits limits) {
        List<Line> lines = new ArrayList<>();
        String[] rows = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < rows.length; i++) {
            if (rows[i].isBlank()) {
                continue;
            }
            String separator = rows[i].contains(";") && !rows[i].contains(",") ? ";" : ",";
            List<String> cells = new ArrayList<>();
            for (String cell : rows[i].split(separator, -1)) {
                cells.add(cell.trim().replaceAll("^\"|\"$", ""));
            }
            add(lines, new Line(i + 1, cells), limits);
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
                for (int i = 0; i < row.getCellCount(); i++) {
                    Cell cell = row.getCell(i);
                    if (cell != null && cell.getType() == CellType.FORMULA) {
                        formulas.add(formula(lines, row.getRowNum(), i, cell));
                    }
                    String text = row.getCellText(i);
                    cells.add(text == null ? "" : text);
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                add(lines, new Line(row.getRowNum(), cells), limits);
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
