/**
 * The {@code migrate} command line: {@code java -jar app.jar migrate <command>} runs one
 * command through the application's migrator, without its web server, and exits with the
 * command's code.
 */
package dev.retort.migration.cli;
