package id.oss.livechat.desktop.analytics;

/** Whether the pane has figures to show. */
public enum Availability {
    LOADING,
    READY,
    /** The server has no analytics (404): an older server, or the feature is off. */
    NOT_AVAILABLE,
    FAILED
}
