package id.oss.livechat.model.visitor;

import java.util.UUID;

/** The OSS user the browser was linked to, and how many of the browser's sessions moved to it. */
public record LinkUserResponse(
        UUID chatUserId, String ossUserId, String email, boolean isAnonymous, int sessionsMoved) {}
