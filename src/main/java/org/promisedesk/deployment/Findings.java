package org.promisedesk.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.impl.util.xml.Element;

/** What the gate found wrong, per file, in the shape of the engine's own parse errors. */
final class Findings {

    record Found(String message, int line, int column, String mainElementId) implements Problem {
        @Override
        public String getMessage() {
            return message;
        }

        @Override
        public int getLine() {
            return line;
        }

        @Override
        public int getColumn() {
            return column;
        }

        @Override
        public String getMainElementId() {
            return mainElementId;
        }

        @Override
        public List<String> getElementIds() {
            return mainElementId == null ? List.of() : List.of(mainElementId);
        }
    }

    record Report(String resourceName, List<Problem> errors) implements ResourceReport {
        @Override
        public String getResourceName() {
            return resourceName;
        }

        @Override
        public List<Problem> getErrors() {
            return errors;
        }

        @Override
        public List<Problem> getWarnings() {
            return List.of();
        }
    }

    private final Map<String, List<Problem>> byResource = new LinkedHashMap<>();

    /** A problem of an element (its id, or the nearest enclosing id), or of the whole file when element is null. */
    void add(String resource, String message, Element element, String elementId) {
        byResource.computeIfAbsent(resource, name -> new ArrayList<>()).add(new Found(message,
                element == null ? 0 : element.getLine(), element == null ? 0 : element.getColumn(), elementId));
    }

    boolean isEmpty() {
        return byResource.isEmpty();
    }

    List<ResourceReport> reports() {
        return byResource.entrySet().stream()
                .<ResourceReport>map(entry -> new Report(entry.getKey(), List.copyOf(entry.getValue()))).toList();
    }

    /** One line per problem: file, element, reason. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        byResource.forEach((resource, problems) -> problems.forEach(problem -> lines.add(resource
                + (problem.getMainElementId() == null ? "" : ", " + problem.getMainElementId())
                + ": " + problem.getMessage())));
        return lines;
    }

    String summary() {
        return lines().stream().collect(Collectors.joining("; "));
    }
}
