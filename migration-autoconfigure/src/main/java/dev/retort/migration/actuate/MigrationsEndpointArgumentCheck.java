package dev.retort.migration.actuate;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.OperationType;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvoker;
import org.springframework.boot.actuate.endpoint.invoke.OperationInvokerAdvisor;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameter;
import org.springframework.boot.actuate.endpoint.invoke.OperationParameters;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * Refuses a command sent to {@code POST /actuator/migrations} with a key the endpoint
 * does not take, before it runs: Actuator maps the body's keys to the operation's
 * parameters by name and leaves the others out, so {@code "tagret"} for {@code "target"}
 * would otherwise upgrade to the heads. A {@code purge} other than {@code true} or
 * {@code false} is refused too: Spring's conversion would read {@code "yes"} or {@code 1}
 * as {@code true}.
 */
final class MigrationsEndpointArgumentCheck implements OperationInvokerAdvisor {

	private static final EndpointId MIGRATIONS = EndpointId.of("migrations");

	private static final Set<String> BOOLEANS = Set.of("true", "false");

	@Override
	public OperationInvoker apply(EndpointId endpointId, OperationType operationType, OperationParameters parameters,
			OperationInvoker invoker) {
		if (!MIGRATIONS.equals(endpointId) || operationType != OperationType.WRITE) {
			return invoker;
		}
		Set<String> known = parameters.stream().map(OperationParameter::getName).collect(Collectors.toSet());
		return (context) -> {
			List<String> unknown = context.getArguments()
				.keySet()
				.stream()
				.filter((key) -> !known.contains(key))
				.sorted()
				.toList();
			Object purge = context.getArguments().get("purge");
			if (purge != null && !BOOLEANS.contains(String.valueOf(purge))) {
				// Spring's conversion would read "yes", "on" or 1 as true
				return badRequest("Nothing was changed: purge takes true or false, not '" + purge + "'.");
			}
			if (unknown.isEmpty()) {
				return invoker.invoke(context);
			}
			Set<String> takes = new TreeSet<>(known);
			takes.remove("securityContext");
			String message = "Nothing was changed: the request has " + ((unknown.size() == 1) ? "a key" : "keys")
					+ " the endpoint does not take (" + String.join(", ", unknown) + "). Send only "
					+ String.join(", ", takes) + ", e.g. {\"command\":\"upgrade\",\"target\":\"heads\"}.";
			return badRequest(message);
		};
	}

	private static WebEndpointResponse<Object> badRequest(String message) {
		return new WebEndpointResponse<>(
				new MigrationsEndpoint.ErrorDescriptor(WebEndpointResponse.STATUS_BAD_REQUEST, message),
				WebEndpointResponse.STATUS_BAD_REQUEST);
	}

}
