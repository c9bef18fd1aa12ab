package com.subscriptionbff.exports;

import com.subscriptionbff.common.ForbiddenException;
import com.subscriptionbff.exports.SignedLinks.SignedLink;
import com.subscriptionbff.workspace.Workspace;
import com.subscriptionbff.workspace.WorkspaceAccess;
import io.micrometer.core.instrument.Counter;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Export links of a workspace's histories: any member may ask for one; the download checks the seal, the expiry, and
 * that the user is still a member of that workspace.
 */
@Service
class ExportLinks {

    // a link is a credential: it expires in real time, like a token, whatever business clock a demo pins
    private static final Clock LINKS_CLOCK = Clock.systemUTC();

    private final WorkspaceAccess access;
    private final SignedLinks links;
    private final Clock clock;
    private final String baseUrl;

    ExportLinks(WorkspaceAccess access, SignedLinks links, Clock clock, @Value("${bff.links.base-url:}") String baseUrl) {
        this.access = access;
        this.links = links;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    /** What the Export buttons answer: where to download, until when. */
    record Download(String url, Instant expiresAt) {
    }

    /**
     * A link to `path` + token for the workspace's members; staff and strangers are refused. The link is absolute:
     * under bff.links.base-url when set, else under the origin the client called (`origin`).
     */
    Download create(Principal principal, String workspaceGlobalId, String purpose, String origin, String path) {
        Workspace workspace = access.readable(principal, workspaceGlobalId);
        if (workspace.viewerRole() == null) {
            throw new ForbiddenException("only members of the workspace may export its history");
        }
        Instant expiresAt = LINKS_CLOCK.instant().plus(SignedLinks.LIFETIME).truncatedTo(ChronoUnit.SECONDS);
        String token = links.sign(new SignedLink(purpose, workspace.workspaceId(), principal.getName(), expiresAt));
        return new Download((baseUrl.isBlank() ? origin : baseUrl) + path + token, expiresAt);
    }

    /**
     * Answers a download link: the CSV of the workspace the token opens, written row by row by `rows`; a forged,
     * expired, misdirected or revoked token is a bare 404 that reveals nothing.
     */
    void serve(String purpose, String token, HttpServletResponse response, String filePrefix, List<String> header,
               Counter rowsWritten, BiConsumer<Workspace, CsvDownload> rows) throws IOException {
        Workspace workspace = open(purpose, token).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String filename = filePrefix + "-" + LocalDate.now(clock.withZone(workspace.zone())) + ".csv";
        try (CsvDownload csv = CsvDownload.start(response, filename, header, rowsWritten)) {
            rows.accept(workspace, csv);
        }
    }

    /** The workspace a download token opens, if valid now and its user still a member. */
    private Optional<Workspace> open(String purpose, String token) {
        return links.verify(purpose, token, LINKS_CLOCK.instant())
                .flatMap(link -> access.readable(link.userId(), link.workspaceId()))
                .filter(workspace -> workspace.viewerRole() != null);
    }
}
