/** The problems panel: the engine's validation problems, live; a click selects the node and option. FX thread only. */
package sluice.app.problems;
