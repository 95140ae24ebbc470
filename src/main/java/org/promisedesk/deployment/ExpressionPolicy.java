package org.promisedesk.deployment;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;
import org.promisedesk.platform.CalledByModels;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.util.ClassUtils;

/**
 * What an expression in a deployed model may do (docs/process-owners.md). An expression runs
 * with every right of the application, so the gate reads each one as the engine would (Camunda's
 * own JUEL parser) and lets through only:
 * <ul>
 * <li>a delegate expression {@code ${beanName}} naming one of our delegate or listener beans;</li>
 * <li>literals, variables, comparisons, {@code empty}, boolean and arithmetic operators, {@code ?:};</li>
 * <li>property reads, except of {@code class} and the engine's own services;</li>
 * <li>the methods of our beans marked {@link CalledByModels}, the engine objects' methods of
 * {@link #CALLABLE} and the functions of {@link #FUNCTIONS}.</li>
 * </ul>
 * Anything else (any other method call, {@code getClass()}, static calls, other beans) is refused:
 * one such call reaches {@code Runtime.exec} (issue 19).
 */
final class ExpressionPolicy {

    /**
     * The methods of the engine's objects a model may call, by the name the chain of calls starts
     * from: what a model reads or sets. (Our beans' methods: {@link CalledByModels}.)
     */
    static final Map<String, Set<String>> CALLABLE = Map.of(
            "execution", Set.of("getVariable", "getVariableLocal", "hasVariable", "setVariable", "setVariableLocal"),
            "task", Set.of("getVariable", "getVariableLocal", "hasVariable", "setVariable", "setVariableLocal"),
            "decisionResult", Set.of("getSingleResult", "getFirstResult", "getResultList", "getSingleEntry",
                    "getEntry", "collectEntries"));

    /** Camunda's own functions: the time and the logged-in user. */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");

    /** Properties whose getter leads from a value to the classes or to the engine itself. */
    private static final Set<String> FORBIDDEN_PROPERTIES = Set.of("class", "classLoader", "declaringClass", "module",
            "processEngine", "processEngineServices", "processEngineConfiguration", "runtime");

    /** The kinds of bean a delegate expression may name. */
    private static final List<Class<?>> DELEGATE_TYPES = List.of(JavaDelegate.class, ExecutionListener.class,
            TaskListener.class, DelegateVariableMapping.class);

    private static final Pattern DELEGATE = Pattern.compile("\\$\\{\\s*([A-Za-z_]\\w*)\\s*}");
    private static final String OWN_PACKAGE = "org.promisedesk.";

