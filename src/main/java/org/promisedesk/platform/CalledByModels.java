package org.promisedesk.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public method of one of our beans that a model's expression may call, e.g.
 * {@code ${requirementLetters.pdf(execution)}}. The deploy gate refuses a call of any method
 * without it (docs/process-owners.md, issue 19): an expression runs with every right of the
 * application, so each method models may call is chosen here, in the code, and reviewed with it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CalledByModels {
}
