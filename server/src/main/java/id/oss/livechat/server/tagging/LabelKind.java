package id.oss.livechat.server.tagging;

/** The two lists admins keep: tags for chats, and the reasons a chat is closed for. */
public enum LabelKind {
    TAG("The tag"),
    CLOSE_REASON("The close reason");

    private final String what;

    LabelKind(String what) {
        this.what = what;
    }

    /** How refusals name one: "The tag was not found." */
    public String what() {
        return what;
    }
}
