package org.promisedesk.icp;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.promisedesk.icp.Photos.Photo;
import org.promisedesk.platform.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Verification photos of an ICP filing. Tasklist's forms have no file picker, so an agent who got
 * the photo (as an e-mail attachment, on WeChat, taken at our office) uploads it here. Agents and
 * leads may upload; they and auditors may look at it. It is a person's face and ID card: nobody else.
 */
@RestController
class PhotoController {

    private static final Set<String> UPLOADERS = Set.of(Groups.AGENTS, Groups.LEADS);
    private static final Set<String> VIEWERS = Set.of(Groups.AGENTS, Groups.LEADS, Groups.AUDITORS);

    private final PhotoUploads uploads;
    private final IdentityService identityService;

    PhotoController(PhotoUploads uploads, IdentityService identityService) {
        this.uploads = uploads;
        this.identityService = identityService;
    }

    record Receipt(long filingId, long photoId, String contentType, int sizeBytes, String sha256, String receivedBy,
            Instant receivedAt, boolean filingContinued) {
    }

    @PostMapping(path = "/api/icp-filings/{filingId}/photo", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Receipt> upload(@PathVariable long filingId, @RequestPart("photo") MultipartFile photo)
            throws IOException {
        String userId = requireGroup(UPLOADERS, "upload");
        PhotoUploads.Upload upload = uploads.upload(filingId, photo.getBytes(), photo.getContentType(),
                photo.getOriginalFilename(), userId);
        Photo stored = upload.photo();
        return ResponseEntity.created(URI.create("/api/icp-filings/" + filingId + "/photo"))
                .body(new Receipt(filingId, stored.id(), stored.contentType(), stored.sizeBytes(), stored.sha256(),
                        stored.receivedBy(), stored.receivedAt(), upload.filingContinued()));
    }

    /** The last photo received, as an image; who sent it and when in headers. */
    @GetMapping("/api/icp-filings/{filingId}/photo")
    ResponseEntity<byte[]> photo(@PathVariable long filingId) {
        requireGroup(VIEWERS, "see");
        Photo photo = uploads.latest(filingId);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
                .header("X-Photo-Id", String.valueOf(photo.id()))
                .header("X-Received-By", photo.receivedBy())
                .header("X-Received-At", photo.receivedAt().toString())
                .body(uploads.content(photo.id()));
    }

    private String requireGroup(Set<String> allowed, String what) {
        Authentication user = identityService.getCurrentAuthentication();
        List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
        if (user == null || groups.stream().noneMatch(allowed::contains)) {
            throw new PhotoRejected(HttpStatus.FORBIDDEN, "Only " + String.join(", ", allowed.stream().sorted().toList())
                    + " may " + what + " verification photos");
        }
        return user.getUserId();
    }
}
