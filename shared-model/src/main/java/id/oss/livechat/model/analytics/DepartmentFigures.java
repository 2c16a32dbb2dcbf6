package id.oss.livechat.model.analytics;

import id.oss.livechat.model.visitor.DepartmentRef;

/** A department's live figures on the dashboard, with its measures of today. */
public record DepartmentFigures(
        DepartmentRef department, long waiting, long active, long agentsOnline, Measures today) {}
