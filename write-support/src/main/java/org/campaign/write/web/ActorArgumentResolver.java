package org.campaign.write.web;

import jakarta.servlet.http.HttpServletRequest;
import org.campaign.service.security.Caller;
import org.campaign.service.security.CallerResolver;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Fills {@link Acting} controller parameters; a request that names no caller is refused with 400. */
public class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final CallerResolver callers;

    public ActorArgumentResolver(CallerResolver callers) {
        this.callers = callers;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Acting.class.equals(parameter.getParameterType());
    }

    @Override
    public Acting resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest request, WebDataBinderFactory binderFactory)
            throws MissingRequestHeaderException {
        Caller caller = callers.resolve(request.getNativeRequest(HttpServletRequest.class));
        if (caller == null || caller.agencyId() == null) {
            throw new MissingRequestHeaderException(CallerResolver.USER_HEADER + " and "
                    + CallerResolver.AGENCY_HEADER, parameter);
        }
        return new Acting(caller, request.getHeader(Acting.CORRELATION_HEADER));
    }
}
