package sluice.engine.plan;

import java.util.Optional;

/**
 * Makes the runtime piece of one node from its checked options. Reports user errors through
 * {@link NodeContext#problem} and returns empty when it cannot make the node.
 */
@FunctionalInterface
public interface NodeFactory {
    Optional<PlannedNode> plan(NodeContext context);
}
