/**
 * Turns the text of an expression or a DDL schema into {@link sluice.engine.expr.lex.Token}s with their
 * {@link sluice.engine.expr.lex.Span}s. Made by the {@link sluice.engine.expr.lex.Lexer}, consumed by the parsers;
 * {@link sluice.engine.expr.lex.SourceText} maps spans back to line and column for problems. Immutable, any thread.
 */
package sluice.engine.expr.lex;
