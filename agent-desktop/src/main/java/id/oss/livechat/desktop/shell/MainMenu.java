package id.oss.livechat.desktop.shell;

import id.oss.livechat.desktop.i18n.AppLanguage;
import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.AgentStatus;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The menu bar. Every frequent action has a shortcut here; the menus show them, so agents learn
 * them by looking.
 */
final class MainMenu extends MenuBar {
    // key codes, not names: "Shortcut+Page_Down" parses as a character and never fires
    static final KeyCombination NEXT_CHAT =
            new KeyCodeCombination(KeyCode.PAGE_DOWN, KeyCombination.SHORTCUT_DOWN);
    static final KeyCombination PREVIOUS_CHAT =
            new KeyCodeCombination(KeyCode.PAGE_UP, KeyCombination.SHORTCUT_DOWN);

    MainMenu(
            MainViewModel viewModel, Localization i18n, MainView view, Runnable onLanguageChanged) {
        Menu chat = new Menu(i18n.text("menu.chat"));
        chat.getItems()
                .addAll(
                        item(
                                i18n.text("menu.takeNext"),
                                "Shortcut+N",
                                () -> viewModel.queue().takeNext()),
                        new SeparatorMenuItem(),
                        item(i18n.text("menu.focusComposer"), "Shortcut+L", view::focusComposer),
                        item(i18n.text("menu.transfer"), "Shortcut+T", view::transferChat),
                        item(i18n.text("menu.close"), "Shortcut+W", view::closeChat),
                        new SeparatorMenuItem(),
                        item(i18n.text("menu.search"), "Shortcut+F", view::focusSearch),
                        item(
                                i18n.text("menu.cannedReplies"),
                                "Shortcut+Shift+R",
                                view::manageCannedReplies),
                        new SeparatorMenuItem(),
                        item(
                                i18n.text("menu.nextChat"),
                                NEXT_CHAT,
                                () -> viewModel.chats().selectNext()),
                        item(
                                i18n.text("menu.previousChat"),
                                PREVIOUS_CHAT,
                                () -> viewModel.chats().selectPrevious()));
        Menu jump = new Menu(i18n.text("menu.jump"));
        for (int n = 1; n <= 9; n++) {
            int number = n;
            jump.getItems()
                    .add(
                            item(
                                    i18n.text("menu.jump.chat", n),
                                    "Shortcut+" + n,
                                    () -> viewModel.chats().selectNumber(number)));
        }
        chat.getItems().add(jump);

        Menu status = new Menu(i18n.text("menu.status"));
        status.getItems()
                .addAll(
                        item(
                                i18n.text("status.online"),
                                "Shortcut+Shift+O",
                                () -> viewModel.status().change(AgentStatus.ONLINE)),
                        item(
                                i18n.text("status.away"),
                                "Shortcut+Shift+A",
                                () -> viewModel.status().change(AgentStatus.AWAY)),
                        item(
                                i18n.text("status.offline"),
                                "Shortcut+Shift+F",
                                () -> viewModel.status().change(AgentStatus.OFFLINE)),
                        new SeparatorMenuItem(),
                        sound(viewModel, i18n),
                        new SeparatorMenuItem(),
                        item(i18n.text("menu.signOut"), "Shortcut+Shift+Q", view::signOut));

        Menu language = new Menu(i18n.text("menu.language"));
        ToggleGroup languages = new ToggleGroup();
        for (AppLanguage each : AppLanguage.values()) {
            RadioMenuItem option = new RadioMenuItem(each.nativeName());
            option.setToggleGroup(languages);
            option.setSelected(each == i18n.language());
            option.setOnAction(
                    e -> {
                        if (each != i18n.language()) {
                            i18n.setLanguage(each);
                            onLanguageChanged.run();
                        }
                    });
            language.getItems().add(option);
        }
        getMenus().addAll(chat, status, language);
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        return item(text, KeyCombination.keyCombination(shortcut), action);
    }

    private static MenuItem item(String text, KeyCombination shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        item.setAccelerator(shortcut);
        item.setOnAction(e -> action.run());
        return item;
    }

    /** The chime for new chats and messages while the window is in the background. */
    private static MenuItem sound(MainViewModel viewModel, Localization i18n) {
        CheckMenuItem sound = new CheckMenuItem(i18n.text("menu.sound"));
        sound.setId("sound-toggle");
        sound.selectedProperty().bindBidirectional(viewModel.attention().soundOnProperty());
        return sound;
    }
}
