package com.studio.assetregistry.web;

import jakarta.servlet.MultipartConfigElement;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The REST API's servlet parts: the cross-site, access and size filters, in that order (a request without its token
 * is refused before its body is read), the health paths' filter, the query parameters' check, and the multipart limits of
 * uploads. Only in a web application: the command line never creates them.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiProperties.class)
class WebConfiguration {

    @Bean
    ProblemWriter problemWriter(JsonMapper jsonMapper) {
        return new ProblemWriter(jsonMapper);
    }

    /** First: what a page of another site makes a browser send is refused before anything else is asked of it. */
    @Bean
    FilterRegistrationBean<CrossSiteFilter> crossSiteFilter(ProblemWriter problemWriter, Environment environment) {
        var registration = new FilterRegistrationBean<>(new CrossSiteFilter(problemWriter,
                environment.getProperty("server.address")));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    @Bean
    FilterRegistrationBean<ApiAccessFilter> apiAccessFilter(ApiProperties properties, ProblemWriter problemWriter) {
        var registration = new FilterRegistrationBean<>(new ApiAccessFilter(properties, problemWriter));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    FilterRegistrationBean<BodySizeFilter> bodySizeFilter(ApiProperties properties, ProblemWriter problemWriter) {
        var registration = new FilterRegistrationBean<>(new BodySizeFilter(properties, problemWriter));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Only where the health endpoint is on. */
    @Bean
    FilterRegistrationBean<HealthPathFilter> healthPathFilter(ObjectProvider<HealthEndpoint> health,
                                                              ProblemWriter problemWriter) {
        HealthEndpoint endpoint = health.getIfAvailable();
        var registration = new FilterRegistrationBean<>(new HealthPathFilter(endpoint, problemWriter));
        registration.setEnabled(endpoint != null);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
        return registration;
    }

    /** The query parameters' check: a 400 for one the endpoint does not take, or one given twice. */
    @Bean
    WebMvcConfigurer queryParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new QueryParameters());
            }
        };
    }

    /** This server's spool directory, removed as it stops (after the loads, which depend on it). */
    @Bean(destroyMethod = "remove")
    SpoolDirectory spoolDirectory(ApiProperties properties) {
        return SpoolDirectory.create(properties.spoolDir());
    }

    /**
     * Lets the servlet container parse {@code multipart/form-data} uploads of {@code POST /assets/load}, to disk (no
     * part is held in memory) in the spool directory, up to the load size limit. Spring's own multipart resolution is
     * off ({@code spring.servlet.multipart.enabled=false}): only the load endpoint reads parts.
     */
    @Bean
    MultipartConfigElement multipartConfigElement(ApiProperties properties, SpoolDirectory spool) {
        long max = properties.maxLoadSize().toBytes();
        return new MultipartConfigElement(spool.path().toString(), max, max + (1 << 20), 0);
    }
}
