package sluice.engine.expr.compile;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import sluice.engine.diag.ErrorCode;

/**
 * URL functions as Spark computes them: Java's URI for parse_url (raw path, query, fragment and authority), the
 * key's value in the query found by a regular expression around the key, and form encoding for url_encode and
 * url_decode. Stateless.
 */
final class UrlKernels {
    private UrlKernels() {
    }

    static Kernel of(String name) {
        return switch (name) {
            case "parse_url", "try_parse_url" -> {
                boolean tolerant = name.startsWith("try_");
                yield (a, e) -> parse((String) a[0], (String) a[1], a.length > 2 ? (String) a[2] : null, a.length > 2,
                        tolerant);
            }
            case "url_encode" -> (a, e) -> URLEncoder.encode((String) a[0], StandardCharsets.UTF_8);
            case "url_decode", "try_url_decode" -> {
                boolean tolerant = name.startsWith("try_");
                yield (a, e) -> decode((String) a[0], tolerant);
            }
            default -> null;
        };
    }

    /** parse_url with a key: the value of key in the QUERY part; other parts ignore a key by giving NULL. */
    private static String parse(String url, String part, String key, boolean keyed, boolean tolerant) {
        if (keyed && !"QUERY".equals(part)) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            if (tolerant) {
                return null;
            }
            throw new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, "[INVALID_URL] The url is invalid: " + url
                    + ". Use `try_parse_url` to tolerate invalid URL and return NULL instead.");
        }
        String value = switch (part) {
            case "HOST" -> uri.getHost();
            case "PATH" -> uri.getRawPath();
            case "QUERY" -> uri.getRawQuery();
            case "REF" -> uri.getRawFragment();
            case "PROTOCOL" -> uri.getScheme();
            case "FILE" -> uri.getRawQuery() != null ? uri.getRawPath() + "?" + uri.getRawQuery() : uri.getRawPath();
            case "AUTHORITY" -> uri.getRawAuthority();
            case "USERINFO" -> uri.getRawUserInfo();
            default -> null;
        };
        if (!keyed || value == null) {
            return value;
        }
        // Spark puts the key into the pattern as it is, so a key with regex characters is a regex.
        Matcher matcher = Pattern.compile("(&|^)" + key + "=([^&]*)").matcher(value);
        return matcher.find() ? matcher.group(2) : null;
    }

    private static String decode(String text, boolean tolerant) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            if (tolerant) {
                return null;
            }
            throw new RowFailure(ErrorCode.INVALID_ARGUMENT_VALUE, "[CANNOT_DECODE_URL] The provided URL cannot be "
                    + "decoded: " + text + ". Please ensure that the URL is properly formatted and try again.");
        }
    }
}
