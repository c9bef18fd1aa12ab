package com.subscriptionbff.workspace;

import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.support.RepositoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.time.ZoneId;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.USERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may read a workspace: its active members and staff; nobody else, and a former member no more. */
@Import(WorkspaceRepository.class)
class WorkspaceRepositoryTest extends RepositoryTest {

    @Autowired
    private WorkspaceRepository workspaces;

    private UUID acme;
    private UUID globex;

    @BeforeEach
    void twoWorkspacesAndAnAdminOfOne() {
        acme = testData.workspace("Acme", "Europe/Paris", "acme-owner");
        globex = testData.workspace("Globex", "America/New_York", "globex-owner");
        testData.member(acme, "alice", MemberRole.ADMIN);
    }

    @Test
    void aMemberReadsTheirWorkspaceWithTheirRoleInOneStatement() {
        var answer = counted(() -> workspaces.findReadable("alice", acme));

        assertThat(answer.statements()).as("the access check and the workspace together").isOne();
        assertThat(answer.result()).contains(new Workspace(acme, "Acme", ZoneId.of("Europe/Paris"), MemberRole.ADMIN));
    }

    @Test
    void aMemberDoesNotReadAnotherWorkspace() {
        assertThat(workspaces.findReadable("alice", globex)).isEmpty();
        assertThat(workspaces.findReadable("acme-owner", globex)).isEmpty();
        assertThat(workspaces.findReadable("globex-owner", globex)).map(Workspace::viewerRole)
                .contains(MemberRole.OWNER);
    }

    @Test
    void aDeactivatedMemberReadsNothing() {
        testData.deactivate(acme, "alice");

        assertThat(workspaces.findReadable("alice", acme)).isEmpty();
        assertThat(workspaces.findByActiveMember("alice")).isEmpty();
    }

    @Test
    void staffReadAnyWorkspaceWithoutARoleInIt() {
        staff("support");

        assertThat(workspaces.findReadable("support", globex))
                .contains(new Workspace(globex, "Globex", ZoneId.of("America/New_York"), null));
        assertThat(workspaces.findReadable("support", UUID.randomUUID())).as("no such workspace").isEmpty();
    }

    @Test
    void anUnknownUserOrWorkspaceReadsNothing() {
        assertThat(workspaces.findReadable("nobody", acme)).isEmpty();
        assertThat(workspaces.findReadable("alice", UUID.randomUUID())).isEmpty();
    }

    @Test
    void aMemberListsTheWorkspacesTheyStillBelongToByNameWhateverItsCase() {
        testData.member(globex, "alice", MemberRole.MEMBER);
        UUID aardvark = testData.workspace("aardvark labs", "Asia/Tokyo", "aardvark-owner");
        testData.member(aardvark, "alice", MemberRole.MEMBER);
        UUID left = testData.workspace("Beta", "Europe/Paris", "beta-owner");
        testData.member(left, "alice", MemberRole.MEMBER);
        testData.deactivate(left, "alice");

        assertThat(workspaces.findByActiveMember("alice")).extracting(Workspace::name)
                .containsExactly("aardvark labs", "Acme", "Globex");
    }

    private void staff(String userId) {
        testData.user(userId);
        db.update(USERS).set(USERS.STAFF, true).where(USERS.ID.eq(userId)).execute();
    }
}
