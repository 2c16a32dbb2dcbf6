package id.oss.livechat.bench.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What the suite found, written as docs/BENCHMARKS.md. */
public final class Report {
    /** One figure of a scenario beside its baseline's. */
    public record Row(
            String scenario,
            String figure,
            double value,
            String baseline,
            double baselineValue,
            String unit) {}

    public record Goal(String goal, String measured, boolean met, String note) {}

    public final List<Row> rows = new ArrayList<>();
    public final List<Goal> goals = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();

    public void row(
            String scenario,
            String figure,
            double value,
            String baseline,
            double baselineValue,
            String unit) {
        rows.add(new Row(scenario, figure, value, baseline, baselineValue, unit));
    }

    public void goal(String goal, String measured, boolean met, String note) {
        goals.add(new Goal(goal, measured, met, note));
    }

    public void note(String text) {
        notes.add(text);
    }

    /** Formats a figure into a report's text the same way on every machine (a dot decimal). */
    public static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "—";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    public String markdown(String header) {
        StringBuilder out = new StringBuilder(header);
        out.append("\n## Figures\n\n");
        out.append("| scenario | figure | server | baseline | baseline figure | ratio |\n");
        out.append("| --- | --- | ---: | --- | ---: | ---: |\n");
        for (Row r : rows) {
            String ratio =
                    Double.isNaN(r.value())
                                    || Double.isNaN(r.baselineValue())
                                    || r.baselineValue() == 0
                            ? "—"
                            : String.format(Locale.ROOT, "%.2f×", r.value() / r.baselineValue());
            out.append("| ")
                    .append(r.scenario())
                    .append(" | ")
                    .append(r.figure())
                    .append(" | ")
                    .append(num(r.value()))
                    .append(' ')
                    .append(r.unit())
                    .append(" | ")
                    .append(r.baseline())
                    .append(" | ")
                    .append(
                            Double.isNaN(r.baselineValue())
                                    ? "—"
                                    : num(r.baselineValue()) + " " + r.unit())
                    .append(" | ")
                    .append(ratio)
                    .append(" |\n");
        }
        out.append("\n## Goals (issues 9 and 21)\n\n");
        out.append(
                "| goal | measured | met? | by how much, and why |\n| --- | --- | --- | --- |\n");
        for (Goal g : goals) {
            out.append("| ")
                    .append(g.goal())
                    .append(" | ")
                    .append(g.measured())
                    .append(" | ")
                    .append(g.met() ? "**met**" : "**missed**")
                    .append(" | ")
                    .append(g.note())
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append("\n## Notes from this run\n\n");
            for (String n : notes) {
                out.append("- ").append(n).append('\n');
            }
        }
        return out.toString();
    }
}
