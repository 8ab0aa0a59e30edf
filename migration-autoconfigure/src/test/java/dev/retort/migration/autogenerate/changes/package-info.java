/**
 * Entity fixtures for autogenerate's change scenarios: one class per scenario, holding
 * the entities before ({@code V1}) and after ({@code V2}) the change as nested classes,
 * so that each version's Metadata holds just its own entities.
 */
package dev.retort.migration.autogenerate.changes;
