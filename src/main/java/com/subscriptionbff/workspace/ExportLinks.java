package com.subscriptionbff.workspace;

import com.subscriptionbff.common.ForbiddenException;
import com.subscriptionbff.common.SignedLinks;
import com.subscriptionbff.common.SignedLinks.SignedLink;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.io.IOException;
import java.time.LocalDate;
import com.subscriptionbff.common.CsvDownload;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * Export links of a workspace's histories: any member may ask for one; the download checks the signature, the
 * expiry, and that the user is still a member of that workspace.
 */
@Service
public class ExportLinks {

    private final WorkspaceAccess access;
    private final WorkspaceRepository workspaces;
    private final SignedLinks links;
    private final String baseUrl;

    ExportLinks(WorkspaceAccess access, WorkspaceRepository workspaces, SignedLinks links,
                @Value("${bff.links.base-url:}") String baseUrl) {
        this.access = access;
        this.workspaces = workspaces;
        this.links = links;
        this.baseUrl = baseUrl;
    }

    public record Download(String url, Instant expiresAt) {
    }

    /** A link to `path` + token for the workspace's members; staff and strangers are refused. */
    public Download create(Principal principal, String workspaceGlobalId, String purpose, String path) {
        Workspace workspace = access.readable(principal, workspaceGlobalId);
        if (workspace.viewerRole() == null) {
            throw new ForbiddenException("only members of the workspace may export its history");
        }
        Instant expiresAt = Instant.now().plus(SignedLinks.LIFETIME).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        String token = links.sign(new SignedLink(purpose, workspace.workspaceId(), principal.getName(), expiresAt));
        return new Download(baseUrl + path + token, expiresAt);
    }

    /**
     * Answers a download link: the CSV of the workspace the token opens, written row by row by `rows`; a forged,
     * expired, misdirected or revoked token is a bare 404 that reveals nothing.
     */
    public void serve(String purpose, String token, HttpServletResponse response, String filePrefix,
                      List<String> header, Counter rowsWritten, BiConsumer<Workspace, CsvDownload> rows)
            throws IOException {
        Workspace workspace = open(purpose, token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String filename = filePrefix + "-" + LocalDate.now(workspace.zone()) + ".csv";
        try (CsvDownload csv = CsvDownload.start(response, filename, header, rowsWritten)) {
            rows.accept(workspace, csv);
        }
    }

    /** The workspace a download token opens, if valid now and its user still a member. */
    Optional<Workspace> open(String purpose, String token) {
        return links.verify(purpose, token, Instant.now())
                .flatMap(link -> workspaces.findReadable(link.userId(), link.workspaceId()))
                .filter(workspace -> workspace.viewerRole() != null);
    }
}
