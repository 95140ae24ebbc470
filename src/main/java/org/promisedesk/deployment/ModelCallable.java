package org.promisedesk.deployment;

import java.util.Set;

/**
 * A bean of the application whose methods a model may call by name, beside those listed in
 * {@link ExpressionPolicy#CALLABLE}: the bean, written in Java and reviewed as code, says which.
 * A model cannot make a bean callable; only a developer can.
 */
public interface ModelCallable {

    /** The methods a model may call on this bean, e.g. {@code ${thisBean.of(execution)}}. */
    Set<String> methodsModelsMayCall();
}
