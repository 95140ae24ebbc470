package org.promisedesk.platform;

/** A model could not be deployed; the message names the file and, where known, the element. */
public class ModelDeploymentException extends RuntimeException {

    public ModelDeploymentException(String message) {
        super(message);
    }

    public ModelDeploymentException(String message, Throwable cause) {
        super(message, cause);
    }
}
