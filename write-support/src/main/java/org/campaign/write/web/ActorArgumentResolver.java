package org.campaign.write.web;

import org.campaign.contracts.Actor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Fills {@link Acting} controller parameters; a request without both identity headers is refused with 400. */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Acting.class.equals(parameter.getParameterType());
    }

    @Override
    public Acting resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory)
            throws MissingRequestHeaderException {
        String user = required(request, Acting.USER_HEADER, parameter);
        String agency = required(request, Acting.AGENCY_HEADER, parameter);
        return new Acting(new Actor(user, agency), request.getHeader(Acting.CORRELATION_HEADER));
    }

    private static String required(NativeWebRequest request, String header, MethodParameter parameter)
            throws MissingRequestHeaderException {
        String value = request.getHeader(header);
        if (value == null || value.isBlank()) {
            throw new MissingRequestHeaderException(header, parameter);
        }
        return value.trim();
    }
}
