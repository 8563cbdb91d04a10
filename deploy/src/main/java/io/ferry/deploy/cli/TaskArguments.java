package io.ferry.deploy.cli;

import io.ferry.deploy.task.TaskFile;
import io.ferry.deploy.task.TaskFileException;
import io.ferry.deploy.task.TaskFileParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The arguments of a task command: one task file and some flags; problems are usage errors (exit 2). */
final class TaskArguments {

    private final String command;
    private final List<String> flags;
    private final List<String> positional = new ArrayList<>();
    private final List<String> given = new ArrayList<>();

    private TaskArguments(String command, List<String> args, List<String> flags) {
        this.command = command;
        this.flags = flags;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                given.add(arg);
            } else {
                positional.add(arg);
            }
        }
    }

    static TaskArguments of(String command, List<String> args, String... flags) {
        return new TaskArguments(command, args, List.of(flags));
    }

    boolean flag(String name) {
        return given.contains(name);
    }

    /** The parsed task file, or empty after printing why it cannot be used. */
    Optional<TaskFile> task(PrintStream err) {
        for (String flag : given) {
            if (!flags.contains(flag)) {
                err.println("ferry " + command + ": unknown option " + flag
                        + (flags.isEmpty() ? "" : " (options: " + String.join(", ", flags) + ")"));
                return Optional.empty();
            }
        }
        if (positional.size() != 1) {
            err.println("ferry " + command + " takes one task file" + (positional.isEmpty() ? "" : ", got "
                    + positional));
            return Optional.empty();
        }
        Path file = Path.of(positional.get(0));
        try {
            return Optional.of(TaskFileParser.parse(file));
        } catch (TaskFileException e) {
            err.println("ferry " + command + ": " + file + ": " + e.getMessage());
            return Optional.empty();
        }
    }
}
