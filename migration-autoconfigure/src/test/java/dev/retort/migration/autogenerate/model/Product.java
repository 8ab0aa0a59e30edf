package dev.retort.migration.autogenerate.model;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "products")
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	Long id;

	@Column(nullable = false, unique = true, length = 40)
	String sku;

	@Column(nullable = false, precision = 10, scale = 2)
	BigDecimal price;

	double weight;

	float rating;

	short stock;

	char grade;

}
