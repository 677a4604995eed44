package sluice.app.properties;

import static java.util.Objects.requireNonNull;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.IndexRange;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import sluice.engine.diag.Position;
import sluice.engine.diag.Problem;
import sluice.engine.aggregate.AggregateCompiler;
import sluice.engine.diag.SluiceException;
import sluice.engine.expr.ExpressionCompiler;
import sluice.engine.expr.lex.SourceText;
import sluice.engine.expr.parse.Ast;
import sluice.engine.expr.parse.Parser;
import sluice.engine.types.Schema;

/**
 * FX thread only. A text field for one Spark SQL expression. It compiles the text against the node's input schema
 * on every keystroke (microseconds; never the whole pipeline), underlines the span the error points at, shows the
 * message below the field, and completes column and function names as you type or on Ctrl+Space. With no input
 * schema known yet it checks nothing and completes function names only. An aggregation field (an element of an
 * aggregate's list) checks its text as an aggregate function call and offers the aggregate functions first.
 */
public final class ExpressionField {
    private static final System.Logger LOG = System.getLogger(ExpressionField.class.getName());
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final ExpressionCompiler compiler = new ExpressionCompiler(ZoneId.systemDefault());
    private final AggregateCompiler aggregates = new AggregateCompiler(compiler);
    private final TextField field;
    private final Region mark = new Region();
    private final Label message = new Label();
    private final Tooltip tip = new Tooltip();
    private final VBox view;
    private final ReadOnlyObjectWrapper<Problem> problem = new ReadOnlyObjectWrapper<>(this, "problem");
    private final CompletionPopup completion;
    private String description = "";
    private Schema input;
    private Position where = Position.NOWHERE;
    private boolean allowStar;
    private boolean aggregation;
    /** Whether the text is a grouping key, which may also be a time window over a column. */
    private boolean grouping;
    private IndexRange span;
    private boolean bugLogged;

    public ExpressionField() {
        this(new TextField());
    }

    /** Decorates {@code field}, which the caller may already hold (a row of an expression list). */
    public ExpressionField(TextField field) {
        this.field = requireNonNull(field, "field is null");
        field.getStyleClass().add("expression-field");
        field.getProperties().put(ExpressionField.class, this);
        field.setTooltip(tip);
        mark.getStyleClass().add("expression-error-mark");
        mark.setManaged(false);
        mark.setMouseTransparent(true);
        Pane overlay = new Pane(mark) {
            @Override
            protected void layoutChildren() {
                placeMark(this);
            }
        };
        overlay.setMouseTransparent(true);
        overlay.setPickOnBounds(false);
        StackPane stack = new StackPane(field, overlay);
        field.setMaxWidth(Double.MAX_VALUE);
        message.getStyleClass().add("expression-message");
        message.setWrapText(true);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        view = new VBox(2, stack, message);
        view.getStyleClass().add("expression-box");
        completion = new CompletionPopup(field, this::columnNames);
        field.textProperty().addListener((obs, old, text) -> check());
        field.caretPositionProperty().addListener((obs, old, caret) -> overlay.requestLayout());
        field.widthProperty().addListener((obs, old, width) -> overlay.requestLayout());
        problem.addListener((obs, old, now) -> overlay.requestLayout());
    }

    public Node view() {
        return view;
    }

    public TextField textField() {
        return field;
    }

    /** The problem with the text as it stands, or null. */
    public ReadOnlyObjectProperty<Problem> problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** The characters the current problem points at, 0-based and end-exclusive, or null. */
    public IndexRange errorSpan() {
        return span;
    }

    /** The schema the expression reads; null when not known, which turns the check off. */
    public void setInputSchema(Schema schema) {
        input = schema;
        check();
    }

    /** The node and option reported with a problem. */
    public void setWhere(Position position) {
        where = requireNonNull(position, "position is null");
        check();
    }

    /** Whether a lone {@code *} (every input column, in a select) is fine. */
    public void setAllowStar(boolean allowed) {
        allowStar = allowed;
        check();
    }

    /** Whether the text is an aggregate function call such as {@code avg(Close) AS avg_close}. */
    public void setAggregation(boolean aggregation) {
        this.aggregation = aggregation;
        completion.offerAggregates(aggregation);
        check();
    }

    /**
     * Checks the text as an aggregation's grouping key: an expression, or Spark's {@code window(...)} or
     * {@code session_window(...)}, which exist only there and whose time column is checked here (their durations are
     * checked with the whole pipeline, in the problems panel).
     */
    public void setGrouping(boolean grouping) {
        this.grouping = grouping;
        check();
    }

