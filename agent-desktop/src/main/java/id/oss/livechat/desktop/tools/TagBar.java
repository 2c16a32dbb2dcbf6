package id.oss.livechat.desktop.tools;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.tagging.Tag;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The chat's tags in its header: each tag as a chip, and a menu of the tags admins defined to give
 * or take one away. Follows the chat on screen ({@link ChatTagsViewModel}).
 */
public final class TagBar extends HBox {
    private final ChatTagsViewModel viewModel;
    private final Localization i18n;
    private final FlowPane chips = new FlowPane(4, 4);
    private final MenuButton menu;

    public TagBar(ChatTagsViewModel viewModel, Localization i18n) {
        super(6);
        this.viewModel = viewModel;
        this.i18n = i18n;
        setAlignment(Pos.CENTER_RIGHT);
        getStyleClass().add("tag-bar");
        chips.setId("chat-tags");
        chips.setAlignment(Pos.CENTER_RIGHT);
        chips.setPrefWrapLength(260);
        menu = new MenuButton(i18n.text("tags.menu"));
        menu.setId("tag-menu");
        menu.setTooltip(new Tooltip(i18n.text("tags.menu.tooltip")));
        menu.setMinWidth(Region.USE_PREF_SIZE);
        // rebuilt as it opens: the chat's tags and the defined ones may both have changed
        menu.setOnShowing(e -> fillMenu());
        menu.disableProperty().bind(viewModel.sessionIdProperty().isNull());
        viewModel.tags().addListener((ListChangeListener<Tag>) change -> showChips());
        getChildren().addAll(chips, menu);
        showChips();
    }

    private void fillMenu() {
        menu.getItems().clear();
        if (viewModel.offered().isEmpty()) {
            CheckMenuItem none = new CheckMenuItem(i18n.text("tags.none"));
            none.setDisable(true);
            menu.getItems().add(none);
            return;
        }
        for (Tag tag : viewModel.offered()) {
            CheckMenuItem item = new CheckMenuItem(DeskLabels.label(tag, i18n));
            item.setId("tag-" + tag.code());
            item.setSelected(viewModel.has(tag.code()));
            item.setOnAction(e -> viewModel.toggle(tag.code()));
            menu.getItems().add(item);
        }
    }

    private void showChips() {
        chips.getChildren().clear();
        for (Tag tag : viewModel.tags()) {
            Label chip = new Label(DeskLabels.label(tag, i18n));
            chip.getStyleClass().add("tag-chip");
            chips.getChildren().add(chip);
        }
    }
}
