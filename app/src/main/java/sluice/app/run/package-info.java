/**
 * Running the pipeline from the window: {@link sluice.app.run.RunSession} (start, pause, step, stop on the embedded
 * engine), the bounded {@link sluice.app.run.BatchFeed} that carries snapshots and progress from the query thread to
 * the JavaFX thread (dropping the oldest when full), and the {@link sluice.app.run.FeedPump} that drains a few events
 * per pulse into the views. The engine never waits for the window.
 */
package sluice.app.run;
