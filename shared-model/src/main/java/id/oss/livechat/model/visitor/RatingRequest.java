package id.oss.livechat.model.visitor;

/** {@code POST /api/oss-chat/session/:id/rating}: 1 to 5, once per closed session. */
public record RatingRequest(Integer rating, String comment) {}
