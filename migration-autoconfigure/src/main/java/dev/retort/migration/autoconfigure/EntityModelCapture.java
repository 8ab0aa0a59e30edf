package dev.retort.migration.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.retort.migration.autogenerate.EntityModel;
import dev.retort.migration.autogenerate.HibernateModel;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;

import org.springframework.beans.BeanUtils;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.util.ClassUtils;

/**
 * Captures the application's entity model while Hibernate boots: an {@link Integrator},
 * registered through {@code hibernate.integrator_provider} next to any provider the
 * application already set, copies what autogenerate compares out of the boot
 * {@link Metadata} (whose objects are not meant to outlive boot).
 */
public class EntityModelCapture implements HibernatePropertiesCustomizer, Integrator {

	private volatile EntityModel model;

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		List<Integrator> integrators = new ArrayList<>(
				existing(hibernateProperties.get(JpaSettings.INTEGRATOR_PROVIDER)));
		integrators.add(this);
		List<Integrator> all = List.copyOf(integrators);
		hibernateProperties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> all);
	}

	private static List<Integrator> existing(Object setting) {
		if (setting == null) {
			return List.of();
		}
		if (setting instanceof IntegratorProvider provider) {
			return provider.getIntegrators();
		}
		try {
			Class<?> type = (setting instanceof Class<?> given) ? given
					: ClassUtils.forName(setting.toString(), ClassUtils.getDefaultClassLoader());
			return ((IntegratorProvider) BeanUtils.instantiateClass(type)).getIntegrators();
		}
		catch (ClassNotFoundException | ClassCastException ex) {
			throw new IllegalStateException(JpaSettings.INTEGRATOR_PROVIDER + " names " + setting
					+ ", which is not an IntegratorProvider Retort can chain to: give an IntegratorProvider instance or class.",
					ex);
		}
	}

	@Override
	public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
			SessionFactoryImplementor sessionFactory) {
		// no entity is no model: compared, it would say to drop every table there is
		this.model = metadata.getEntityBindings().isEmpty() ? null : HibernateModel.read(metadata);
	}

	/** The entity model, once Hibernate has booted. */
	public Optional<EntityModel> model() {
		return Optional.ofNullable(this.model);
	}

}
