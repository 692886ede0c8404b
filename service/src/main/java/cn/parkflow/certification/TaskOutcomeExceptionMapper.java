package cn.parkflow.certification;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

/**
 * The engine wraps what a task listener throws, and the REST API wraps that again as a 500; a
 * refused task outcome ({@link TaskOutcome}) should still reach the Tasklist or REST client as a
 * 400 with its Chinese message. Everything else is answered exactly as Camunda's handler answers it.
 */
public class TaskOutcomeExceptionMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BadUserRequestException refused) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "BadUserRequestException", "message", refused.getMessage()))
                        .build();
            }
        }
        return camunda.toResponse(exception);
    }

    /**
     * The engine REST API's Jersey application, as the starter configures it, with this mapper in
     * place of Camunda's RestException handler (which it calls for everything else).
     */
    @Component
    static class EngineRestConfiguration extends CamundaJerseyResourceConfig {
        @Override
        protected void registerCamundaRestResources() {
            registerClasses(CamundaRestResources.getResourceClasses());
            Set<Class<?>> configuration = new HashSet<>(CamundaRestResources.getConfigurationClasses());
            configuration.remove(RestExceptionHandler.class);
            registerClasses(configuration);
            register(TaskOutcomeExceptionMapper.class);
            register(JacksonFeature.class);
        }
    }
}
