package io.avreplay.fleet.job;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Optional;

/**
 * Java serialization for graphs of the library's result records, which are values but not
 * {@link Serializable}: on the way out each such record is replaced by its class name and component
 * values (themselves replaced in turn), an {@link Optional} by its value; on the way in the record is
 * rebuilt through its canonical constructor, so its validation runs again. Everything else must be
 * serializable as usual (strings, boxed numbers, enums, arrays, the JDK's lists and maps). Lets a task
 * return a scenario's whole outcome without the scenario module knowing about Spark. Stateless.
 */
final class RecordBytes {
    private RecordBytes() {
    }

    /** A record on the wire. */
    private record RecordForm(String type, Object[] values) implements Serializable {
    }

    /** An {@link Optional} on the wire ({@code value} null when empty). */
    private record OptionalForm(Object value) implements Serializable {
    }

    /** @return {@code value}'s bytes */
    static byte[] write(Object value) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (Out o = new Out(b)) {
            o.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize a " + value.getClass().getName() + ": " + e, e);
        }
        return b.toByteArray();
    }

    /** @return the value {@link #write} wrote, as {@code type} */
    static <T> T read(byte[] bytes, Class<T> type) {
        try (In in = new In(new ByteArrayInputStream(bytes))) {
            return type.cast(in.readObject());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("cannot deserialize a " + type.getName() + ": " + e, e);
        }
    }

    private static final class Out extends ObjectOutputStream {
        Out(OutputStream s) throws IOException {
            super(s);
            enableReplaceObject(true);
        }

        @Override
        protected Object replaceObject(Object o) throws IOException {
            if (o instanceof Optional<?> opt) {
                return new OptionalForm(opt.orElse(null));
            }
            if (o instanceof Record r && !(o instanceof Serializable)) {
                RecordComponent[] cs = r.getClass().getRecordComponents();
                Object[] values = new Object[cs.length];
                for (int i = 0; i < cs.length; i++) {
                    try {
                        cs[i].getAccessor().setAccessible(true);
                        values[i] = cs[i].getAccessor().invoke(r);
                    } catch (ReflectiveOperationException e) {
                        throw new IOException("cannot read " + r.getClass().getName() + "." + cs[i].getName(), e);
                    }
                }
                return new RecordForm(r.getClass().getName(), values);
            }
            return o;
        }
    }

    private static final class In extends ObjectInputStream {
        In(InputStream s) throws IOException {
            super(s);
            enableResolveObject(true);
        }

        @Override
        protected Object resolveObject(Object o) throws IOException {
            if (o instanceof OptionalForm f) {
                return Optional.ofNullable(f.value());
            }
            if (o instanceof RecordForm f) {
                try {
                    Class<?> c = Class.forName(f.type(), true, RecordBytes.class.getClassLoader());
                    Class<?>[] types = Arrays.stream(c.getRecordComponents()).map(RecordComponent::getType)
                            .toArray(Class<?>[]::new);
                    Constructor<?> k = c.getDeclaredConstructor(types);
                    k.setAccessible(true);
                    return k.newInstance(f.values());
                } catch (ReflectiveOperationException e) {
                    throw new IOException("cannot rebuild a " + f.type() + ": " + e, e);
                }
            }
            return o;
        }
    }
}
