package dev.retort.migration.autogenerate.model;

public enum Status {

	ACTIVE, SUSPENDED, CLOSED

}
