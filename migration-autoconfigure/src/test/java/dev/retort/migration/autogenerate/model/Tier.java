package dev.retort.migration.autogenerate.model;

public enum Tier {

	FREE, PRO, ENTERPRISE

}
