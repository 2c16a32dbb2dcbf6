package id.oss.livechat.server.casecontext;

import id.oss.livechat.model.visitor.CaseContext;

/**
 * A case context as a chat received it. {@code verified}: its {@code context_hash} proves the
 * portal's backend signed it; only then may it route the chat.
 */
public record ReceivedContext(CaseContext context, boolean verified) {}
