/**
 * Development tool, not product code: writes the deterministic files under the repository's {@code sample-data/}
 * that demos, docs and end-to-end tests read. {@link sluice.engine.sample.StockDataGenerator} is the entry point;
 * it walks {@link sluice.engine.sample.TradingCalendar} days with one {@link sluice.engine.sample.PriceWalk} per
 * {@link sluice.engine.sample.Ticker} and writes {@link sluice.engine.sample.LogMessages} as JSON lines.
 * Everything here runs on the one thread that calls {@code main}; {@code SampleDataTest} keeps the committed
 * files equal to what this package writes.
 */
package sluice.engine.sample;
