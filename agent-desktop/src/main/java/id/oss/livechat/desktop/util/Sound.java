package id.oss.livechat.desktop.util;

/** A short, calm sound that says "something arrived". */
@FunctionalInterface
public interface Sound {
    void chime();
}
