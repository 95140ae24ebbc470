package org.promisedesk.mail;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.EngineContext;
import org.thymeleaf.context.IContext;
import org.thymeleaf.context.IEngineContext;
import org.thymeleaf.context.IEngineContextFactory;
import org.thymeleaf.engine.TemplateData;
import org.thymeleaf.exceptions.TemplateProcessingException;

/**
 * Makes a template that names a variable nobody gave fail, instead of rendering it as empty:
 * a customer must never get "Dear ,". Thymeleaf copies the caller's variables into an engine
 * context of its own, so strictness has to live there, not in the context we pass in.
 * A template tests an optional variable with {@code ${#ctx.containsVariable('name')}}.
 */
final class StrictEngineContextFactory implements IEngineContextFactory {

    @Override
    public IEngineContext createEngineContext(IEngineConfiguration configuration, TemplateData templateData,
            Map<String, Object> templateResolutionAttributes, IContext context) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (String name : context.getVariableNames()) {
            variables.put(name, context.getVariable(name));
        }
        return new StrictEngineContext(configuration, templateData, templateResolutionAttributes,
                context.getLocale(), variables);
    }

    private static final class StrictEngineContext extends EngineContext {

        StrictEngineContext(IEngineConfiguration configuration, TemplateData templateData,
                Map<String, Object> templateResolutionAttributes, Locale locale, Map<String, Object> variables) {
            super(configuration, templateData, templateResolutionAttributes, locale, variables);
        }

        @Override
        public Object getVariable(String name) {
            if (!containsVariable(name)) {
                throw new TemplateProcessingException("Unresolved variable '" + name + "' in template "
                        + getTemplateData().getTemplate());
            }
            return super.getVariable(name);
        }
    }
}
