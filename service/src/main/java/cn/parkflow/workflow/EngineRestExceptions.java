package cn.parkflow.workflow;

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
 * refused task outcome ({@link TaskRefusal}) should still reach the Tasklist or REST client as a
 * 400 with its Chinese message. Everything else is answered exactly as Camunda's handler answers it.
 */
public class EngineRestExceptions implements ExceptionMapper<RestException> {

    /** The engine's message when a new password breaks its password policy. */
    static final String PASSWORD_POLICY = "Password does not match policy";

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
        if (cn.parkflow.system.DatabaseFailures.unavailable(exception)) {
            return databaseUnavailable();
        }
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof BadUserRequestException refused) {
                return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                        .entity(Map.of("type", "BadUserRequestException", "message", refused.getMessage()))
                        .build();
            }
            if (t instanceof org.camunda.bpm.engine.ProcessEngineException e && PASSWORD_POLICY.equals(e.getMessage())) {
                return passwordPolicy();
            }
        }
        return camunda.toResponse(exception);
    }

    /** The engine's own exceptions, as Camunda answers them, but a broken password policy as a 400 in Chinese. */
    public static class EngineExceptionMapper implements ExceptionMapper<org.camunda.bpm.engine.ProcessEngineException> {

        private final org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler camunda =
                new org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(org.camunda.bpm.engine.ProcessEngineException exception) {
            if (PASSWORD_POLICY.equals(exception.getMessage())) {
                return passwordPolicy();
            }
            if (cn.parkflow.system.DatabaseFailures.unavailable(exception)) {
                return databaseUnavailable();
            }
            return camunda.toResponse(exception);
        }
    }

    static Response databaseUnavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.APPLICATION_JSON_TYPE).header("Retry-After", "10")
                .entity(Map.of("type", "DatabaseUnavailable", "message", cn.parkflow.system.DatabaseFailures.DETAIL))
                .build();
    }

    static Response passwordPolicy() {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "PasswordPolicyException", "message",
                        "密码不符合密码策略：至少10位，须含大写字母、小写字母、数字和符号，且不得包含用户名或姓名"))
                .build();
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
            configuration.remove(org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler.class);
            registerClasses(configuration);
            register(EngineRestExceptions.class);
            register(EngineExceptionMapper.class);
            register(JacksonFeature.class);
        }
    }
}
