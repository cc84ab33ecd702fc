package io.weir.runtime.operators.sql.rank;

import io.weir.runtime.data.Row;
import io.weir.runtime.data.RowKind;
import io.weir.runtime.generated.RecordComparator;
import java.util.List;

/**
 * Ranks of a list of rows sorted by a {@link RecordComparator}, and the rows of a rank range as
 * output rows ({@code row} or {@code row ++ rank}). Task thread only; keeps one reusable rank array.
 */
final class Ranking {
    private final RankType rankType;
    private final long rankStart;
    private final long rankEnd;
    private final boolean outputRankNumber;
    private RecordComparator comparator;
    private long[] ranks = new long[16];

    Ranking(RankType rankType, long rankStart, long rankEnd, boolean outputRankNumber) {
        if (rankStart < 1 || rankEnd < rankStart) {
            throw new IllegalArgumentException("Top-N: invalid rank range [" + rankStart + ", " + rankEnd
                + "]; it must satisfy 1 <= start <= end");
        }
        this.rankType = rankType;
        this.rankStart = rankStart;
        this.rankEnd = rankEnd;
        this.outputRankNumber = outputRankNumber;
    }

    void setComparator(RecordComparator comparator) {
        this.comparator = comparator;
    }

    RecordComparator comparator() {
        return comparator;
    }

    long rankEnd() {
        return rankEnd;
    }

    boolean isRowNumberWithRank() {
        return rankType == RankType.ROW_NUMBER && outputRankNumber;
    }

    /**
     * Computes the ranks of {@code sorted} into {@link #rank(int)} and returns how many leading rows
     * have a rank {@code <= rankEnd} (the rows worth keeping).
     */
    int computeRanks(List<Row> sorted) {
        int n = sorted.size();
        if (ranks.length < n) {
            ranks = new long[Math.max(n, ranks.length * 2)];
        }
        long dense = 0;
        for (int i = 0; i < n; i++) {
            boolean tie = i > 0 && comparator.compare(sorted.get(i - 1), sorted.get(i)) == 0;
            long r;
            switch (rankType) {
                case ROW_NUMBER:
                    r = i + 1;
                    break;
                case RANK:
                    r = tie ? ranks[i - 1] : i + 1;
                    break;
                default:
                    dense = tie ? dense : dense + 1;
                    r = dense;
            }
            if (r > rankEnd) {
                return i;
            }
            ranks[i] = r;
        }
        return n;
    }

    /**
     * A cheap test, without ranking, that {@code row} added to {@code kept} (the rows ranked {@code <=
     * rankEnd}, sorted) would rank beyond {@code rankEnd}: for ROW_NUMBER when {@code rankEnd} rows are
     * kept and it sorts at or after the last; for RANK when it sorts strictly after the last. False when
     * unsure (DENSE_RANK), so the caller ranks.
     */
    boolean cannotEnter(List<Row> kept, Row row) {
        if (kept.isEmpty() || kept.size() < rankEnd || rankType == RankType.DENSE_RANK) {
            return false;
        }
        int c = comparator.compare(row, kept.get(kept.size() - 1));
        return rankType == RankType.ROW_NUMBER ? c >= 0 : c > 0;
    }

    long rank(int i) {
        return ranks[i];
    }

    boolean inRange(long rank) {
        return rank >= rankStart && rank <= rankEnd;
    }

    /** The output row of {@code row} at {@code rank}, of {@code kind}. */
    Row output(RowKind kind, Row row, long rank) {
        if (!outputRankNumber) {
            return row.withKind(kind);
        }
        int n = row.arity();
        Object[] f = new Object[n + 1];
        System.arraycopy(row.fields(), 0, f, 0, n);
        f[n] = rank;
        return new Row(kind, f);
    }

    /** Index of the first row that sorts strictly after {@code row} (insertion point after ties). */
    int upperBound(List<Row> sorted, Row row) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparator.compare(sorted.get(mid), row) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Index of the first row that does not sort before {@code row}. */
    int lowerBound(List<Row> sorted, Row row) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (comparator.compare(sorted.get(mid), row) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
