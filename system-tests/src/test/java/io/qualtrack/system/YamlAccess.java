package io.qualtrack.system;

import org.yaml.snakeyaml.Yaml;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading YAML as plain maps and lists, with a failed assertion naming what was expected where the shape is wrong. */
final class YamlAccess {

    private YamlAccess() {
    }

    static Map<String, Object> load(String text, String what) {
        return map(new Yaml().load(text), what);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value, String what) {
        assertThat(value).as(what).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    /** A scalar or a list, as strings; nothing for null. */
    static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
    }

    /** The value at a dotted path ({@code server.port}), which must be there. */
    static Object property(Map<String, Object> yaml, String path) {
        Object node = optionalProperty(yaml, path);
        assertThat(node).as(path).isNotNull();
        return node;
    }

    static Object optionalProperty(Map<String, Object> yaml, String path) {
        Object node = yaml;
        for (String key : path.split("\\.")) {
            node = node instanceof Map<?, ?> m ? m.get(key) : null;
        }
        return node;
    }
}
