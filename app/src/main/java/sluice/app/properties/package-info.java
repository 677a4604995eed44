/**
 * The property sheet of the selected node: one editor per option kind, the option's description as tooltip, the
 * node's output schema, and an expression field that marks errors as you type and completes column and function
 * names. Each change is an edit. FX thread only.
 */
package sluice.app.properties;
