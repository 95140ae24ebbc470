package org.promisedesk.icp;

import static org.promisedesk.icp.IcpFilingProcess.MESSAGE_PHOTO_RECEIVED;
import static org.promisedesk.icp.IcpFilingProcess.TASK_READ_PHOTO_REPLY;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.promisedesk.icp.Filings.Filing;
import org.promisedesk.icp.Photos.Photo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A verification photo an agent (or another system) uploads: it is stored and, when the filing is
 * waiting for it, the filing moves on to "Check the photo" in the same transaction. The filing
 * waits for a photo at {@code Task_AwaitPhoto}, or while an agent reads a reply without one
 * ({@code Task_ReadPhotoReply}, which the agent then completes). At any other time it is refused.
 */
@Service
class PhotoUploads {

    private static final Logger log = LoggerFactory.getLogger(PhotoUploads.class);

    private final Filings filings;
    private final Photos photos;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final CommandExecutor commandExecutor;
    private final IcpSettings settings;

    PhotoUploads(Filings filings, Photos photos, ProcessEngine engine, IcpSettings settings) {
        this.filings = filings;
        this.photos = photos;
        this.runtimeService = engine.getRuntimeService();
        this.taskService = engine.getTaskService();
        this.commandExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        this.settings = settings;
    }

    record Upload(Photo photo, boolean filingContinued) {
    }

    @Transactional
    Upload upload(long filingId, byte[] content, String declaredType, String fileName, String userId) {
        Filing filing = filing(filingId);
        String type = PhotoRules.check(content, declaredType, settings.photoMaxSize());
        String pid = filing.processInstanceId();
        boolean awaited = asProcess(() -> runtimeService.createEventSubscriptionQuery().processInstanceId(pid)
                .eventType("message").eventName(MESSAGE_PHOTO_RECEIVED).count() > 0);
        boolean agentReading = asProcess(() -> taskService.createTaskQuery().processInstanceId(pid)
                .taskDefinitionKey(TASK_READ_PHOTO_REPLY).count() > 0);
        if (!awaited && !agentReading) {
            throw new PhotoRejected(HttpStatus.CONFLICT, "Filing " + filingId + " is not waiting for a photo");
        }
        Photo photo = photos.insert(filingId, content, type, fileName, Photos.Source.UPLOAD, userId);
        if (awaited) {
            asProcess(() -> runtimeService.createMessageCorrelation(MESSAGE_PHOTO_RECEIVED).processInstanceId(pid)
                    .correlateWithResult());
        }
        log.info("Request {}: verification photo {} ({} bytes) for filing {} uploaded by {}", filing.requestKey(),
                photo.id(), photo.sizeBytes(), filingId, userId);
        return new Upload(photo, awaited);
    }

    @Transactional(readOnly = true)
    Photo latest(long filingId) {
        filing(filingId);
        return photos.latest(filingId).orElseThrow(() -> new PhotoRejected(HttpStatus.NOT_FOUND,
                "Filing " + filingId + " has no photo yet"));
    }

    @Transactional(readOnly = true)
    byte[] content(long photoId) {
        return photos.content(photoId);
    }

    private Filing filing(long filingId) {
        return filings.find(filingId).orElseThrow(() -> new PhotoRejected(HttpStatus.NOT_FOUND,
                "There is no ICP filing " + filingId));
    }

    /**
     * The filing's own step: the uploader needs no right on the process instance (agents have
     * none), the upload's rules are checked here. The user stays the authenticated one, so the
     * history and operation log still show who it was.
     */
    private <T> T asProcess(Supplier<T> step) {
        return commandExecutor.execute(context -> context.runWithoutAuthorization(step::get));
    }
}
