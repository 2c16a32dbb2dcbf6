package id.oss.livechat.server.common;

/** Where a visitor's request came from (address, browser), kept with the visitor. */
public record ClientInfo(String ipAddress, String userAgent) {
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);

    public ClientInfo {
        ipAddress = Texts.truncate(ipAddress, 45);
        userAgent = Texts.truncate(userAgent, 1000);
    }
}
