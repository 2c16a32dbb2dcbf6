package id.oss.livechat.model.visitor;

import java.util.List;

/**
 * The citizen's case as the OSS portal knows it, passed when the widget starts a chat: the business
 * identification number ({@code nib}, 13 digits), the licence application's number, the KBLI codes
 * (5 digits each), the licence type and the province. Any of them may be missing.
 */
public record CaseContext(
        String nib,
        String applicationNumber,
        List<String> kbli,
        String licenceType,
        String province) {}
