package org.hanse.app.inventory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.core.digest.Sha256;
import org.hanse.core.validation.DecimalText;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Numbers;
import org.hanse.core.validation.Problem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A stock count from a spreadsheet: columns {@code local} (the node's item code) and {@code quantity} (in its local
 * unit), nothing else. Each row sets the on-hand level through an ADJUSTMENT; any bad row rejects the whole file.
 */
@Service
class StockImport {

    /** A counted quantity: none to a billion units, in the local unit and again in the material's. */
    static final Numbers.Range COUNT = new Numbers.Range(BigDecimal.ZERO, new BigDecimal("1e9"));

    private static final List<String> COLUMNS = List.of("local", "quantity");

    private final Adjacency adjacency;
    private final StockLedger ledger;
    private final Buffers buffers;
    private final Clock clock;
    private final SpreadsheetLimits sheetLimits;

    StockImport(Adjacency adjacency, StockLedger ledger, Buffers buffers, Clock clock, SpreadsheetLimits sheetLimits) {
        this.adjacency = adjacency;
        this.ledger = ledger;
        this.buffers = buffers;
        this.clock = clock;
        this.sheetLimits = sheetLimits;
    }

    @Transactional
    Map<String, Object> importCount(String node, byte[] content, boolean xlsx, CountFormat format, Principal principal) {
        principal.requireSelfOrOperator(node);
        List<StockSheet.Line> lines = StockSheet.read(content, xlsx, format.separator(), sheetLimits);
        if (lines.isEmpty()) {
            throw new InvalidInputException("", "the file is empty");
        }
        StockSheet.Line header = lines.get(0);
        int[] columns = columns(header);
        Map<String, Adjacency.Mapping> byLocal = new LinkedHashMap<>();
        for (String material : adjacency.mappedMaterials(node)) {
            adjacency.mapping(node, material).ifPresent(m -> byLocal.put(m.local(), m));
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, BigDecimal> counted = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (StockSheet.Line line : lines.subList(1, lines.size())) {
            String at = "rows[" + line.number() + "]";
            if (line.width() != header.width()) {
                problems.add(new Problem(at, "has " + line.width() + (line.width() == 1 ? " cell" : " cells") + "; the header names "
                        + header.width() + " columns (local, quantity)"));
                continue;
            }
            String local = line.cell(columns[0]);
            Adjacency.Mapping mapping = byLocal.get(local);
            if (local.isEmpty()) {
                problems.add(new Problem(at + ".local", "is empty"));
            } else if (mapping == null) {
                problems.add(new Problem(at + ".local", "'" + local + "' is not in the node's bom-mapping"));
            } else if (!seen.add(local)) {
                problems.add(new Problem(at + ".local", "'" + local + "' is counted twice"));
            }
            BigDecimal quantity = quantity(line, columns[1], format.style(), at + ".quantity", problems);
            if (mapping != null && quantity != null) {
                BigDecimal converted = quantity.multiply(mapping.factor());
                // The local unit's factor may lift a count in range out of it (thousands of grams in tonnes do not, the reverse may).
                if (Numbers.read(at + ".quantity", converted, COUNT, problems) != null) {
                    counted.put(mapping.material(), converted);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return Map.of("rows", lines.size() - 1, "applied", apply(node, counted));
    }

    /** The header's positions of local and quantity; every other or repeated column name is a problem. */
    private static int[] columns(StockSheet.Line header) {
        int[] at = {-1, -1};
        List<Problem> problems = new ArrayList<>();
        String row = "rows[" + header.number() + "]";
        for (int i = 0; i < header.width(); i++) {
            String name = header.cell(i).toLowerCase();
            int known = COLUMNS.indexOf(name);
            if (known < 0) {
                problems.add(new Problem(row + "." + (name.isEmpty() ? column(i) : name), "is not a column of a stock count (local, quantity)"));
            } else if (at[known] >= 0) {
                problems.add(new Problem(row + "." + name, "is named twice"));
            } else {
                at[known] = i;
            }
        }
        if (at[0] < 0 || at[1] < 0) {
            problems.add(new Problem(row, "the header must name the columns 'local' and 'quantity'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return at;
    }

    /** A numeric xlsx cell as it is; text in the declared style; either way within {@link #COUNT}. */
    private static BigDecimal quantity(StockSheet.Line line, int column, DecimalText.Style style, String path, List<Problem> problems) {
        String text = line.cell(column);
        String[] reason = new String[1];
        BigDecimal value = line.isNumber(column) ? new BigDecimal(text) : DecimalText.parse(text, style, reason);
        if (value == null) {
            problems.add(new Problem(path, reason[0]));
            return null;
        }
        if (value.signum() < 0) {
            problems.add(new Problem(path, "must not be negative"));
            return null;
        }
        return Numbers.read(path, value, COUNT, problems);
    }

    private List<Map<String, Object>> apply(String node, Map<String, BigDecimal> counted) {
        Instant now = clock.instant();
        String batch = UUID.randomUUID().toString();
        List<Map<String, Object>> applied = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> e : counted.entrySet()) {
            BigDecimal delta = e.getValue().subtract(BigDecimal.valueOf(ledger.onHand(node, e.getKey())));
            if (delta.abs().compareTo(new BigDecimal("0.000001")) > 0) {
                ledger.append(new StockLedger.Movement("count:" + batch + ":" + e.getKey(), node, e.getKey(), MovementKind.ADJUSTMENT, delta, now,
                        null, null, "stock count import"), Sha256.hex(batch + e.getKey()), now);
                buffers.react(node, e.getKey());
            }
            applied.add(Map.of("material", e.getKey(), "onHand", e.getValue().stripTrailingZeros().toPlainString(),
                    "adjustment", delta.stripTrailingZeros().toPlainString()));
        }
        return applied;
    }

    private static String column(int i) {
        return i < 26 ? String.valueOf((char) ('A' + i)) : "column " + (i + 1);
    }
}
