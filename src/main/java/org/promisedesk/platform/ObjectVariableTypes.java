package org.promisedesk.platform;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.variable.serializer.TypedValueSerializer;
import org.camunda.bpm.engine.impl.variable.serializer.ValueFields;
import org.camunda.bpm.engine.impl.variable.serializer.VariableSerializers;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.DataFormats;
import org.camunda.spin.plugin.impl.SpinObjectValueSerializer;
import org.camunda.spin.spi.DataFormat;
import org.springframework.stereotype.Component;

/**
 * Object variables sent as JSON text (the REST API's {@code "type": "Object"} with
 * {@code application/json}) are checked when they are written, not only when read: the text must
 * read into the class it names, and that class must be on the deserialization allow-list
 * ({@code deserializationAllowedPackages} in application.yaml: our classes and the JDK's plain
 * types). Otherwise the write is refused with a 400 naming the variable and nothing is stored.
 * Camunda alone stores such a variable and refuses every later read of it, which breaks the
 * instance's forms (Tasklist reads all variables) until an administrator removes it.
 *
 * <p>It replaces Spin's JSON object serializer by one that first reads the value, under the same
 * name, so variables written before read the same. Values our own code sets as objects are
 * serialized from the object and are not read again.
 */
@Component
class ObjectVariableTypes extends AbstractProcessEnginePlugin {

    static final String JSON_SERIALIZER = "spin://" + DataFormats.JSON_DATAFORMAT_NAME;

    /** After every plugin's postInit (Spin registers its serializers there), so the order of plugins does not matter. */
    @Override
    public void postProcessEngineBuild(org.camunda.bpm.engine.ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                .getProcessEngineConfiguration();
        VariableSerializers serializers = configuration.getVariableSerializers();
        TypedValueSerializer<?> spin = serializers.getSerializerByName(JSON_SERIALIZER);
        if (spin == null) {
            throw new IllegalStateException("Spin's JSON object serializer is missing: is camunda-engine-plugin-spin"
                    + " on the class path?");
        }
        int index = serializers.getSerializerIndex(spin);
        serializers.removeSerializer(spin);
        serializers.addSerializer(new CheckedOnWrite(DataFormats.json()), index);
    }

    static final class CheckedOnWrite extends SpinObjectValueSerializer {

        CheckedOnWrite(DataFormat<?> json) {
            super(JSON_SERIALIZER, json);
        }

        @Override
        public void writeValue(ObjectValue value, ValueFields fields) {
            if (!value.isDeserialized() && value.getValueSerialized() != null) {
                try {
                    deserializeFromByteArray(getSerializedBytesValue(value.getValueSerialized()),
                            value.getObjectTypeName());
                } catch (Exception unreadable) {
                    throw new BadUserRequestException("Cannot set variable '" + fields.getName() + "': an object of"
                            + " type '" + value.getObjectTypeName() + "' is not allowed or its value does not read"
                            + " as one: " + rootMessage(unreadable));
                }
            }
            super.writeValue(value, fields);
        }

        private static String rootMessage(Throwable e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return root.getMessage();
        }
    }
}
