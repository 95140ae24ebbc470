package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.FILING_ID;
import static org.promisedesk.icp.IcpFilingProcess.PHOTO_IN_HAND;
import static org.promisedesk.icp.IcpFilingProcess.REPLY_FROM;
import static org.promisedesk.icp.IcpFilingProcess.REPLY_PHOTO;
import static org.promisedesk.icp.IcpFilingProcess.REPLY_PHOTO_PROBLEM;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.value.FileValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SavePhotoFromReply}: the customer answered the photo request by e-mail. When the
 * reply carries the photo (the file variable {@code replyPhoto}) and it passes the same rules as
 * an upload, it is stored and the filing goes on to "Check the photo"; otherwise
 * {@code photoInHand} is false (and {@code replyPhotoProblem} says why, if there was a file) and
 * an agent reads the reply. The file variable is removed once handled.
 */
@Component
class SavePhotoFromReply implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SavePhotoFromReply.class);

    private final Photos photos;
    private final IcpSettings settings;

    SavePhotoFromReply(Photos photos, IcpSettings settings) {
        this.photos = photos;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TypedValue value = execution.getVariableTyped(REPLY_PHOTO);
        boolean saved = false;
        if (value instanceof FileValue file && file.getValue() != null) {
            saved = save(execution, file);
        } else {
            execution.removeVariable(REPLY_PHOTO_PROBLEM);
            log.info("Request {}: the customer's reply carries no photo; an agent reads it",
                    execution.getProcessBusinessKey());
        }
        execution.removeVariable(REPLY_PHOTO);
        execution.setVariable(PHOTO_IN_HAND, saved);
    }

    private boolean save(DelegateExecution execution, FileValue file) {
        long filingId = ((Number) execution.getVariable(FILING_ID)).longValue();
        byte[] content = bytes(file);
        try {
            String type = PhotoRules.check(content, file.getMimeType(), settings.photoMaxSize());
            Object from = execution.getVariable(REPLY_FROM);
            Photos.Photo photo = photos.insert(filingId, content, type, file.getFilename(), Photos.Source.E_MAIL,
                    from == null ? "e-mail" : from.toString());
            execution.removeVariable(REPLY_PHOTO_PROBLEM);
            log.info("Request {}: verification photo {} ({} bytes) for filing {} taken from the customer's e-mail",
                    execution.getProcessBusinessKey(), photo.id(), photo.sizeBytes(), filingId);
            return true;
        } catch (PhotoRejected rejected) {
            execution.setVariable(REPLY_PHOTO_PROBLEM, file.getFilename() + ": " + rejected.getMessage());
            log.info("Request {}: the photo in the customer's reply is not usable: {}", execution.getProcessBusinessKey(),
                    rejected.getMessage());
            return false;
        }
    }

    private static byte[] bytes(FileValue file) {
        try (InputStream in = file.getValue()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
