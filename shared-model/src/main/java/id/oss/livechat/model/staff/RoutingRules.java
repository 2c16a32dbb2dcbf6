package id.oss.livechat.model.staff;

import java.util.List;

/** {@code GET|PUT /api/routing-rules}: the rules in the order they are tried; the first wins. */
public record RoutingRules(List<RoutingRule> rules) {}
