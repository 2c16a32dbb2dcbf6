package id.oss.livechat.model.analytics;

import id.oss.livechat.model.visitor.DepartmentRef;

/**
 * A department's live figures on the dashboard, with its measures of today. {@code waiting} counts
 * every waiting session, {@code leftMessagesWaiting} those of them that are left messages; {@code
 * longestWaitSeconds} is the age of the oldest waiting session whose visitor is still there (null:
 * nobody waits); {@code unstaffed}: visitors wait there and none of its agents is online.
 */
public record DepartmentFigures(
        DepartmentRef department,
        long waiting,
        long leftMessagesWaiting,
        Double longestWaitSeconds,
        long active,
        long agentsOnline,
        boolean unstaffed,
        Measures today) {}
