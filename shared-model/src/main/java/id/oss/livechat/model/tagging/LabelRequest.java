package id.oss.livechat.model.tagging;

/**
 * Creating ({@code POST}: {@code code}, {@code label_id}, {@code label_en}) or changing ({@code
 * PUT} by code: the labels and {@code active}; the code never changes) a tag or a close reason.
 */
public record LabelRequest(String code, String labelId, String labelEn, Boolean active) {}
