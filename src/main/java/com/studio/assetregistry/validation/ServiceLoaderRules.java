package com.studio.assetregistry.validation;

import java.util.HashSet;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.stereotype.Component;

/**
 * Makes every rule that a jar on the class path declares for {@link ServiceLoader} (its class name on a line of
 * {@code META-INF/services/com.studio.assetregistry.validation.Rule}) a bean, like the rules of {@code rules/}, so that
 * it joins the catalogue, the validators, the report and the rules file with no further wiring. ServiceLoader asks
 * for a public class with a public no-argument constructor; Spring then creates it, once. A class that is a bean
 * already (component-scanned as well) is left as it is.
 */
@Component
class ServiceLoaderRules implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware {

    private ClassLoader classLoader = ServiceLoaderRules.class.getClassLoader();

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        Set<String> beanClasses = new HashSet<>();
        for (String name : registry.getBeanDefinitionNames()) {
            BeanDefinition definition = registry.getBeanDefinition(name);
            if (definition.getBeanClassName() != null) {
                beanClasses.add(definition.getBeanClassName());
            }
        }
        try {
            ServiceLoader.load(Rule.class, classLoader).stream()
                    .map(ServiceLoader.Provider::type)
                    .filter(type -> !beanClasses.contains(type.getName()))
                    .forEach(type -> registry.registerBeanDefinition(type.getName(), new RootBeanDefinition(type)));
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("Cannot load a rule declared in META-INF/services/" + Rule.class.getName()
                    + ": " + e.getMessage(), e);
        }
    }
}
