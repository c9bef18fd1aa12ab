package com.subscriptionbff.seats;

import com.subscriptionbff.common.TimePosition;
import com.subscriptionbff.db.enums.DeactivationReason;
import com.subscriptionbff.db.enums.MemberRole;
import com.subscriptionbff.seats.SeatRepository.DeactivationsKey;
import com.subscriptionbff.seats.SeatRepository.HolderPageKey;
import com.subscriptionbff.support.RepositoryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static com.subscriptionbff.db.Tables.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;

/** Who holds a seat, page by page, and who lost theirs at a renewal; the pages of many workspaces at once. */
@Import(SeatRepository.class)
class SeatRepositoryTest extends RepositoryTest {

    /** When the owners of {@link com.subscriptionbff.support.TestData#workspace} joined. */
    private static final Instant FOUNDED = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    private SeatRepository seats;

    @Test
    void onePageOfEachOfManyWorkspacesInOneStatement() {
        UUID acme = testData.workspace("Acme", "Europe/Paris", "acme-owner");
        joined(acme, "acme-second", 1);
        joined(acme, "acme-third", 2);
        UUID globex = testData.workspace("Globex", "America/New_York", "globex-owner");
        joined(globex, "globex-second", 5);
        HolderPageKey acmePage = firstPage(acme, 2);
        HolderPageKey globexPage = firstPage(globex, 2);

        var answer = counted(() -> seats.findHolders(List.of(acmePage, globexPage)));

        assertThat(answer.statements()).isOne();
        assertThat(names(answer.result().get(acmePage))).containsExactly("acme-owner", "acme-second");
        assertThat(names(answer.result().get(globexPage))).containsExactly("globex-owner", "globex-second");
        assertThat(counted(() -> seats.findHolders(List.of())).statements()).as("no page asked for").isZero();
    }

    @Test
    void aDeactivatedMemberHoldsNoSeat() {
        UUID acme = testData.workspace("Acme", "Europe/Paris", "acme-owner");
        joined(acme, "acme-leaver", 1);
        joined(acme, "acme-stayer", 2);
        testData.deactivate(acme, "acme-leaver");

        HolderPageKey page = firstPage(acme, 10);
        assertThat(names(seats.findHolders(List.of(page)).get(page))).containsExactly("acme-owner", "acme-stayer");
    }

    @Test
    void theNextPageStartsAfterTheCursorAndMembersWhoJoinedTogetherComeByTheirId() {
        UUID acme = testData.workspace("Acme", "Europe/Paris", "acme-owner");
        for (String user : List.of("together-1", "together-2", "together-3")) {
            joined(acme, user, 3);
        }
        HolderPageKey everyone = firstPage(acme, 10);
        List<Seat> all = seats.findHolders(List.of(everyone)).get(everyone);
        assertThat(all).hasSize(4);
        assertThat(all.subList(1, 4)).extracting(Seat::memberId)
                .isSortedAccordingTo(Comparator.comparing(UUID::toString)); // PostgreSQL's order of uuids

        HolderPageKey afterSecond = new HolderPageKey(acme, 10, true, after(all.get(1)), 10);
        assertThat(seats.findHolders(List.of(afterSecond)).get(afterSecond)).isEqualTo(all.subList(2, 4));
    }

    @Test
    void theLastToJoinBeyondTheSeatsPaidForLoseTheirSeatAtRenewalEvenOnALaterPage() {
        UUID acme = testData.workspace("Acme", "Europe/Paris", "acme-owner");
        joined(acme, "acme-second", 1);
        joined(acme, "acme-third", 2);
        joined(acme, "acme-fourth", 3);
        HolderPageKey firstPage = new HolderPageKey(acme, 2, true, null, 2);
        List<Seat> first = seats.findHolders(List.of(firstPage)).get(firstPage);
        assertThat(first).noneMatch(Seat::deactivatedAtRenewal);

        // two seats paid for: the third and fourth to join are over the limit, though they come first on page 2
        HolderPageKey renewing = new HolderPageKey(acme, 2, true, after(first.getLast()), 2);
        HolderPageKey notRenewing = new HolderPageKey(acme, 2, false, after(first.getLast()), 2);
        var pages = seats.findHolders(List.of(renewing, notRenewing));
        assertThat(pages.get(renewing)).extracting(Seat::displayName).containsExactly("acme-third", "acme-fourth");
        assertThat(pages.get(renewing)).allMatch(Seat::deactivatedAtRenewal);
        assertThat(pages.get(notRenewing)).as("no renewal, nobody loses a seat").noneMatch(Seat::deactivatedAtRenewal);
    }

    @Test
    void theLatestDeactivatedAtRenewalComeNewestFirstAndRemovedMembersAreNotAmongThem() {
        UUID acme = testData.workspace("Acme", "Europe/Paris", "acme-owner");
        UUID globex = testData.workspace("Globex", "America/New_York", "globex-owner");
        for (String user : List.of("march", "june", "september", "removed")) {
            joined(acme, user, 1);
        }
        joined(globex, "globex-june", 1);
        deactivatedAtRenewal(acme, "march", "2026-03-01T00:00:00Z");
        deactivatedAtRenewal(acme, "june", "2026-06-01T00:00:00Z");
        deactivatedAtRenewal(acme, "september", "2026-09-01T00:00:00Z");
        deactivatedAtRenewal(globex, "globex-june", "2026-06-01T00:00:00Z");
        testData.deactivate(acme, "removed");
        DeactivationsKey acmeLatest = new DeactivationsKey(acme, 2);
        DeactivationsKey globexLatest = new DeactivationsKey(globex, 2);

        var answer = counted(() -> seats.findDeactivations(List.of(acmeLatest, globexLatest)));

        assertThat(answer.statements()).isOne();
        assertThat(answer.result().get(acmeLatest)).extracting(DeactivatedSeat::displayName)
                .containsExactly("september", "june");
        assertThat(answer.result().get(globexLatest)).extracting(DeactivatedSeat::displayName)
                .containsExactly("globex-june");
    }

    private void joined(UUID workspace, String userId, int daysAfterFounding) {
        testData.member(workspace, userId, MemberRole.MEMBER, FOUNDED.plus(Duration.ofDays(daysAfterFounding)));
    }

    private void deactivatedAtRenewal(UUID workspace, String userId, String at) {
        db.update(MEMBERS).set(MEMBERS.DEACTIVATED_AT, Instant.parse(at))
                .set(MEMBERS.DEACTIVATION_REASON, DeactivationReason.SEAT_LIMIT_AT_RENEWAL)
                .where(MEMBERS.WORKSPACE_ID.eq(workspace).and(MEMBERS.USER_ID.eq(userId))).execute();
    }

    private static HolderPageKey firstPage(UUID workspace, int limit) {
        return new HolderPageKey(workspace, 10, true, null, limit);
    }

    private static TimePosition after(Seat seat) {
        return new TimePosition(seat.joinedAt(), seat.memberId());
    }

    private static List<String> names(List<Seat> page) {
        return page.stream().map(Seat::displayName).toList();
    }
}
