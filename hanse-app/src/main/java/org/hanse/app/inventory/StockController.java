package org.hanse.app.inventory;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Stock movements, buffers, holds, settings, forecast sharing, emergency transfers and answers to warnings. */
@RestController
class StockController {

    private final Stock stock;
    private final StockLedger ledger;
    private final BufferStore store;
    private final Buffers buffers;
    private final StockImport stockImport;
    private final WarningAnswers answers;
    private final EmergencyTransfers transfers;

    StockController(Stock stock, StockLedger ledger, BufferStore store, Buffers buffers, StockImport stockImport, WarningAnswers answers,
                    EmergencyTransfers transfers) {
        this.stock = stock;
        this.answers = answers;
        this.transfers = transfers;
        this.stockImport = stockImport;
        this.ledger = ledger;
        this.store = store;
        this.buffers = buffers;
    }

    @PostMapping("/api/v1/nodes/{id}/stock/movements")
    ResponseEntity<Map<String, Object>> record(@PathVariable String id, @RequestBody Stock.Post post, Principal principal) {
        Stock.Recorded recorded = stock.record(id, post, principal);
        return ResponseEntity.status(recorded.replay() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(recorded.buffer().json(BufferView.Visibility.FULL));
    }

    @GetMapping("/api/v1/nodes/{id}/stock/movements")
    Map<String, Object> history(@PathVariable String id, @RequestParam String material, @RequestParam(defaultValue = "100") int limit,
                                Principal principal) {
        principal.requireSelfOrOperator(id);
        return Map.of("items", ledger.history(id, material, Math.max(1, Math.min(limit, 1000))));
    }

    @GetMapping("/api/v1/nodes/{id}/buffers")
    Map<String, Object> buffers(@PathVariable String id, Principal principal) {
        principal.requireSelfOrOperator(id);
        List<Map<String, Object>> items = store.statesOf(id).stream()
                .map(s -> buffers.view(id, s.material()).json(BufferView.Visibility.FULL)).toList();
        return Map.of("items", items);
    }

    @GetMapping("/api/v1/nodes/{id}/buffers/{material}")
    Map<String, Object> buffer(@PathVariable String id, @PathVariable String material, Principal principal) {
        return stock.read(id, material, principal);
    }

    @GetMapping("/api/v1/nodes/{id}/holds")
    Map<String, Object> holds(@PathVariable String id, Principal principal) {
        principal.requireSelfOrOperator(id);
        return Map.of("items", store.holds(id));
    }

    @PutMapping("/api/v1/nodes/{id}/buffer-settings")
    Map<String, Object> settings(@PathVariable String id, @RequestBody Map<String, Object> body, Principal principal) {
        stock.settings(id, body, principal);
        BufferStore.Settings s = store.settings(id);
        return Map.of("service-level", s.policy().serviceLevel(), "reaction-lag", s.policy().reactionLag().toString(),
                "lot-days", s.policy().lotDays(), "period", s.policy().period().toString(), "default-lead-time", s.defaultLeadTime().toString());
    }

    /** Body of a forecast share. */
    record ForecastShare(String supplier, String material, Double forecastError) {
    }

    @PostMapping("/api/v1/nodes/{id}/forecasts")
    ResponseEntity<Void> shareForecast(@PathVariable String id, @RequestBody ForecastShare body, Principal principal) {
        stock.shareForecast(id, body.supplier(), body.material(), body.forecastError(), principal);
        return ResponseEntity.noContent().build();
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @PostMapping(path = "/api/v1/nodes/{id}/stock/import", consumes = {"text/csv", XLSX, "application/octet-stream"})
    Map<String, Object> importCount(@PathVariable String id, @RequestBody byte[] body,
                                    @org.springframework.web.bind.annotation.RequestHeader("Content-Type") String type,
                                    @RequestParam(required = false) String separator, @RequestParam(required = false) String locale,
                                    @RequestParam(required = false) String grouping, Principal principal) {
        principal.requireSelfOrOperator(id);
        boolean xlsx = type.startsWith(XLSX) || (body.length > 2 && body[0] == 'P' && body[1] == 'K');
        return stockImport.importCount(id, body, xlsx, CountFormat.of(separator, locale, grouping), principal);
    }

    @PostMapping("/api/v1/transfers/{id}/accept")
    Map<String, Object> accept(@PathVariable String id, Principal principal) {
        return transfers.decideTransfer(id, true, principal);
    }

    @PostMapping("/api/v1/transfers/{id}/decline")
    Map<String, Object> decline(@PathVariable String id, Principal principal) {
        return transfers.decideTransfer(id, false, principal);
    }

    @PostMapping("/api/v1/warnings/{eventId}/answers")
    ResponseEntity<WarningAnswer.Answered> answer(@PathVariable String eventId, @Valid @RequestBody WarningAnswer body, Principal principal) {
        return ResponseEntity.status(HttpStatus.CREATED).body(answers.answer(eventId, body, principal));
    }
}
