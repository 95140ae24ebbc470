package org.promisedesk.platform;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.Deployment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deploys {@code processes/} and {@code forms/} at start-up as one deployment.
 *
 * <p>Camunda's duplicate filtering compares every file with the last deployment of the same
 * name: when nothing changed nothing is deployed; when any file changed the whole set is
 * deployed again. Forms are bound {@code latest} (docs/architecture.md), so a process owner's
 * Modeler deploy of a single file in between keeps working. Running instances stay on the
 * version they started with.
 */
@Component
@Order(1)
class ModelDeployment implements ApplicationRunner {

    static final String DEPLOYMENT_NAME = "promise-desk";

    private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

    private final RepositoryService repositoryService;
    private final ObjectMapper objectMapper;
    private final String modelsDir;

    ModelDeployment(RepositoryService repositoryService, ObjectMapper objectMapper,
            @Value("${promise-desk.models-dir:}") String modelsDir) {
        this.repositoryService = repositoryService;
        this.objectMapper = objectMapper;
        this.modelsDir = modelsDir;
    }

    @Override
    public void run(ApplicationArguments args) {
        ModelFiles models = StringUtils.hasText(modelsDir)
                ? ModelFiles.fromDirectory(Path.of(modelsDir))
                : ModelFiles.fromClasspath();
        deploy(models);
    }

    void deploy(ModelFiles models) {
        if (models.files().isEmpty()) {
            log.warn("No models found in processes/ or forms/: nothing to deploy");
            return;
        }
        checkForms(models);
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(DEPLOYMENT_NAME)
                .source(DEPLOYMENT_NAME)
                .enableDuplicateFiltering(false);
        models.files().forEach(file -> builder.addInputStream(file.name(), new ByteArrayInputStream(file.content())));
        String previousId = latestDeploymentId();
        try {
            Deployment deployment = builder.deploy();
            if (deployment.getId().equals(previousId)) {
                log.info("Models unchanged: {} files, nothing deployed", models.files().size());
            } else {
                log.info("Deployed {} model files as deployment {}: {}", models.files().size(), deployment.getId(),
                        models.files().stream().map(ModelFiles.ModelFile::name).collect(Collectors.joining(", ")));
            }
        } catch (ParseException e) {
            throw new ModelDeploymentException("A model failed to parse, nothing was deployed:\n" + describe(e), e);
        } catch (ProcessEngineException e) {
            throw new ModelDeploymentException("The models could not be deployed, nothing was deployed: "
                    + e.getMessage() + position(e), e);
        }
    }

    private String latestDeploymentId() {
        return repositoryService.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).stream()
                .map(Deployment::getId).findFirst().orElse(null);
    }

    /** The engine stores forms without looking inside; a form it cannot find by id is found out only by a user. */
    private void checkForms(ModelFiles models) {
        Map<String, String> fileById = new HashMap<>();
        for (ModelFiles.ModelFile file : models.files()) {
            if (!file.isForm()) {
                continue;
            }
            JsonNode id;
            try {
                id = objectMapper.readTree(file.content()).path("id");
            } catch (Exception e) {
                throw new ModelDeploymentException("Form " + file.name() + " is not valid JSON: " + e.getMessage()
                        + "; nothing was deployed");
            }
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new ModelDeploymentException("Form " + file.name()
                        + " has no \"id\"; a user task finds its form by that id (camunda:formRef). Nothing was deployed");
            }
            String other = fileById.put(id.asText(), file.name());
            if (other != null) {
                throw new ModelDeploymentException("Forms " + other + " and " + file.name() + " both have the id \""
                        + id.asText() + "\"; nothing was deployed");
            }
        }
    }

    /** Where an XML error is, when the engine's message leaves it out. */
    private static String position(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.xml.sax.SAXParseException sax) {
                return " (line " + sax.getLineNumber() + ", column " + sax.getColumnNumber() + ")";
            }
        }
        return "";
    }

    private static String describe(ParseException e) {
        StringBuilder text = new StringBuilder();
        e.getResorceReports().forEach(report -> report.getErrors().forEach(problem -> text
                .append("  ").append(report.getResourceName())
                .append(problem.getMainElementId() == null ? "" : ", element " + problem.getMainElementId())
                .append(problem.getLine() > 0 ? ", line " + problem.getLine() : "")
                .append(": ").append(problem.getMessage()).append('\n')));
        return text.length() == 0 ? e.getMessage() : text.toString();
    }
}
