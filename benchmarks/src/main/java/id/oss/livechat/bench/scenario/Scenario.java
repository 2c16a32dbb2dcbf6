package id.oss.livechat.bench.scenario;

/**
 * One benchmark scenario: it measures the product and a baseline in the same run, and puts its
 * figures, goals and notes in the run's report. Figures are reported, never asserted.
 */
public interface Scenario {
    void run(ScenarioContext run);
}
