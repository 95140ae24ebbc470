package org.promisedesk.platform;

/** A request parameter with a value out of range; the API answers 400 naming the parameter. */
public class InvalidParameter extends IllegalArgumentException {

    private final String parameter;

    public InvalidParameter(String parameter, String problem) {
        super("Parameter '" + parameter + "' " + problem);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
