package org.promisedesk.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Camunda's admin app lets ANYONE create the first administrator while no user is in
 * {@code camunda-admin} (its setup page and {@code POST /camunda/api/admin/setup/{engine}/user/create}),
 * including when the last administrator was deleted. Closed here (404) unless
 * {@code promise-desk.security.admin-setup} is true; {@link AdministratorCheck} makes sure an
 * installation without it has an administrator.
 */
class AdminSetupGuard extends OncePerRequestFilter {

    private final boolean setupAllowed;

    AdminSetupGuard(boolean setupAllowed) {
        this.setupAllowed = setupAllowed;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean setup = path.startsWith("/camunda/api/admin/setup/")
                || path.matches("/camunda/app/admin/[^/]+/setup(/.*)?");
        if (setup && !setupAllowed) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND,
                    "The first-administrator setup is switched off (promise-desk.security.admin-setup)");
            return;
        }
        chain.doFilter(request, response);
    }
}
