/**
 * The canvas: node views, edges drawn as curves with the last batch's row count, and one small class per gesture
 * (drop from the palette, connect, select, rubber band, move, pan and zoom). Every change goes through an edit.
 * FX thread only.
 */
package sluice.app.canvas;
