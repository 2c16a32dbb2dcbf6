package id.oss.livechat.server.protection;

import static org.assertj.core.api.Assertions.assertThat;

import id.oss.livechat.server.protection.OpenSockets.Kind;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The count behind the cap: per kind and address, and a place given back once only. */
class OpenSocketsTest {

    @Test
    void aPlaceGivenBackTwiceFreesOnePlaceOnlyAndAnEmptyAddressIsForgotten() {
        OpenSockets open = new OpenSockets(2, 1);
        OpenSockets.Place first = open.tryOpen(Kind.VISITOR, "198.51.100.7").orElseThrow();
        open.tryOpen(Kind.VISITOR, "198.51.100.7").orElseThrow();
        assertThat(open.tryOpen(Kind.VISITOR, "198.51.100.7")).isEmpty();
        // staff sockets and other addresses are counted apart
        Optional<OpenSockets.Place> staff = open.tryOpen(Kind.STAFF, "198.51.100.7");
        assertThat(staff).isPresent();
        assertThat(open.tryOpen(Kind.VISITOR, "198.51.100.8")).isPresent();

        first.release();
        first.release();
        assertThat(open.openFrom(Kind.VISITOR, "198.51.100.7")).isEqualTo(1);
        assertThat(open.tryOpen(Kind.VISITOR, "198.51.100.7")).isPresent();
        assertThat(open.tryOpen(Kind.VISITOR, "198.51.100.7")).isEmpty();

        staff.orElseThrow().release();
        assertThat(open.openFrom(Kind.STAFF, "198.51.100.7")).isZero();
    }
}
