package org.hanse.app.dictionary;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hanse.app.web.ConflictException;
import org.hanse.core.dictionary.MaterialCode;
import org.hanse.core.dictionary.UnitOfMeasure;
import org.hanse.core.node.PlatformCodes;
import org.hanse.core.validation.InvalidInputException;
import org.hanse.core.validation.Problem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Platform material codes (goods without a GTIN) and the lookup that node configs are validated against. */
@Service
public class MaterialDictionary implements PlatformCodes {

    private final JdbcClient jdbc;
    private final Clock clock;

    MaterialDictionary(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A platform material as stored. */
    public record PlatformMaterial(String code, String name, String unit, String createdBy) {
    }

    @Override
    public boolean exists(String code) {
        return find(code).isPresent();
    }

    public Optional<PlatformMaterial> find(String code) {
        return jdbc.sql("SELECT code, name, unit, created_by FROM material WHERE code = ?").param(code)
                .query((rs, n) -> new PlatformMaterial(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .optional();
    }

    /**
     * Creates a platform code. Re-creating it with the same name and unit is idempotent (returns false);
     * with other content it is a conflict.
     */
    @Transactional
    public boolean create(String code, String name, String unit, String createdBy) {
        List<Problem> problems = new ArrayList<>();
        MaterialCode.Parsed parsed = MaterialCode.parse(code);
        if (!parsed.ok()) {
            problems.add(new Problem("code", parsed.error()));
        } else if (parsed.code().kind() != MaterialCode.Kind.PLATFORM) {
            problems.add(new Problem("code", "GTINs need no dictionary entry; platform codes start with a letter"));
        }
        if (name == null || name.isBlank() || name.length() > 200) {
            problems.add(new Problem("name", "is required, at most 200 characters"));
        }
        if (unit == null || UnitOfMeasure.ofCode(unit).isEmpty()) {
            problems.add(new Problem("unit", "must be a UN/ECE Rec 20 code the dictionary knows"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Optional<PlatformMaterial> existing = find(code);
        if (existing.isPresent()) {
            if (existing.get().name().equals(name) && existing.get().unit().equals(unit)) {
                return false;
            }
            throw new ConflictException("platform code " + code + " already exists with another name or unit");
        }
        jdbc.sql("INSERT INTO material (code, name, unit, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(code, name, unit, createdBy, Timestamp.from(clock.instant()))
                .update();
        return true;
    }
}
