package org.hanse.app.inventory;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hanse.app.network.Adjacency;
import org.hanse.app.security.Principal;
import org.hanse.app.web.Page;
import org.hanse.app.web.Polling;
import org.hanse.core.validation.InvalidInputException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's buffers panel: each buffer's zone (colour and word), level against its thresholds, depletion
 * time and a 28-day trend; and a form to record a stock movement, which reacts (vectors, warnings) as over the API.
 */
@Page
class BufferPages {

    static final int TREND_DAYS = 28;

    private final Stock stock;
    private final WarningAnswers answers;
    private final EmergencyTransfers transfers;
    private final Buffers buffers;
    private final BufferStore store;
    private final StockLedger ledger;
    private final Adjacency adjacency;
    private final Clock clock;

    BufferPages(Stock stock, WarningAnswers answers, EmergencyTransfers transfers, Buffers buffers, BufferStore store, StockLedger ledger,
                Adjacency adjacency, Clock clock) {
        this.stock = stock;
        this.answers = answers;
        this.transfers = transfers;
        this.buffers = buffers;
        this.store = store;
        this.ledger = ledger;
        this.adjacency = adjacency;
        this.clock = clock;
    }

    /** A buffer as the panel shows it, with its trend as SVG polyline points. */
    record Row(String material, String zone, double level, double low, double high, Double depletionDays, boolean warning,
               String trendPoints, String lowY, String highY) {
    }

    @GetMapping("/ui/nodes/{id}/buffers")
    String panel(@PathVariable String id, @RequestParam(required = false) String since, Principal principal, Model model,
                 HttpServletResponse response) {
        principal.requireSelfOrOperator(id);
        rows(id, principal, model);
        if (Polling.unchanged(since, (String) model.getAttribute("fingerprint"), response)) {
            return null;
        }
        return "inventory/buffers :: list";
    }

    @PostMapping("/ui/nodes/{id}/stock/movements")
    String move(@PathVariable String id, @RequestParam(required = false) String material, @RequestParam(required = false) String kind,
                @RequestParam(required = false) String quantity, @RequestParam(required = false) String movementId,
                Principal principal, Model model, HttpServletResponse response) {
        try {
            stock.record(id, new Stock.Post(movementId, material, kind, quantity, null, null, null, "recorded in the workspace"), principal);
        } catch (InvalidInputException invalid) {
            response.setStatus(422);
            model.addAttribute("errors", invalid.problems());
            model.addAttribute("values", Map.of("material", String.valueOf(material), "kind", String.valueOf(kind), "quantity", String.valueOf(quantity)));
            model.addAttribute("keepId", movementId);
        }
        rows(id, principal, model);
        return "inventory/buffers :: list";
    }

    /** A downstream node answers a stockout warning from its warnings panel. */
    @PostMapping("/ui/warnings/{event}/answers")
    String answer(@PathVariable String event, @RequestParam(required = false) String action, @RequestParam(required = false) String dailyRate,
                  Principal principal, Model model) {
        Double rate = null;
        try {
            rate = dailyRate == null ? null : Double.valueOf(dailyRate.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("dailyRate", "must be the planned daily consumption, a number ≥ 0");
        }
        answers.answer(event, new WarningAnswer(action, rate, null, null, null, null, null, null), principal);
        model.addAttribute("message", "Your answer was sent to the warning's sender.");
        return "inventory/buffers :: done";
    }

    /** A peer sends or declines an emergency transfer asked of it. */
    @PostMapping("/ui/transfers/{transfer}/{decision}")
    String transfer(@PathVariable String transfer, @PathVariable String decision, Principal principal, Model model) {
        if (!decision.equals("accept") && !decision.equals("decline")) {
            throw new InvalidInputException("decision", "must be accept or decline");
        }
        transfers.decideTransfer(transfer, decision.equals("accept"), principal);
        model.addAttribute("message", decision.equals("accept") ? "The transfer is on its way." : "The transfer was declined.");
        return "inventory/buffers :: done";
    }

    private void rows(String id, Principal principal, Model model) {
        List<Row> rows = new ArrayList<>();
        for (BufferStore.State state : store.statesOf(id)) {
            BufferView view = buffers.view(id, state.material());
            rows.add(row(view));
        }
        model.addAttribute("nodeId", id);
        model.addAttribute("buffers", rows);
        model.addAttribute("materials", adjacency.mappedMaterials(id).stream().sorted().toList());
        model.addAttribute("acts", principal.isNode(id));
        model.addAttribute("fingerprint", Polling.fingerprint(rows));
        if (!model.containsAttribute("keepId")) {
            // One id per form: a double submit records the movement once.
            model.addAttribute("keepId", "ui-" + UUID.randomUUID());
        }
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of());
        }
    }

    private Row row(BufferView view) {
        double[] trend = trend(view);
        double max = Math.max(view.thresholds().high(), 1);
        for (double v : trend) {
            max = Math.max(max, v);
        }
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < trend.length; i++) {
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", i * 120.0 / (trend.length - 1), y(trend[i], max)));
        }
        double depletion = view.depletionDays();
        return new Row(view.material(), view.zone().name(), BufferView.round(view.level()), BufferView.round(view.thresholds().low()),
                BufferView.round(view.thresholds().high()), Double.isInfinite(depletion) ? null : BufferView.round(depletion), view.warning(),
                points.toString().trim(), String.format(Locale.ROOT, "%.1f", y(view.thresholds().low(), max)),
                String.format(Locale.ROOT, "%.1f", y(view.thresholds().high(), max)));
    }

    private static double y(double value, double max) {
        return 26 - 24 * Math.max(0, value) / max;
    }

    /** End-of-day stock on hand over the last {@link #TREND_DAYS} days, walked back from today's level through the history. */
    private double[] trend(BufferView view) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // Only movements after the earliest end of day shown change the levels walked back to.
        List<StockLedger.Movement> recent = ledger.since(view.node(), view.material(),
                today.minusDays(TREND_DAYS - 2).atStartOfDay(ZoneOffset.UTC).toInstant());
        double[] levels = new double[TREND_DAYS];
        double level = view.onHand();
        int next = 0;
        for (int d = 0; d < TREND_DAYS; d++) {
            Instant endOfDay = today.minusDays(d).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            while (next < recent.size() && !recent.get(next).occurredAt().isBefore(endOfDay)) {
                level -= recent.get(next).quantity().doubleValue();
                next++;
            }
            levels[TREND_DAYS - 1 - d] = level;
        }
        return levels;
    }
}
