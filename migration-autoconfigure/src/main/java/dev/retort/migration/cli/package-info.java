/**
 * The {@code migrate} command line: {@code java -jar app.jar migrate <command>} runs one
 * command through the application's migrator, without its web server, and exits with the
 * command's code. Each command is one {@link dev.retort.migration.cli.MigrateSubcommand}
 * class, registered in one line of {@code MigrateCommand.commandLine}.
 */
package dev.retort.migration.cli;
