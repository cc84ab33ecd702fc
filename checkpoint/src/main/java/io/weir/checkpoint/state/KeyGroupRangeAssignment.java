package io.weir.checkpoint.state;

/**
 * Maps keys to key groups and key groups to subtasks, with Flink's formulas, so that a key's key
 * group never changes when the parallelism does (only {@code maxParallelism} fixes it).
 */
public final class KeyGroupRangeAssignment {
    /** The default maximum parallelism (number of key groups). */
    public static final int DEFAULT_MAX_PARALLELISM = 128;
    /** Key groups are stored in 2 bytes by the RocksDB backend. */
    public static final int UPPER_BOUND_MAX_PARALLELISM = 1 << 15;

    private KeyGroupRangeAssignment() {
    }

    /** The key group of {@code key}: {@code murmur(key.hashCode()) mod maxParallelism}. */
    public static int assignToKeyGroup(Object key, int maxParallelism) {
        if (key == null) {
            throw new NullPointerException("a key must not be null (key groups are computed from its hashCode)");
        }
        return computeKeyGroupForKeyHash(key.hashCode(), maxParallelism);
    }

    /** The key group of a key with the given hash code. */
    public static int computeKeyGroupForKeyHash(int keyHash, int maxParallelism) {
        return murmurHash(keyHash) % maxParallelism;
    }

    /** The key groups subtask {@code operatorIndex} of {@code parallelism} owns. */
    public static KeyGroupRange computeKeyGroupRangeForOperatorIndex(int maxParallelism, int parallelism, int operatorIndex) {
        checkParallelism(maxParallelism, parallelism);
        if (operatorIndex < 0 || operatorIndex >= parallelism) {
            throw new IllegalArgumentException("operator index " + operatorIndex + " outside [0, " + parallelism + ")");
        }
        int start = (operatorIndex * maxParallelism + parallelism - 1) / parallelism;
        int end = ((operatorIndex + 1) * maxParallelism - 1) / parallelism;
        return KeyGroupRange.of(start, end);
    }

    /** The subtask of {@code parallelism} that owns {@code keyGroup}. */
    public static int computeOperatorIndexForKeyGroup(int maxParallelism, int parallelism, int keyGroup) {
        checkParallelism(maxParallelism, parallelism);
        return keyGroup * parallelism / maxParallelism;
    }

    private static void checkParallelism(int maxParallelism, int parallelism) {
        if (maxParallelism < 1 || maxParallelism > UPPER_BOUND_MAX_PARALLELISM) {
            throw new IllegalArgumentException("max parallelism must be in [1, " + UPPER_BOUND_MAX_PARALLELISM + "]: " + maxParallelism);
        }
        if (parallelism < 1 || parallelism > maxParallelism) {
            throw new IllegalArgumentException("parallelism " + parallelism + " must be in [1, max parallelism " + maxParallelism + "]");
        }
    }

    /** Murmur3's 32-bit finalising mix of one int, made non-negative (as Flink's {@code MathUtils.murmurHash}). */
    static int murmurHash(int code) {
        code *= 0xcc9e2d51;
        code = Integer.rotateLeft(code, 15);
        code *= 0x1b873593;
        code = Integer.rotateLeft(code, 13);
        code = code * 5 + 0xe6546b64;
        code ^= 4;
        code ^= code >>> 16;
        code *= 0x85ebca6b;
        code ^= code >>> 13;
        code *= 0xc2b2ae35;
        code ^= code >>> 16;
        if (code >= 0) {
            return code;
        }
        return code != Integer.MIN_VALUE ? -code : 0;
    }
}
