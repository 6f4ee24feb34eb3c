package com.studio.assetregistry.inbox;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@code registry.ingest.schedule} holds a schedule: set, not blank and not {@code -}, the value that
 * switches a Spring cron schedule off. Whether it is a valid cron expression is {@link InboxProperties}'s to say.
 */
final class OnInboxSchedule extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String schedule = Binder.get(context.getEnvironment()).bind("registry.ingest.schedule", String.class)
                .map(String::strip).orElse("");
        return schedule.isEmpty() || schedule.equals("-")
                ? ConditionOutcome.noMatch("registry.ingest.schedule is not set")
                : ConditionOutcome.match("registry.ingest.schedule is \"" + schedule + "\"");
    }
}
