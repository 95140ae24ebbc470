package org.promisedesk.platform;

import java.util.List;

/** The Camunda groups of the spec's roles. Ids are what BPMN candidate groups and filters name. */
public final class Groups {

    public static final String AGENTS = "agents";
    public static final String TECH = "tech";
    public static final String ARCHITECTS = "architects";
    public static final String SALES = "sales";
    public static final String LEADS = "leads";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String AUDITORS = "auditors";

    /** The groups whose members work user tasks in Tasklist. */
    public static final List<String> TASK_WORKERS = List.of(AGENTS, TECH, ARCHITECTS, SALES, LEADS);

    static final List<String> ALL = List.of(AGENTS, TECH, ARCHITECTS, SALES, LEADS, PROCESS_OWNERS, AUDITORS);

    static String displayName(String groupId) {
        return switch (groupId) {
            case AGENTS -> "Agents (first line)";
            case TECH -> "Tech (second line)";
            case ARCHITECTS -> "Solution architects";
            case SALES -> "Sales";
            case LEADS -> "Team leads";
            case PROCESS_OWNERS -> "Process owners";
            case AUDITORS -> "Auditors";
            default -> groupId;
        };
    }

    private Groups() {
    }
}
