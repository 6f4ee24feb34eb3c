package com.studio.assetregistry.ingest;

import org.springframework.batch.core.configuration.annotation.BatchObservabilityBeanPostProcessor;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Spring Batch's observations of jobs, steps, chunks and items, only when they are enabled
 * ({@code management.observations.enable.spring.batch}, or {@code .spring} or {@code .all}; true by default, false in
 * application.yml). Spring Batch's {@link BatchObservabilityBeanPostProcessor} hands every job and step the
 * application's observation registry, and a step then makes an observation context per item read and processed before
 * the registry's predicate turns it into a no-op: about 400 bytes of garbage per record, a tenth of what a load
 * allocates. This puts {@link Switched} in its place (Spring Batch's configuration imports it), which hands the
 * registry on only when the observations are on; otherwise the job and its steps keep Spring Batch's no-op registry
 * and make nothing. The replacement is a bean definition, the decision a runtime one: with Spring's AOT context
 * (bin/asset-registry), where bean definitions are fixed at build time, the property still decides at each start.
 */
final class BatchObservationSwitch implements BeanDefinitionRegistryPostProcessor {

    /** Whether the {@code spring.batch} observations are on, by the most specific property that says. */
    static boolean isEnabled(Environment environment) {
        for (String name : new String[] {"spring.batch", "spring", "all"}) {
            Boolean enabled = environment.getProperty("management.observations.enable." + name, Boolean.class);
            if (enabled != null) {
                return enabled;
            }
        }
        return true;
    }

    @Override
    public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
        if (!(registry instanceof ListableBeanFactory beans)) {
            return;
        }
        for (String name : beans.getBeanNamesForType(BatchObservabilityBeanPostProcessor.class, true, false)) {
            if (!Switched.class.getName().equals(registry.getBeanDefinition(name).getBeanClassName())) {
                registry.removeBeanDefinition(name);
                registry.registerBeanDefinition(name, new RootBeanDefinition(Switched.class));
            }
        }
    }

    /** Spring Batch's post-processor, at work only when the observations are on. */
    static final class Switched extends BatchObservabilityBeanPostProcessor implements EnvironmentAware {

        private boolean enabled = true;

        @Override
        public void setEnvironment(Environment environment) {
            enabled = isEnabled(environment);
        }

        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return enabled ? super.postProcessAfterInitialization(bean, beanName) : bean;
        }
    }
}
