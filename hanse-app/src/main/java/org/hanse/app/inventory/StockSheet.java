package org.hanse.app.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.hanse.core.validation.InvalidInputException;

/** Reads a stock count from CSV or the first sheet of an .xlsx file into rows of text cells, keeping sheet row numbers. */
final class StockSheet {

    /** One data row: its number in the sheet (the header is row 1) and its cells. */
    record Line(int number, List<String> cells) {
        String cell(int i) {
            return i < cells.size() ? cells.get(i).trim() : "";
        }
    }

    private StockSheet() {
    }

    static List<Line> read(byte[] content, boolean xlsx) {
        return xlsx ? xlsx(content) : csv(new String(content, StandardCharsets.UTF_8));
    }

    private static List<Line> csv(String text) {
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
            lines.add(new Line(i + 1, cells));
        }
        return lines;
    }

    private static List<Line> xlsx(byte[] content) {
        List<Line> lines = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getFirstSheet();
            for (Row row : sheet.read()) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    String text = row.getCellText(i);
                    cells.add(text == null ? "" : text);
                }
                if (cells.stream().allMatch(String::isBlank)) {
                    continue;
                }
                lines.add(new Line(row.getRowNum(), cells));
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("", "not a readable .xlsx file: " + e.getMessage());
        }
        return lines;
    }
}
