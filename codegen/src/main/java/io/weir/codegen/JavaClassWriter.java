package io.weir.codegen;

import io.weir.runtime.generated.GeneratedClass;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the source of one generated class: package {@value #PACKAGE}, a public constructor
 * taking {@code Object[] references}, the standard fields {@code references}, {@code fnCtx} (Weir's
 * FunctionContext, UTC until {@code open}) and {@code root} (the Calcite DataContext that Calcite's
 * generated expressions read), then the caller's fields and methods.
 *
 * <p>The class name is {@code prefix$<hash of the source>}, so that equal code gets equal names
 * and the compiler's source-text cache hits across queries and jobs.
 */
public final class JavaClassWriter {
    public static final String PACKAGE = "io.weir.generated";
    private static final String NAME = "$CLASSNAME$";

    private final String prefix;
    private final String interfaceName;
    private final List<String> fields = new ArrayList<>();
    private final List<String> constructor = new ArrayList<>();
    private final List<String> open = new ArrayList<>();
    private final List<String> methods = new ArrayList<>();

    public JavaClassWriter(String prefix, Class<?> implemented) {
        this.prefix = prefix;
        this.interfaceName = implemented.getCanonicalName();
    }

    /** A member declaration, e.g. {@code private final Row out = new Row(3);}. */
    public JavaClassWriter field(String declaration) {
        fields.add(declaration);
        return this;
    }

    /** A statement run by the constructor (after {@code references} is set). */
    public JavaClassWriter constructorStatement(String statement) {
        constructor.add(statement);
        return this;
    }

    /** A statement run by {@code open(FunctionContext)} after the standard fields are set. */
    public JavaClassWriter openStatement(String statement) {
        open.add(statement);
        return this;
    }

    /** A complete method. */
    public JavaClassWriter method(String method) {
        methods.add(method);
        return this;
    }

    public <T> GeneratedClass<T> build(Object[] references) {
        String template = render();
        String simpleName = prefix + "$" + hash(template);
        return new GeneratedClass<>(PACKAGE + "." + simpleName, template.replace(NAME, simpleName), references);
    }

    private String render() {
        StringBuilder sb = new StringBuilder(2048);
        sb.append("package ").append(PACKAGE).append(";\n\n");
        sb.append("public final class ").append(NAME).append(" implements ").append(interfaceName).append(" {\n");
        sb.append("  private final Object[] references;\n");
        sb.append("  private io.weir.runtime.generated.FunctionContext fnCtx;\n");
        sb.append("  private org.apache.calcite.DataContext root;\n");
        for (String f : fields) {
            sb.append("  ").append(f).append('\n');
        }
        sb.append("\n  public ").append(NAME).append("(Object[] references) {\n");
        sb.append("    this.references = references;\n");
        sb.append("    setContext(io.weir.runtime.generated.FunctionContext.of(java.time.ZoneOffset.UTC));\n");
        for (String s : constructor) {
            sb.append("    ").append(s).append('\n');
        }
        sb.append("  }\n\n");
        sb.append("  private void setContext(io.weir.runtime.generated.FunctionContext ctx) {\n");
        sb.append("    this.fnCtx = ctx;\n");
        sb.append("    this.root = new io.weir.codegen.runtime.WeirDataContext(ctx);\n");
        sb.append("  }\n\n");
        sb.append("  public void open(io.weir.runtime.generated.FunctionContext ctx) {\n");
        sb.append("    setContext(ctx);\n");
        for (String s : open) {
            sb.append("    ").append(s).append('\n');
        }
        sb.append("  }\n");
        for (String m : methods) {
            sb.append('\n').append(indent(m)).append('\n');
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String indent(String code) {
        StringBuilder sb = new StringBuilder();
        for (String line : code.split("\n", -1)) {
            if (!line.isEmpty()) {
                sb.append("  ").append(line);
            }
            sb.append('\n');
        }
        return sb.substring(0, sb.length() - 1);
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", digest[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Java string literal for {@code s}. */
    public static String literal(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
