/**
 * Live charts: the series of {@code sink.chart} nodes and the metrics of the running query, thinned to about one
 * point per pixel and redrawn at most once per pulse. FX thread only.
 */
package sluice.app.charts;
