package org.hanse.app.web;

import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Largest request body per content type, however it is sent (declared length or chunked): a node's config (YAML),
 * JSON, a CSV or .xlsx stock count, multipart, a web form, and anything else.
 */
@ConfigurationProperties("hanse.limits.body")
public record BodyLimits(DataSize yaml, DataSize json, DataSize csv, DataSize spreadsheet, DataSize multipart, DataSize form,
                         DataSize other) {

    private static final DataSize FALLBACK = DataSize.ofMegabytes(1);

    public BodyLimits {
        // A missing entry falls back to 1 MiB rather than "unlimited": a forgotten setting must not open the door.
        yaml = orFallback(yaml);
        json = orFallback(json);
        csv = orFallback(csv);
        spreadsheet = orFallback(spreadsheet);
        multipart = orFallback(multipart);
        form = orFallback(form);
        other = orFallback(other);
    }

    private static DataSize orFallback(DataSize size) {
        return size == null ? FALLBACK : size;
    }

    /** The limit in bytes for a request of this {@code Content-Type} (null: no body type declared). */
    public long bytesFor(String contentType) {
        if (contentType == null) {
            return other.toBytes();
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        if (type.contains("yaml")) {
            return yaml.toBytes();
        }
        if (type.equals("application/json") || type.endsWith("+json")) {
            return json.toBytes();
        }
        if (type.equals("text/csv")) {
            return csv.toBytes();
        }
        if (type.equals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") || type.equals("application/octet-stream")) {
            return spreadsheet.toBytes();
        }
        if (type.startsWith("multipart/")) {
            return multipart.toBytes();
        }
        if (type.equals("application/x-www-form-urlencoded")) {
            return form.toBytes();
        }
        return other.toBytes();
    }
}
