package org.hanse.core.node;

/** A WGS 84 position in decimal degrees. */
public record Location(double lat, double lon) {

    public Location {
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180 || Double.isNaN(lat) || Double.isNaN(lon)) {
            throw new IllegalArgumentException("latitude must lie in [-90, 90] and longitude in [-180, 180]");
        }
    }
}
