package id.oss.livechat.server.common;

/** Where a visitor's request came from, kept with the visitor as the seed does. */
public record ClientInfo(String ipAddress, String userAgent) {
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);

    public ClientInfo {
        ipAddress = Texts.truncate(ipAddress, 45);
        userAgent = Texts.truncate(userAgent, 1000);
    }
}
