/**
 * Small JSON documents (pipeline files, checkpoint and file logs, progress lines) as plain Java values, read and
 * written with Jackson's streaming parser and generator. Data binding is left out on purpose: building an
 * {@code ObjectMapper} costs the command line about a fifth of a second on every run. Stateless; any thread.
 */
package sluice.engine.json;
