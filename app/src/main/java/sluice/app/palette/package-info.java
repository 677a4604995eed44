/**
 * The palette: node types from the engine's catalog grouped as Sources, Transforms and Sinks, dragged onto the
 * canvas. FX thread only.
 */
package sluice.app.palette;
