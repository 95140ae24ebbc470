package org.promisedesk.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Several request parameters with values out of range: the API answers 400 naming every one
 * ({@code parameters}: name → what is wrong), so a caller fixes them all at once.
 */
public class InvalidParameters extends IllegalArgumentException {

    private final Map<String, String> problems;

    public InvalidParameters(Map<String, String> problems) {
        super(problems.entrySet().stream().map(problem -> "Parameter '" + problem.getKey() + "' " + problem.getValue())
                .collect(Collectors.joining("; ")));
        this.problems = Map.copyOf(new LinkedHashMap<>(problems));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
