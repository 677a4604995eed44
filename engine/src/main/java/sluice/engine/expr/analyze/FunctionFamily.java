package sluice.engine.expr.analyze;

import java.util.List;
import java.util.Set;
import sluice.engine.expr.parse.Ast;

/** A set of functions typed by one class: which names it types, and the typing of a call to one of them. */
interface FunctionFamily {
    /** The lower-case names this family types. */
    Set<String> names();

    /** The call, whose arguments are already typed, typed as the function {@code name} of this family. */
    Typed resolve(String name, Ast.Call call, List<Typed> args);
}
