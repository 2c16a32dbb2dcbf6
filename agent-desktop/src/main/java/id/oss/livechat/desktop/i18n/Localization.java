package id.oss.livechat.desktop.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The app's texts in the chosen language. Indonesian is the default: the help desk and most
 * visitors work in it. Views re-read the texts when the language changes, so nothing needs a
 * restart.
 */
public final class Localization {
    private static final String BUNDLE = "id.oss.livechat.desktop.i18n.messages";
    private static final System.Logger LOG = System.getLogger(Localization.class.getName());

    private final ReadOnlyObjectWrapper<AppLanguage> language;
    private ResourceBundle bundle;

    public Localization(AppLanguage language) {
        this.language = new ReadOnlyObjectWrapper<>(language);
        this.bundle = load(language);
    }

    public ReadOnlyObjectProperty<AppLanguage> languageProperty() {
        return language.getReadOnlyProperty();
    }

    public AppLanguage language() {
        return language.get();
    }

    public void setLanguage(AppLanguage next) {
        bundle = load(next);
        language.set(next);
    }

    public Locale locale() {
        return language.get().locale();
    }

    /** Whether the bundle has a text for {@code key} (server codes are mapped only when known). */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** The text for {@code key}, with {@code {0}}-style arguments filled in. */
    public String text(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            // a missing text must not break a screen: show the key, and say so in the log
            LOG.log(System.Logger.Level.WARNING, "missing text " + key);
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        return new MessageFormat(pattern, locale()).format(args);
    }

    private static ResourceBundle load(AppLanguage language) {
        // no fallback to the JVM's locale: the bundle for each language is complete
        return ResourceBundle.getBundle(
                BUNDLE,
                language.locale(),
                ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
