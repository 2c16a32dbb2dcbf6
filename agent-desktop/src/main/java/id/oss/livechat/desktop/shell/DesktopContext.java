package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.desktop.util.Background;
import id.oss.livechat.desktop.util.Scheduler;
import id.oss.livechat.desktop.util.Settings;
import id.oss.livechat.desktop.util.Sound;
import id.oss.livechat.desktop.util.UiThread;
import java.time.Clock;

/** Everything the screens need from outside, built once by the app (or by a test). */
public record DesktopContext(
        Ports ports,
        Localization i18n,
        Settings settings,
        UiThread ui,
        Background background,
        Scheduler scheduler,
        Clock clock,
        Sound sound,
        String version) {}
