/**
 * The problems panel: what the live check finds and why the last run failed (kind "run"); a click selects the node
 * and option. FX thread only.
 */
package sluice.app.problems;
