package org.hanse.core.dictionary;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * UN/ECE Recommendation 20 common codes supported by the dictionary, each with its dimension and
 * the exact factor to that dimension's base unit (kg, m, m², m³, piece).
 */
public enum UnitOfMeasure {
    KGM("kilogram", Dimension.MASS, "1"),
    GRM("gram", Dimension.MASS, "0.001"),
    MGM("milligram", Dimension.MASS, "0.000001"),
    TNE("tonne", Dimension.MASS, "1000"),
    LBR("pound", Dimension.MASS, "0.45359237"),
    MTR("metre", Dimension.LENGTH, "1"),
    CMT("centimetre", Dimension.LENGTH, "0.01"),
    MMT("millimetre", Dimension.LENGTH, "0.001"),
    KMT("kilometre", Dimension.LENGTH, "1000"),
    INH("inch", Dimension.LENGTH, "0.0254"),
    FOT("foot", Dimension.LENGTH, "0.3048"),
    MTK("square metre", Dimension.AREA, "1"),
    CMK("square centimetre", Dimension.AREA, "0.0001"),
    MMK("square millimetre", Dimension.AREA, "0.000001"),
    MTQ("cubic metre", Dimension.VOLUME, "1"),
    LTR("litre", Dimension.VOLUME, "0.001"),
    MLT("millilitre", Dimension.VOLUME, "0.000001"),
    C62("one", Dimension.COUNT, "1"),
    H87("piece", Dimension.COUNT, "1"),
    PR("pair", Dimension.COUNT, "2"),
    DZN("dozen", Dimension.COUNT, "12"),
    CEN("hundred", Dimension.COUNT, "100"),
    MIL("thousand", Dimension.COUNT, "1000");

    private static final Map<String, UnitOfMeasure> BY_CODE =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(UnitOfMeasure::code, Function.identity()));

    private final String unitName;
    private final Dimension dimension;
    private final BigDecimal factorToBase;

    UnitOfMeasure(String unitName, Dimension dimension, String factorToBase) {
        this.unitName = unitName;
        this.dimension = dimension;
        this.factorToBase = new BigDecimal(factorToBase);
    }

    /** The Rec 20 common code, e.g. {@code KGM}. */
    public String code() {
        return name();
    }

    public String unitName() {
        return unitName;
    }

    public Dimension dimension() {
        return dimension;
    }

    /** How many base units one of this unit is (exact). */
    public BigDecimal factorToBase() {
        return factorToBase;
    }

    /** The unit for a Rec 20 code, if the dictionary knows it. */
    public static Optional<UnitOfMeasure> ofCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
