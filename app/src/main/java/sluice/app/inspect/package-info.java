/**
 * The batch inspector: the rows that crossed the selected node or edge, batch by batch, in a virtualized table with
 * typed, sortable columns, a bounded history, a filter, highlighted changes and copy as CSV. FX thread only.
 */
package sluice.app.inspect;
