package org.hanse.app.security;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Lets controllers take the request's {@link Principal} (API key or signed-in person) and {@link SignedInPerson} as parameters. */
@Configuration(proxyBeanMethods = false)
class PrincipalArgumentResolver implements WebMvcConfigurer, HandlerMethodArgumentResolver {

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Principal.class || parameter.getParameterType() == SignedInPerson.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binderFactory) {
        if (parameter.getParameterType() == SignedInPerson.class) {
            return signedIn().orElseThrow(() -> new org.hanse.app.web.ForbiddenException("sign in first"));
        }
        Object principal = request.getAttribute(ApiKeyFilter.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (principal != null) {
            return principal;
        }
        // A page request: the signed-in person acts as their node (or as the operator), checked by the same services.
        return signedIn().map(SignedInPerson::principal).orElseThrow(
                () -> new org.hanse.app.web.ForbiddenException("sign in first"));
    }

    static java.util.Optional<SignedInPerson> signedIn() {
        var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInPerson person
                ? java.util.Optional.of(person) : java.util.Optional.empty();
    }
}
