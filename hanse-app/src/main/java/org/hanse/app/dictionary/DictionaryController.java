package org.hanse.app.dictionary;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hanse.app.security.Principal;
import org.hanse.app.web.NotFoundException;
import org.hanse.core.dictionary.MaterialCode;
import org.hanse.core.dictionary.Quantity;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/units}, {@code /api/v1/units/convert} and {@code /api/v1/materials}: the dictionary for every principal. */
@RestController
@RequestMapping("/api/v1")
class DictionaryController {

    private final MaterialDictionary materials;

    DictionaryController(MaterialDictionary materials) {
        this.materials = materials;
    }

    @GetMapping("/units")
    List<Map<String, Object>> units(Principal principal) {
        return Arrays.stream(UnitOfMeasure.values()).map(u -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("code", u.code());
            m.put("name", u.unitName());
            m.put("dimension", u.dimension().name());
            m.put("factorToBase", u.factorToBase().toPlainString());
            m.put("baseUnit", u.dimension().baseUnitName());
            return m;
        }).toList();
    }

    /** Body of a conversion request. */
    record ConvertRequest(String quantity, String from, String to) {
    }

    @PostMapping("/units/convert")
    Map<String, Object> convert(@RequestBody ConvertRequest request, Principal principal) {
        List<Problem> problems = new ArrayList<>();
        BigDecimal amount = null;
        try {
            amount = request.quantity() == null ? null : new BigDecimal(request.quantity());
        } catch (NumberFormatException e) {
            // reported below
        }
        if (amount == null) {
            problems.add(new Problem("quantity", "must be a decimal number written as text, e.g. \"2.5\""));
        }
        UnitOfMeasure from = UnitOfMeasure.ofCode(request.from()).orElse(null);
        UnitOfMeasure to = UnitOfMeasure.ofCode(request.to()).orElse(null);
        if (from == null) {
            problems.add(new Problem("from", "unknown UN/ECE Rec 20 unit '" + request.from() + "'"));
        }
        if (to == null) {
            problems.add(new Problem("to", "unknown UN/ECE Rec 20 unit '" + request.to() + "'"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Quantity converted = new Quantity(amount, from).to(to);
        return Map.of("quantity", converted.amount().toPlainString(), "unit", to.code());
    }

    @GetMapping("/materials/{code}")
    Map<String, Object> material(@PathVariable String code, Principal principal) {
        MaterialCode.Parsed parsed = MaterialCode.parse(code);
        if (!parsed.ok()) {
            throw new InvalidInputException("code", parsed.error());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", code);
        m.put("kind", parsed.code().kind().name());
        if (parsed.code().kind() == MaterialCode.Kind.GTIN) {
            m.put("gtin14", parsed.code().gtin14().orElseThrow());
            return m;
        }
        MaterialDictionary.PlatformMaterial material = materials.find(code)
                .orElseThrow(() -> new NotFoundException("platform code " + code + " is not in the dictionary"));
        m.put("name", material.name());
        m.put("unit", material.unit());
        return m;
    }

    /** Body of a platform-code creation. */
    record CreateMaterial(String code, String name, String unit) {
    }

    @PostMapping("/materials")
    ResponseEntity<Map<String, Object>> create(@RequestBody CreateMaterial request, Principal principal) {
        boolean created = materials.create(request.code(), request.name(), request.unit(), principal.auditName());
        return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
                .body(Map.of("code", request.code(), "name", request.name(), "unit", request.unit()));
    }
}
