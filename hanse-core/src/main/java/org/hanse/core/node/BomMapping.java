package org.hanse.core.node;

import java.math.BigDecimal;
import org.hanse.core.dictionary.MaterialCode;
import org.hanse.core.dictionary.UnitOfMeasure;

/**
 * One row of a node's BOM mapping table: its local item code is the dictionary material, and one local
 * unit is {@code factor} of the dictionary unit (a "can" of varnish = 5 LTR).
 */
public record BomMapping(String local, MaterialCode material, String localUnit, UnitOfMeasure unit, BigDecimal factor) {
}
