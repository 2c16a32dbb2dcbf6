package id.oss.livechat.desktop.analytics;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.analytics.Measures;
import id.oss.livechat.model.analytics.ReportRow;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.WeakListChangeListener;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.util.StringConverter;

/** The analytics pane's charts: report rows into series, counts on whole-number axes. */
final class AnalyticsCharts {
    /** The agent group of chats no agent served (abandoned ones), as the server keys it. */
    static final String NO_AGENT_KEY = "none";

    private final Localization i18n;

    AnalyticsCharts(Localization i18n) {
        this.i18n = i18n;
    }

    /** One line or bar set; {@code value} null means "nothing to show" (no chat that day). */
    record Series(String name, Function<Measures, Double> value) {}

    static Series count(String name, Function<Measures, Long> count) {
        return new Series(name, m -> (double) count.apply(m));
    }

    /** A bar chart of counts: sessions are whole, so is every tick of its axis. */
    BarChart<String, Number> countChart(String title) {
        NumberAxis y = new NumberAxis();
        y.setLabel(i18n.text("analytics.sessions"));
        y.setAutoRanging(false);
        y.setLowerBound(0);
        y.setMinorTickVisible(false);
        y.setTickLabelFormatter(
                new StringConverter<>() {
                    @Override
                    public String toString(Number value) {
                        return Long.toString(Math.round(value.doubleValue()));
                    }

                    @Override
                    public Number fromString(String text) {
                        return Long.parseLong(text);
                    }
                });
        fitCounts(y, 0);
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), y);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.setCategoryGap(14);
        return chart;
    }

    /**
     * The rows' labels, each once: two departments (or agents) may share a name, and a category
     * axis refuses a name twice, so a repeated one is numbered ("Layanan Umum (2)").
     */
    private List<String> distinctLabels(List<ReportRow> rows) {
        java.util.Set<String> taken = new java.util.HashSet<>();
        List<String> names = new java.util.ArrayList<>();
        for (ReportRow row : rows) {
            String name = label(row);
            for (int n = 2; !taken.add(name); n++) {
                name = label(row) + " (" + n + ")";
            }
            names.add(name);
        }
        return names;
    }

    /** Rebuilds the chart's series whenever the view-model's rows change. */
    void follow(ObservableList<ReportRow> rows, XYChart<String, Number> chart, List<Series> specs) {
        Runnable fill =
                () -> {
                    chart.getData().clear();
                    List<String> names = distinctLabels(rows);
                    if (chart.getXAxis() instanceof CategoryAxis axis) {
                        // every row on the axis, even one without a point (a day without chats)
                        axis.setAutoRanging(false);
                        axis.getCategories().setAll(names);
                        // a fixed axis no longer turns crowded labels by itself (a fortnight)
                        axis.setTickLabelRotation(rows.size() > 7 ? -90 : 0);
                    }
                    double max = 0;
                    for (Series spec : specs) {
                        XYChart.Series<String, Number> series = new XYChart.Series<>();
                        series.setName(spec.name());
                        for (int i = 0; i < rows.size(); i++) {
                            ReportRow row = rows.get(i);
                            Double value =
                                    row.measures() == null
                                            ? null
                                            : spec.value().apply(row.measures());
                            if (value != null) {
                                series.getData().add(new XYChart.Data<>(names.get(i), value));
                                max = Math.max(max, value);
                            }
                        }
                        chart.getData().add(series);
                    }
                    if (chart instanceof BarChart<String, Number>
                            && chart.getYAxis() instanceof NumberAxis axis
                            && !axis.isAutoRanging()) {
                        fitCounts(axis, max);
                    }
                };
        ListChangeListener<ReportRow> listener = change -> fill.run();
        chart.getProperties().put("rows-listener", listener); // the chart holds it strongly
        rows.addListener(new WeakListChangeListener<>(listener));
        fill.run();
    }

    /**
     * What a row is called on the axis: a day (keyed 2026-11-25) as "25 Nov" in the chosen
     * language; the chats no agent served in the chosen language, not the server's English.
     */
    String label(ReportRow row) {
        if (NO_AGENT_KEY.equals(row.key())) {
            return i18n.text("analytics.noAgent");
        }
        String label = row.label() != null && !row.label().isBlank() ? row.label() : row.key();
        try {
            return LocalDate.parse(label)
                    .format(DateTimeFormatter.ofPattern("d MMM", i18n.locale()));
        } catch (DateTimeParseException notADay) {
            return label;
        }
    }

    /** Seconds as minutes with one decimal; null stays null (no point rather than a false 0). */
    static Double minutes(Double seconds) {
        return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
    }

    /** 0 to a little above {@code max}, in steps of 1, 2, 5, 10, 20, 50 … (at most 8 of them). */
    static void fitCounts(NumberAxis axis, double max) {
        long top = Math.max(1, (long) Math.ceil(max));
        long unit = 1;
        while (top / unit > 8) {
            unit = nextStep(unit);
        }
        axis.setTickUnit(unit);
        axis.setUpperBound((top / unit + 1) * (double) unit);
    }

    private static long nextStep(long unit) {
        long decade = 1;
        while (decade * 10 <= unit) {
            decade *= 10;
        }
        long mantissa = unit / decade;
        return mantissa == 1 ? 2 * decade : mantissa == 2 ? 5 * decade : 10 * decade;
    }
}
