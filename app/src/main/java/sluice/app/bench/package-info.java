/**
 * The UI responsiveness benchmark: a main that streams large batches through the real feed, pump, inspector, chart
 * and metrics views in a real window and reports the longest pulse, skipped batches and the heap. Not used by the app.
 */
package sluice.app.bench;
