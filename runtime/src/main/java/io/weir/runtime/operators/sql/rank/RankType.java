package io.weir.runtime.operators.sql.rank;

/** The ranking function of a Top-N. */
public enum RankType {
    /** 1, 2, 3, ... in sort order; ties get distinct numbers by arrival. */
    ROW_NUMBER,
    /** 1 + the number of rows sorting strictly before; ties share a rank, gaps follow. */
    RANK,
    /** 1 + the number of distinct sort keys strictly before; ties share a rank, no gaps. */
    DENSE_RANK
}
