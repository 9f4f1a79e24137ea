package org.hanse.core.dictionary;

/** Physical dimension of a unit; conversion is defined only within one dimension. */
public enum Dimension {
    MASS("kilogram"), LENGTH("metre"), AREA("square metre"), VOLUME("cubic metre"), COUNT("piece");

    private final String baseUnitName;

    Dimension(String baseUnitName) {
        this.baseUnitName = baseUnitName;
    }

    public String baseUnitName() {
        return baseUnitName;
    }
}
