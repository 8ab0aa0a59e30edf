/**
 * Entity fixtures for autogenerate's false-positive scenarios: one class per case of
 * AUTOGENERATE.md's table, its entities nested, so that each scenario's Metadata holds
 * just its own.
 */
package dev.retort.migration.autogenerate.cases;
