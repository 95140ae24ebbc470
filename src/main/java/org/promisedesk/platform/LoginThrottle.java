package org.promisedesk.platform;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins are counted per source address, not per user: an address that failed
 * {@code maxFailures} times within the window gets 429 (with Retry-After) until the window ends,
 * whoever it tries to log in as, while the user it guessed at keeps working from everywhere else.
 * Camunda's own lockout, which locks the VICTIM for everyone, is switched off in application.yaml.
 * A failure is a 401 answer to a request that carried credentials (a login form or an Authorization
 * header); a call without any is not a guess. Behind a reverse proxy, set
 * {@code server.forward-headers-strategy} so that the address is the client's.
 */
class LoginThrottle extends OncePerRequestFilter {

    /** Beyond this many addresses, those whose window has ended are forgotten. */
    private static final int TRACKED_SOURCES = 10_000;

    private record Failures(Instant windowStart, int count) {
    }

    private final SecuritySettings.LoginThrottle settings;
    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();

    LoginThrottle(SecuritySettings.LoginThrottle settings) {
        this.settings = settings;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String source = request.getRemoteAddr();
        Instant now = Instant.now();
        Failures failures = bySource.get(source);
        if (failures != null && !ended(failures, now) && failures.count() >= settings.maxFailures()) {
            long seconds = Math.max(1, Duration.between(now, failures.windowStart().plus(settings.window())).toSeconds());
            tooManyFailures(response, seconds);
            return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED && carriesCredentials(request)) {
            bySource.compute(source, (address, seen) -> seen == null || ended(seen, now)
                    ? new Failures(now, 1) : new Failures(seen.windowStart(), seen.count() + 1));
            if (bySource.size() > TRACKED_SOURCES) {
                bySource.values().removeIf(seen -> ended(seen, now));
            }
        }
    }

    private boolean ended(Failures failures, Instant now) {
        return !now.isBefore(failures.windowStart().plus(settings.window()));
    }

    private static boolean carriesCredentials(HttpServletRequest request) {
        return request.getHeader("Authorization") != null || request.getRequestURI().contains("/login/");
    }

    private static void tooManyFailures(HttpServletResponse response, long seconds) throws IOException {
        response.setStatus(429);
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Too many failed logins from this address. Try again in " + seconds + " seconds.\"}");
    }
}
