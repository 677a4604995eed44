package sluice.app.run;

/** Where a run is. Finished: the stream ended by itself (available-now, a preview); stopped: the user ended it. */
public enum RunState {
    IDLE("Ready"), STARTING("Starting"), RUNNING("Running"), PAUSED("Paused"), FINISHED("Finished"),
    STOPPED("Stopped"), FAILED("Failed");

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
