package org.hanse.app.pricing;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.app.web.Page;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The workspace's price-list panel: the supplier's prices and a form to set one (same material, buyer and date
 * replace the old price), checked by the same {@link PriceLists#replace} as the API.
 */
@Page
class PricePages {

    private final PriceLists prices;

    PricePages(PriceLists prices) {
        this.prices = prices;
    }

    @GetMapping("/ui/nodes/{id}/prices")
    String panel(@PathVariable String id, Principal principal, Model model) {
        model.addAttribute("list", prices.read(id, principal));
        model.addAttribute("nodeId", id);
        model.addAttribute("mayEdit", principal.isNode(id));
        model.addAttribute("values", Map.of());
        return "pricing/prices :: list";
    }

    @PostMapping("/ui/nodes/{id}/prices")
    String set(@PathVariable String id, @RequestParam(required = false) String material, @RequestParam(required = false) String buyer,
               @RequestParam(required = false) String unitPrice, @RequestParam(required = false) String currency,
               @RequestParam(required = false) String validFrom, Principal principal, Model model, HttpServletResponse response) {
        try {
            PriceListView current = prices.read(id, principal);
            String forBuyer = buyer == null || buyer.isBlank() ? null : buyer.trim();
            PriceListRequest.Entry entry = new PriceListRequest.Entry(trim(material), forBuyer, amount(unitPrice), trim(currency), date(validFrom));
            List<PriceListRequest.Entry> entries = new ArrayList<>();
            for (PriceListView.Entry e : current.prices()) {
                boolean replaced = e.material().equals(entry.material()) && java.util.Objects.equals(e.buyer(), forBuyer)
                        && e.validFrom().equals(entry.validFrom());
                if (!replaced) {
                    entries.add(new PriceListRequest.Entry(e.material(), e.buyer(), new BigDecimal(e.unitPrice()), e.currency(), e.validFrom()));
                }
            }
            entries.add(entry);
            prices.replace(id, new PriceListRequest(entries), principal);
            model.addAttribute("values", Map.of());
        } catch (InvalidInputException invalid) {
            response.setStatus(422);
            model.addAttribute("errors", invalid.problems());
            model.addAttribute("values", Map.of("material", String.valueOf(material), "buyer", String.valueOf(buyer),
                    "unitPrice", String.valueOf(unitPrice), "currency", String.valueOf(currency), "validFrom", String.valueOf(validFrom)));
        }
        model.addAttribute("list", prices.read(id, principal));
        model.addAttribute("nodeId", id);
        model.addAttribute("mayEdit", principal.isNode(id));
        return "pricing/prices :: list";
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** The form's amount: a plain number in 0…10¹² (the API's Bean Validation limits, checked here as the form skips it). */
    private static BigDecimal amount(String text) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.signum() < 0 || value.compareTo(new BigDecimal("1e12")) > 0) {
                throw new InvalidInputException(List.of(new Problem("unitPrice", "must be a number from 0 to 10^12")));
            }
            return value;
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidInputException(List.of(new Problem("unitPrice", "must be a number such as 389.00")));
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException(List.of(new Problem("validFrom", "must be a date such as 2026-12-01")));
        }
    }
}
