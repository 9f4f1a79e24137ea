package org.hanse.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser without the browser, over real HTTP: keeps the session cookie, follows no redirects, sends each
 * form with the CSRF token of the page it came from, and may claim a client address through a trusted proxy's
 * {@code X-Forwarded-For} (the server under test runs with {@code server.forward-headers-strategy=native}).
 */
final class WebSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> proxyHeaders = new LinkedHashMap<>();

    WebSession(int port, String clientAddress) {
        this.base = "http://localhost:" + port;
        if (clientAddress != null) {
            proxyHeaders.put("X-Forwarded-For", clientAddress);
        }
    }

    /** As if a TLS-terminating proxy had received the request over https. */
    WebSession overTls() {
        proxyHeaders.put("X-Forwarded-Proto", "https");
        return this;
    }

    Api.Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** Posts a form from the page at {@code formPage}, with that page's CSRF token. */
    Api.Response post(String formPage, String action, Map<String, String> fields) {
        Matcher token = CSRF.matcher(get(formPage).text());
        if (!token.find()) {
            throw new IllegalStateException(formPage + " has no form with a CSRF token");
        }
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", token.group(1));
        String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + action)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The sign-in form, filled in and sent. */
    Api.Response signIn(String email, String password) {
        return post("/login", "/login", Map.of("username", email, "password", password));
    }

    /** Status and redirect target of an answer, e.g. "302 /login?failed", with the server's origin left out. */
    static String answer(Api.Response response) {
        String location = response.header("Location");
        return response.status() + (location == null ? "" : " " + location.replaceFirst("^https?://[^/]+", ""));
    }

    private Api.Response send(HttpRequest.Builder builder) {
        proxyHeaders.forEach(builder::header);
        try {
            HttpResponse<String> response = http.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body(), null,
                    response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
