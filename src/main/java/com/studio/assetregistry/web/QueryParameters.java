package com.studio.assetregistry.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses, before the endpoint runs, a query parameter the endpoint does not take, and one given more than once, each
 * with a 400 problem naming it. Spring would ignore the first (so {@code POST /assets/load?dry-run=true} ran a real
 * load), and bind the second as it can: text joined with commas ({@code ?asset=a&asset=b} looked up the asset
 * {@code a,b}), numbers and booleans by their first value.
 * <p>
 * Reads the query string itself: asking the request for its parameters would make the container parse a multipart
 * body first (an upload's form fields are checked by {@link LoadController} as it reads the parts). Only this
 * package's REST controllers, and only the request's own dispatch (not an error's). A cache-busting parameter
 * ({@code ?_=1}) is refused too: the API's answers say how long they may be kept.
 */
final class QueryParameters implements HandlerInterceptor {

    private final DefaultParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().isAnnotationPresent(RestController.class)
                || !method.getBeanType().getPackageName().equals(QueryParameters.class.getPackageName())
                || ErrorController.class.isAssignableFrom(method.getBeanType())) {
            return true;
        }
        Set<String> takes = taken.computeIfAbsent(method.getMethod(), any -> requestParameters(method));
        count(request.getQueryString()).forEach((name, times) -> {
            if (!takes.contains(name)) {
                throw new BadParameterException(name, "unknown parameter '" + name + "': "
                        + (takes.isEmpty() ? "this endpoint takes none" : "this endpoint takes "
                        + String.join(", ", takes)));
            }
            if (times > 1) {
                throw new BadParameterException(name, name + " is given " + times + " times; give it once");
            }
        });
        return true;
    }

    /** The names of the endpoint's {@code @RequestParam}s: the annotation's, or else the Java parameter's. */
    private Set<String> requestParameters(HandlerMethod method) {
        Set<String> takes = new LinkedHashSet<>();
        for (MethodParameter parameter : method.getMethodParameters()) {
            RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
            if (annotation != null) {
                parameter.initParameterNameDiscovery(names);
                takes.add(annotation.name().isEmpty() ? parameter.getParameterName() : annotation.name());
            }
        }
        return takes;
    }

    /** Each parameter name of a query string, decoded, with how many times it appears, in order. */
    private static Map<String, Integer> count(String query) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        if (query == null) {
            return counts;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            try {
                name = URLDecoder.decode(name, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) { // a broken %-escape: named as written
            }
            counts.merge(name, 1, Integer::sum);
        }
        return counts;
    }
}
