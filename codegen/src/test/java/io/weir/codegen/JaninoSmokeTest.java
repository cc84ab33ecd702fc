package io.weir.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.IntUnaryOperator;
import org.codehaus.janino.ClassBodyEvaluator;
import org.junit.jupiter.api.Test;

class JaninoSmokeTest {
    @Test
    void shouldCompileAClassBodyImplementingAnInterface() throws Exception {
        ClassBodyEvaluator cbe = new ClassBodyEvaluator();
        cbe.setImplementedInterfaces(new Class<?>[] {IntUnaryOperator.class});
        cbe.cook("public int applyAsInt(int x) { return x * 2 + 1; }");
        IntUnaryOperator op = (IntUnaryOperator) cbe.getClazz().getDeclaredConstructor().newInstance();
        assertEquals(7, op.applyAsInt(3));
    }
}
