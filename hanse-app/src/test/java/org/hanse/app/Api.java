package org.hanse.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A small real HTTP client for the tests: requests go over loopback to the running server. */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Api(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A response: status, content type and the body parsed as JSON (null when empty or not JSON). */
    record Response(int status, String contentType, String text, Object body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> map() {
            return (Map<String, Object>) body;
        }

        @SuppressWarnings("unchecked")
        <T> T at(String path) {
            Object current = body;
            for (String part : path.split("\\.")) {
                if (current instanceof Map<?, ?> m) {
                    current = m.get(part);
                } else if (current instanceof List<?> l) {
                    current = l.get(Integer.parseInt(part));
                } else {
                    return null;
                }
            }
            return (T) current;
        }

        /** The errors[] of a problem+json body as "path: message" strings. */
        List<String> errors() {
            List<Map<String, Object>> errors = at("errors");
            return errors.stream().map(e -> e.get("path") + ": " + e.get("message")).toList();
        }
    }

    Response get(String path, String key) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), key);
    }

    Response post(String path, String key, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), key);
    }

    Response postJson(String path, String key, Object body) {
        return post(path, key, "application/json", JSON.writeValueAsString(body));
    }

    Response put(String path, String key, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofString(body)), key);
    }

    HttpClient client() {
        return http;
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    private Response send(HttpRequest.Builder builder, String key) {
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        try {
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            Object body = null;
            if (type.contains("json") && !response.body().isEmpty()) {
                body = JSON.readValue(response.body(), Object.class);
            }
            return new Response(response.statusCode(), type, response.body(), body, response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
