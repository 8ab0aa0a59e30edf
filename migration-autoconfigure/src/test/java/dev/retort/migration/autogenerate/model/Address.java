package dev.retort.migration.autogenerate.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
public class Address {

	@Column(length = 200)
	String street;

	String city;

	@Column(name = "postal_code", length = 16)
	String postalCode;

}
