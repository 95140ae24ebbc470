package org.promisedesk.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The model files of one deployment: BPMN and DMN from {@code processes/}, Camunda Forms from
 * {@code forms/}, each named by its path relative to its folder ({@code promise.bpmn}), never by
 * an absolute path, so that the names stay the same wherever the application runs.
 */
public record ModelFiles(List<ModelFile> files) {

    static final String PROCESSES = "processes";
    static final String FORMS = "forms";

    public record ModelFile(String name, byte[] content) {
        public boolean isForm() {
            return name.endsWith(".form");
        }
    }

    /** The models packed into the application (the top-level folders, copied by the build). */
    public static ModelFiles fromClasspath() {
        List<ModelFile> files = new ArrayList<>();
        files.addAll(classpath(PROCESSES, "*.bpmn"));
        files.addAll(classpath(PROCESSES, "*.dmn"));
        files.addAll(classpath(FORMS, "*.form"));
        return new ModelFiles(files);
    }

    /** The models in a folder on disk that holds {@code processes/} and {@code forms/}. */
    static ModelFiles fromDirectory(Path root) {
        if (!Files.isDirectory(root.resolve(PROCESSES))) {
            throw new ModelDeploymentException("promise-desk.models-dir " + root.toAbsolutePath()
                    + " has no processes/ folder");
        }
        List<ModelFile> files = new ArrayList<>();
        files.addAll(directory(root.resolve(PROCESSES), ".bpmn", ".dmn"));
        files.addAll(directory(root.resolve(FORMS), ".form"));
        return new ModelFiles(files);
    }

    private static List<ModelFile> classpath(String folder, String pattern) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:" + folder + "/**/" + pattern);
            List<ModelFile> files = new ArrayList<>();
            for (Resource resource : resources) {
                String url = resource.getURL().toString();
                String name = url.substring(url.lastIndexOf("/" + folder + "/") + folder.length() + 2);
                files.add(new ModelFile(name, resource.getContentAsByteArray()));
            }
            files.sort(Comparator.comparing(ModelFile::name));
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models in " + folder + "/", e);
        }
    }

    private static List<ModelFile> directory(Path folder, String... endings) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> Stream.of(endings).anyMatch(path.toString()::endsWith))
                    .sorted()
                    .map(path -> new ModelFile(folder.relativize(path).toString().replace('\\', '/'), read(path)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the models in " + folder, e);
        }
    }

    private static byte[] read(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }
}
