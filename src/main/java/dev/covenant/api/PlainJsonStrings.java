package dev.covenant.api;

import java.io.IOException;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every string read from a JSON body is refused when it holds a NUL character ({@code \u0000}), which no field of
 * the service means and PostgreSQL text cannot store: the answer is the usual 400 naming the field
 * ({@link ProblemMappers}), instead of a database error.
 */
@Singleton
public class PlainJsonStrings implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("plain-strings").addDeserializer(String.class, new NoNul()));
    }

    static final class NoNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw context.weirdStringException(value.replace('\u0000', '\uFFFD'), String.class,
                        "holds a NUL character");
            }
            return value;
        }
    }
}
