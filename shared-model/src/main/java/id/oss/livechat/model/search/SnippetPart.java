package id.oss.livechat.model.search;

/** A piece of a search snippet: plain text, and whether it is a word the search matched. */
public record SnippetPart(String text, boolean match) {}
