package id.oss.livechat.desktop.board;

import java.time.Instant;
import java.util.UUID;

/**
 * A department's queue on the board: how many wait, and since when the oldest one waits (its
 * visitor's topic, to say who it is).
 */
public record DepartmentWait(
        UUID departmentId,
        String department,
        int waiting,
        String oldestTopic,
        Instant oldestSince) {}
