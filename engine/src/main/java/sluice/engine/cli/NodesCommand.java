package sluice.engine.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import sluice.engine.plan.NodeCatalog;

/** {@code sluice nodes}: prints the reference of every node type and option, as Markdown (the README's section). */
@Command(name = "nodes", mixinStandardHelpOptions = true,
        description = "Prints every node type and its options as a Markdown reference.")
final class NodesCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(NodeReference.markdown(NodeCatalog.standard()));
        spec.commandLine().getOut().flush();
        return ExitCode.OK;
    }
}
