package io.github.manifoldmixup.samples;

import io.github.manifoldmixup.samples.cli.BenchCommand;
import io.github.manifoldmixup.samples.cli.BlendCommand;
import io.github.manifoldmixup.samples.cli.CompareCommand;
import io.github.manifoldmixup.samples.cli.SpiralsCommand;
import io.github.manifoldmixup.samples.cli.TrainCommand;
import java.io.IOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The samples' command-line program: {@code train}, {@code compare}, {@code spirals}, and the
 * benchmarks {@code bench} and {@code blend}. Run {@code mixup-samples help <command>} for the
 * options of each.
 */
@Command(
        name = "mixup-samples",
        mixinStandardHelpOptions = true,
        description = "Manifold mixup for DJL: training runs on Fashion-MNIST and two spirals.",
        subcommands = {
            TrainCommand.class,
            CompareCommand.class,
            SpiralsCommand.class,
            BenchCommand.class,
            BlendCommand.class,
            CommandLine.HelpCommand.class
        })
public final class MixupSamples implements Runnable {

    @Spec CommandSpec spec;

    /**
     * Runs the program; exits with a non-zero status on failure.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        int status = commandLine().execute(args);
        if (status != 0) {
            System.exit(status);
        }
    }

    /**
     * Returns the program's command line, ready to execute.
     *
     * @return the command line
     */
    public static CommandLine commandLine() {
        return new CommandLine(new MixupSamples())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(
                        (exception, commandLine, parseResult) -> {
                            if (exception instanceof IllegalArgumentException
                                    || exception instanceof IOException) {
                                commandLine.getErr().println("error: " + exception.getMessage());
                                return 2;
                            }
                            throw exception;
                        });
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
