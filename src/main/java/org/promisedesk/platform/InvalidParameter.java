package org.promisedesk.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One or more request parameters with a value out of range; the API answers one 400 naming every
 * one of them ({@code parameter}: the first, {@code parameters}: all). Collect them with
 * {@link Problems}, so that a caller with three mistakes hears of three, not of one per try.
 */
public class InvalidParameter extends IllegalArgumentException {

    private final Map<String, String> problems;

    public InvalidParameter(String parameter, String problem) {
        this(Map.of(parameter, problem));
    }

    /** Problems by parameter, in the order they were found. */
    public InvalidParameter(Map<String, String> problems) {
        super(problems.entrySet().stream().map(p -> "Parameter '" + p.getKey() + "' " + p.getValue())
                .collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("An invalid parameter needs a parameter");
        }
        this.problems = new LinkedHashMap<>(problems);
    }

    /** The first bad parameter. */
    public String parameter() {
        return problems.keySet().iterator().next();
    }

    /** Every bad parameter, in the order found. */
    public List<String> parameters() {
        return List.copyOf(problems.keySet());
    }

    /** What is wrong with each bad parameter. */
    public Map<String, String> problems() {
        return Map.copyOf(problems);
    }
}
