package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The inbox's recent rate: the last whole second, or the current one once it is busier. */
class InboxPressureTest {

    private static final long T = 1_700_000_000_000L;

    @Test
    void countsTheCurrentSecondThenRemembersTheLastWholeOne() {
        InboxPressure pressure = new InboxPressure();
        assertEquals(0, pressure.perSecond(T));
        for (int i = 0; i < 300; i++) {
            pressure.stored(T + i);
        }
        assertEquals(300, pressure.perSecond(T + 999));
        pressure.stored(T + 1_000);
        assertEquals(300, pressure.perSecond(T + 1_500), "the last whole second, while the current one is quieter");
        for (int i = 0; i < 400; i++) {
            pressure.stored(T + 1_600);
        }
        assertEquals(401, pressure.perSecond(T + 1_700), "the current second once it is busier");
    }

    @Test
    void aQuietSecondLeavesNothingBehind() {
        InboxPressure pressure = new InboxPressure();
        for (int i = 0; i < 500; i++) {
            pressure.stored(T);
        }
        assertEquals(0, pressure.perSecond(T + 2_100), "nothing was stored in the second before");
        assertEquals(0, pressure.perSecond(T + 2_200));
    }
}