    /** The tooltip when there is no problem. */
    public void setDescription(String text) {
        description = requireNonNull(text, "text is null");
        tip.setText(problem.get() == null ? description : tip.getText());
    }

    /** The expression field that decorates {@code field}, or null. */
    static ExpressionField of(TextField field) {
        return (ExpressionField) field.getProperties().get(ExpressionField.class);
    }

    CompletionPopup completion() {
        return completion;
    }

    private List<String> columnNames() {
        return input == null ? List.of() : new ArrayList<>(input.names());
    }

    private void check() {
        String text = field.getText() == null ? "" : field.getText();
        Problem found = null;
        if (input != null && !text.isBlank() && !(allowStar && text.trim().equals("*"))) {
            try {
                if (aggregation) {
                    aggregates.compile(text, input, where);
                } else if (grouping && timeWindow(text) != null) {
                    Ast.Call window = timeWindow(text);
                    if (!window.args().isEmpty()) {
                        compiler.compile(new SourceText(text, where), window.args().get(0), input);
                    }
                } else {
                    compiler.compile(text, input, where);
                }
            } catch (SluiceException e) {
                found = e.problem();
            } catch (RuntimeException e) {
                // A bug in the compiler, not the user's mistake: log it once and leave the field unmarked.
                if (!bugLogged) {
                    LOG.log(System.Logger.Level.ERROR, "checking an expression of " + where + " failed", e);
                    bugLogged = true;
                }
            }
        }
        span = found == null ? null : spanOf(text, found.where());
        problem.set(found);
        field.pseudoClassStateChanged(ERROR, found != null);
        message.setVisible(found != null);
        message.setText(found == null ? "" : at(found) + found.message());
        tip.setText(found == null ? description : at(found) + found.message());
    }

    /** The call to {@code window} or {@code session_window} that {@code text} is, or null. */
    private Ast.Call timeWindow(String text) {
        Ast expression = new Parser(new SourceText(text, where)).parseNamed().expression();
        return expression instanceof Ast.Call call && (call.function().equalsIgnoreCase("window")
                || call.function().equalsIgnoreCase("session_window")) ? call : null;
    }

    private static String at(Problem found) {
        Position p = found.where();
        return p.line() > 0 ? p.line() + ":" + p.column() + ": " : "";
    }

    /** From the problem's column to the end of the token there (a word, or a quoted literal); all text without one. */
    static IndexRange spanOf(String text, Position where) {
        if (text.isEmpty()) {
            return new IndexRange(0, 0);
        }
        if (where.line() == 0) {
            return new IndexRange(0, text.length());
        }
        int lineStart = 0;
        for (int line = 1; line < where.line(); line++) {
            int next = text.indexOf('\n', lineStart);
            if (next < 0) {
                break;
            }
            lineStart = next + 1;
        }
        int start = Math.min(text.length(), lineStart + Math.max(0, where.column() - 1));
        if (start == text.length()) {
            // The problem is at the end of the text (it stops too early): mark the last character.
            return new IndexRange(start - 1, start);
        }
        int end = start;
        char first = text.charAt(start);
        if (first == '\'' || first == '`' || first == '"') {
            int close = text.indexOf(first, start + 1);
            end = close < 0 ? text.length() : close + 1;
        } else {
            while (end < text.length() && isWordChar(text.charAt(end))) {
                end++;
            }
        }
        return new IndexRange(start, Math.max(end, start + 1));
    }

    static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private void placeMark(Pane overlay) {
        if (span == null || span.getLength() == 0 || !(field.getSkin() instanceof TextFieldSkin skin)) {
            mark.setVisible(false);
            return;
        }
        int length = field.getLength();
        Rectangle2D first = skin.getCharacterBounds(Math.min(span.getStart(), length));
        Rectangle2D last = skin.getCharacterBounds(Math.max(0, Math.min(span.getEnd(), length) - 1));
        double left = Math.max(first.getMinX(), field.snappedLeftInset());
        double right = Math.min(last.getMaxX(), field.getWidth() - field.snappedRightInset());
        if (right <= left) {
            mark.setVisible(false);
            return;
        }
        Point2D origin = overlay.sceneToLocal(field.localToScene(left, Math.min(first.getMaxY() + 1,
                field.getHeight() - 3)));
        mark.setVisible(true);
        mark.resizeRelocate(origin.getX(), origin.getY(), right - left, 2);
    }
}
