package org.promisedesk.platform;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What Camunda's authorizations leave open, closed to everyone but administrators (members of
 * {@code camunda-admin}), on the engine REST API and on the web apps' copy of it
 * ({@code /camunda/api/engine/engine/{name}/…}):
 * <ul>
 * <li>Jobs that belong to no process (the history cleanup job, batch jobs): the engine checks a
 * job's authorization through its process, so for these it checks nothing, and any user could
 * execute, re-date, suspend, re-prioritise, set to 0 retries or delete the history cleanup job.</li>
 * <li>History removal: {@code POST /history/cleanup}, every {@code DELETE} under {@code /history},
 * the batch deletions and removal-time changes ({@code /history/…/delete},
 * {@code /history/…/set-removal-time}), and a definition's history time to live, which process
 * owners (who may update definitions) could otherwise shorten. Most of these need grants nobody
 * but an administrator has; closing all of them here means a future grant cannot open one.</li>
 * <li>Auditors change nothing, not even themselves: the engine grants every user ALL on their own
 * user, and a user's grant beats a group's revoke, so no authorization can take that away. Writes
 * of auditors to users, groups, tenants and authorizations (profile, password, memberships) are
 * refused here.</li>
 * </ul>
 * The engine REST API's login runs first ({@link ApiSecurity}), so the engine knows the user; the
 * web apps keep theirs in the session.
 */
class RetentionGuard extends OncePerRequestFilter {

    private static final Pattern ENGINE_PATH =
            Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/([^/]+))(/.*)$");
    private static final Pattern JOB = Pattern.compile("^/job/([^/]+)(?:/.*)?$");
    private static final List<String> JOB_COLLECTION_PATHS = List.of("count", "retries", "suspended");
    private static final Pattern HISTORY_REMOVAL = Pattern.compile("^/history/.+/(?:delete|set-removal-time)$");
    private static final Pattern TIME_TO_LIVE =
            Pattern.compile("^/(?:process|decision|case)-definition/.+/history-time-to-live$");
    private static final Pattern IDENTITY = Pattern.compile("^/(user|group|tenant|authorization)(/.*)?$");
    /** Queries sent as POST: reads. */
    private static final Pattern IDENTITY_QUERY = Pattern.compile("^/(?:user|group|tenant|authorization)(?:/count)?$");

    private final IdentityService identityService;
    private final ProcessEngineConfigurationImpl engine;

    RetentionGuard(IdentityService identityService, ProcessEngineConfigurationImpl engine) {
        this.identityService = identityService;
        this.engine = engine;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher engineCall = ENGINE_PATH.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        String method = request.getMethod();
        if (!engineCall.matches() || method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            chain.doFilter(request, response);
            return;
        }
        List<String> groups = engineCall.group(1) == null ? restGroups() : webappGroups(request, engineCall.group(1));
        if (groups == null || groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)) {
            chain.doFilter(request, response); // anonymous: the login in front of the API answers
            return;
        }
        String refusal = refusal(method, engineCall.group(2), groups);
        if (refusal != null) {
            forbidden(response, refusal);
            return;
        }
        chain.doFilter(request, response);
    }

    /** Why a non-administrator may not make this call, or null if the engine's own checks decide. */
    private String refusal(String method, String path, List<String> groups) {
        Matcher job = JOB.matcher(path);
        if (job.matches() && !JOB_COLLECTION_PATHS.contains(job.group(1)) && isHousekeeping(job.group(1))) {
            return "Only administrators may touch the history cleanup job and the engine's other jobs outside"
                    + " processes.";
        }
        if (path.equals("/history/cleanup") || path.startsWith("/history/") && method.equals("DELETE")
                || HISTORY_REMOVAL.matcher(path).matches()) {
            return "Only administrators may remove history or change when it is removed.";
        }
        if (TIME_TO_LIVE.matcher(path).matches()) {
            return "Only administrators may change how long history is kept (promise-desk.audit in application.yaml).";
        }
        if (groups.contains(Groups.AUDITORS) && IDENTITY.matcher(path).matches()
                && !(method.equals("POST") && IDENTITY_QUERY.matcher(path).matches())) {
            return "Auditors change nothing, their own profile and password included.";
        }
        return null;
    }

    /** A job that belongs to no process definition: the engine's authorization checks skip it. */
    private boolean isHousekeeping(String jobId) {
        JobEntity job = engine.getCommandExecutorTxRequired()
                .execute(context -> context.getJobManager().findJobById(jobId));
        return job != null && job.getProcessDefinitionKey() == null;
    }

    private List<String> restGroups() {
        Authentication current = identityService.getCurrentAuthentication();
        return current == null ? null : current.getGroupIds() == null ? List.of() : current.getGroupIds();
    }

    private static List<String> webappGroups(HttpServletRequest request, String engineName) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        var login = AuthenticationUtil.getAuthsFromSession(session).getAuthenticationForProcessEngine(engineName);
        if (!(login instanceof UserAuthentication user)) {
            return null;
        }
        return user.getGroupIds() == null ? List.of() : user.getGroupIds();
    }

    /** Answered as the engine REST API answers a missing authorization. */
    private static void forbidden(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":\"" + message + "\"}");
    }
}
