package dev.retort.migration.autogenerate;

import java.util.List;

import javax.sql.DataSource;

import dev.retort.migration.autogenerate.model.Address;
import dev.retort.migration.autogenerate.model.Car;
import dev.retort.migration.autogenerate.model.CardPayment;
import dev.retort.migration.autogenerate.model.CashPayment;
import dev.retort.migration.autogenerate.model.Customer;
import dev.retort.migration.autogenerate.model.Document;
import dev.retort.migration.autogenerate.model.OrderLine;
import dev.retort.migration.autogenerate.model.Payment;
import dev.retort.migration.autogenerate.model.Product;
import dev.retort.migration.autogenerate.model.PurchaseOrder;
import dev.retort.migration.autogenerate.model.Vehicle;
import dev.retort.migration.schema.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Autogenerate against a real database: the revision it writes for a model brings the
 * database to the model, after which it finds nothing; the revision's downgrade brings
 * the database back to where it was.
 */
abstract class AutogenerateScenarios {

	static final List<Class<?>> EVERY_COMMON_MAPPING = List.of(Customer.class, Address.class, Product.class,
			Document.class, PurchaseOrder.class, OrderLine.class, Vehicle.class, Car.class, Payment.class,
			CardPayment.class, CashPayment.class);

	protected abstract DataSource dataSource();

	protected abstract String dialectName();

	@Test
	void aModelUsingEveryCommonMappingIsCleanAfterItsOwnRevision() {
		AutogenerateRoundTrip database = new AutogenerateRoundTrip(this::dataSource, dialectName());
		EntityModel model = database.model(EVERY_COMMON_MAPPING.toArray(Class<?>[]::new));
		SchemaDiff.Result first = database.compare(model);
		assertThat(first.upgrade()).isNotEmpty();
		Schema before = database.reflect();

		database.upgradeWith(first);

		assertThat(AutogenerateRoundTrip.describe(database.compare(model))).isEmpty();
		database.downgradeOne();
		assertThat(database.reflect()).isEqualTo(before);
	}

}