    private final ListableBeanFactory beans;
    private final Builder parser = new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);

    ExpressionPolicy(ListableBeanFactory beans) {
        this.beans = beans;
    }

    /** Why a delegate expression is refused, if it is. */
    Optional<String> checkDelegate(String expression) {
        Matcher bean = DELEGATE.matcher(expression.strip());
        if (!bean.matches()) {
            return Optional.of("delegate expression " + expression + " must be ${beanName}, naming one of the "
                    + "application's delegate beans");
        }
        String name = bean.group(1);
        Class<?> type = beans.containsBean(name) ? beans.getType(name) : null;
        if (type == null) {
            return Optional.of("delegate expression " + expression + " names no bean of the application: " + name);
        }
        Class<?> own = ClassUtils.getUserClass(type);
        if (!own.getName().startsWith(OWN_PACKAGE) || DELEGATE_TYPES.stream().noneMatch(t -> t.isAssignableFrom(own))) {
            return Optional.of("delegate expression " + expression + " names " + name
                    + ", which is not one of the application's delegate or listener beans");
        }
        return Optional.empty();
    }

    /** Why a value expression (condition, timer, input, assignee, listener expression...) is refused, if it is. */
    Optional<String> checkValue(String expression) {
        Node root;
        try {
            root = parser.build(expression).getRoot();
        } catch (TreeBuilderException e) {
            return Optional.of("expression " + expression + " is not a valid expression: " + e.getMessage());
        }
        return check(root).map(reason -> "expression " + expression + " " + reason);
    }

    private Optional<String> check(Node node) {
        if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                || node instanceof AstBoolean || node instanceof AstNull) {
            return Optional.empty();
        }
        if (node instanceof AstComposite || node instanceof AstEval || node instanceof AstNested
                || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
                || node instanceof AstParameters) {
            return children(node, 0);
        }
        if (node instanceof AstIdentifier identifier) {
            return identifier(identifier.getName());
        }
        if (node instanceof AstDot dot) {
            return property(name(dot)).or(() -> check(dot.getChild(0)));
        }
        if (node instanceof AstBracket bracket) {
            return bracket(bracket).or(() -> check(bracket.getChild(0)));
        }
        if (node instanceof AstMethod method) {
            return method(method);
        }
        if (node instanceof AstFunction function) {
            return FUNCTIONS.contains(function.getName()) ? children(function, 0)
                    : Optional.of("calls the function " + function.getName() + "(), which models may not call");
        }
        return Optional.of("uses " + node + ", which models may not use");
    }

    private Optional<String> children(Node node, int from) {
        for (int i = from; i < node.getCardinality(); i++) {
            Optional<String> problem = check(node.getChild(i));
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** A bare name is a variable; a bean of the application may be read only if models may call it. */
    private Optional<String> identifier(String name) {
        if (beans.containsBean(name) && calledByModels(name).isEmpty()) {
            return Optional.of("reads the application's bean " + name + ", which only a delegate expression may name");
        }
        return Optional.empty();
    }

    private static Optional<String> property(String name) {
        return FORBIDDEN_PROPERTIES.contains(name)
                ? Optional.of("reads the property " + name + ", which leads to the classes or the engine")
                : Optional.empty();
    }

    /** {@code a['b']} or {@code a[0]}: only a literal key, so that the property read is known. */
    private static Optional<String> bracket(AstBracket bracket) {
        Node key = bracket.getChild(1);
        if (key instanceof AstString string) {
            return property(String.valueOf(string.eval(null, null)));
        }
        return key instanceof AstNumber ? Optional.empty()
                : Optional.of("reads a property whose name is computed; use a literal name");
    }

    /** {@code root.a(...).b(...)}: every method of the chain must be one {@link #CALLABLE} allows for its root. */
    private Optional<String> method(AstMethod method) {
        if (!(method.getChild(0) instanceof AstDot call)) {
            return Optional.of("calls a method whose name is computed");
        }
        String name = name(call);
        Node target = call.getChild(0);
        Node root = target;
        while (root instanceof AstMethod || root instanceof AstDot) {
            root = root instanceof AstMethod inner ? inner.getChild(0).getChild(0) : root.getChild(0);
        }
        if (!(root instanceof AstIdentifier identifier)) {
            return Optional.of("calls " + name + "() on " + root + "; models may call only the methods of "
                    + "docs/process-owners.md");
        }
        Set<String> allowed = CALLABLE.containsKey(identifier.getName()) ? CALLABLE.get(identifier.getName())
                : beans.containsBean(identifier.getName()) ? calledByModels(identifier.getName()) : Set.of();
        if (!allowed.contains(name)) {
            return Optional.of("calls " + identifier.getName() + "…" + name + "(), which models may not call "
                    + "(allowed: docs/process-owners.md)");
        }
        return (target instanceof AstIdentifier ? Optional.<String>empty() : check(target))
                .or(() -> check(method.getChild(1)));
    }

    /** The names of the bean's methods marked {@link CalledByModels}; none for a bean not of ours. */
    private Set<String> calledByModels(String bean) {
        Class<?> type = beans.getType(bean);
        if (type == null || !ClassUtils.getUserClass(type).getName().startsWith(OWN_PACKAGE)) {
            return Set.of();
        }
        return Arrays.stream(ClassUtils.getUserClass(type).getMethods())
                .filter(method -> method.isAnnotationPresent(CalledByModels.class))
                .map(Method::getName).collect(Collectors.toSet());
    }

    /** The property or method name of {@code a.name} (the parser's node prints as ". name"). */
    private static String name(AstDot dot) {
        return dot.toString().substring(2);
    }
}
