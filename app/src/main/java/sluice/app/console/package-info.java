/** The console panel: what console sinks print, exactly as the command line prints it, bounded. FX thread only. */
package sluice.app.console;
