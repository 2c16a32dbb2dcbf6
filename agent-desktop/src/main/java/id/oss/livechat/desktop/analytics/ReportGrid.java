package id.oss.livechat.desktop.analytics;

import id.oss.livechat.desktop.i18n.Localization;
import id.oss.livechat.model.analytics.Measures;
import id.oss.livechat.model.analytics.ReportRow;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The charts over the chosen range: chats and times per day, or per hour when the range is one day;
 * per department (chats, abandoned, left messages, and the average wait); per agent.
 */
final class ReportGrid extends GridPane {
    private final AnalyticsCharts charts;
    private final Localization i18n;

    ReportGrid(AnalyticsViewModel viewModel, Localization i18n) {
        this.charts = new AnalyticsCharts(i18n);
        this.i18n = i18n;
        setHgap(12);
        setVgap(12);
        for (int i = 0; i < 2; i++) {
            ColumnConstraints half = new ColumnConstraints();
            half.setPercentWidth(50);
            getColumnConstraints().add(half);
        }
        String sessions = i18n.text("analytics.sessions");

        // days, or the hours of the one day chosen: the same place, one shown at a time
        VBox perDay =
                card(sessionsChart("chart-per-day", "analytics.chart.perDay", viewModel.perDay()));
        VBox timesPerDay =
                card(timesChart("chart-times", "analytics.chart.times", viewModel.perDay()));
        BarChart<String, Number> hours =
                sessionsChart("chart-per-hour", "analytics.chart.perHour", viewModel.perHour());
        hours.setCategoryGap(4); // 24 hours in half the pane: bars, not hairlines
        VBox perHour = card(hours);
        VBox timesPerHour =
                card(
                        timesChart(
                                "chart-times-per-hour",
                                "analytics.chart.timesPerHour",
                                viewModel.perHour()));
        for (VBox card : List.of(perHour, timesPerHour)) {
            card.visibleProperty().bind(viewModel.byHourProperty());
            card.managedProperty().bind(viewModel.byHourProperty());
        }
        for (VBox card : List.of(perDay, timesPerDay)) {
            card.visibleProperty().bind(viewModel.byHourProperty().not());
            card.managedProperty().bind(viewModel.byHourProperty().not());
        }
        add(perDay, 0, 0);
        add(perHour, 0, 0);
        add(timesPerDay, 1, 0);
        add(timesPerHour, 1, 0);

        BarChart<String, Number> perDepartment =
                charts.countChart(i18n.text("analytics.chart.perDepartment"));
        perDepartment.setId("chart-per-department");
        perDepartment.setCategoryGap(40);
        charts.follow(
                viewModel.perDepartment(),
                perDepartment,
                List.of(
                        AnalyticsCharts.count(sessions, Measures::sessions),
                        AnalyticsCharts.count(
                                i18n.text("analytics.abandoned"), Measures::abandoned),
                        AnalyticsCharts.count(
                                i18n.text("analytics.leftMessages"), Measures::leftMessages)));
        add(card(perDepartment), 0, 1);

        BarChart<String, Number> waitPerDepartment =
                new BarChart<>(new CategoryAxis(), minutesAxis());
        waitPerDepartment.setTitle(i18n.text("analytics.chart.waitPerDepartment"));
        waitPerDepartment.setId("chart-wait-per-department");
        waitPerDepartment.setAnimated(false);
        waitPerDepartment.setCategoryGap(60);
        charts.follow(
                viewModel.perDepartment(),
                waitPerDepartment,
                List.of(
                        new AnalyticsCharts.Series(
                                i18n.text("analytics.avgWait"),
                                m -> AnalyticsCharts.minutes(m.avgWaitSeconds()))));
        add(card(waitPerDepartment), 1, 1);

        BarChart<String, Number> perAgent =
                charts.countChart(i18n.text("analytics.chart.perAgent"));
        perAgent.setId("chart-per-agent");
        perAgent.setCategoryGap(60);
        charts.follow(
                viewModel.perAgent(),
                perAgent,
                List.of(AnalyticsCharts.count(sessions, Measures::sessions)));
        add(card(perAgent), 0, 2, 2, 1);
    }

    private BarChart<String, Number> sessionsChart(
            String id, String titleKey, ObservableList<ReportRow> rows) {
        BarChart<String, Number> chart = charts.countChart(i18n.text(titleKey));
        chart.setId(id);
        charts.follow(
                rows,
                chart,
                List.of(
                        AnalyticsCharts.count(
                                i18n.text("analytics.sessions"), Measures::sessions)));
        return chart;
    }

    private LineChart<String, Number> timesChart(
            String id, String titleKey, ObservableList<ReportRow> rows) {
        LineChart<String, Number> chart = new LineChart<>(new CategoryAxis(), minutesAxis());
        chart.setTitle(i18n.text(titleKey));
        chart.setId(id);
        chart.setAnimated(false);
        charts.follow(
                rows,
                chart,
                List.of(
                        new AnalyticsCharts.Series(
                                i18n.text("analytics.avgWait"),
                                m -> AnalyticsCharts.minutes(m.avgWaitSeconds())),
                        new AnalyticsCharts.Series(
                                i18n.text("analytics.firstResponse"),
                                m -> AnalyticsCharts.minutes(m.avgFirstResponseSeconds()))));
        return chart;
    }

    private NumberAxis minutesAxis() {
        NumberAxis axis = new NumberAxis();
        axis.setLabel(i18n.text("analytics.minutes"));
        return axis;
    }

    private static VBox card(XYChart<String, Number> chart) {
        chart.setPrefHeight(280);
        chart.setLegendVisible(chart.getData().size() > 1 || chart instanceof LineChart);
        VBox card = new VBox(chart);
        card.getStyleClass().add("card");
        VBox.setVgrow(chart, Priority.ALWAYS);
        return card;
    }
}
