package sluice.app.run;

/** Where a run is. */
public enum RunState {
    IDLE("Ready"), STARTING("Starting"), RUNNING("Running"), PAUSED("Paused"), FINISHED("Finished"),
    FAILED("Failed");

    private final String label;

    RunState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isActive() {
        return this == STARTING || this == RUNNING || this == PAUSED;
    }
}
