package com.realestate.cache.spring;

import java.util.Collection;
import java.util.List;
import org.springframework.cache.support.NullValue;
import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * The classes a stored type name may instantiate: those of the trusted packages (and their subpackages), arrays
 * of them, and Spring's null marker. Names are judged before any class is loaded, so a value planted in Redis
 * cannot make the application load, let alone run, a class outside them.
 */
final class TrustedTypes extends PolymorphicTypeValidator.Base {

    private static final long serialVersionUID = 1L;

    private final List<String> prefixes;

    TrustedTypes(Collection<String> packages) {
        if (packages.isEmpty()) {
            throw new IllegalArgumentException("at least one trusted package is needed");
        }
        this.prefixes = packages.stream().map(TrustedTypes::prefix).distinct().toList();
    }

    /** {@code com.acme} trusts {@code com.acme.Listing} and {@code com.acme.sub.X}, never {@code com.acmeevil.X}. */
    private static String prefix(String pkg) {
        String trimmed = pkg.strip();
        if (trimmed.isEmpty() || trimmed.equals(".")) {
            throw new IllegalArgumentException("a trusted package must not be blank");
        }
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    List<String> prefixes() {
        return prefixes;
    }

    /** {@code true} when values of this class may be read back from JSON type information. */
    boolean trusts(String className) {
        String name = className;
        if (name.startsWith("[")) {
            name = name.substring(name.lastIndexOf('[') + 1);
            if (!name.startsWith("L")) {
                return name.length() == 1;
            }
            name = name.substring(1, name.length() - 1);
        }
        if (name.equals(NullValue.class.getName())) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Validity validateSubClassName(DatabindContext ctxt, JavaType baseType, String subClassName) {
        return trusts(subClassName) ? Validity.ALLOWED : Validity.DENIED;
    }

    @Override
    public Validity validateSubType(DatabindContext ctxt, JavaType baseType, JavaType subType) {
        return trusts(subType.getRawClass().getName()) ? Validity.ALLOWED : Validity.DENIED;
    }
}
