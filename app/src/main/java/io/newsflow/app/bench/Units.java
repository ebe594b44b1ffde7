package io.newsflow.app.bench;

import java.util.Locale;

/** How the benchmark writes sizes and rates for people. */
final class Units {

    private Units() {}

    /** Bytes as {@code 312 MB} (decimal megabytes, as MB/s are), or {@code -} when unknown. */
    static String megabytes(long bytes) {
        return bytes < 0 ? "-" : String.format(Locale.ROOT, "%,d MB", Math.round(bytes / 1e6));
    }

    /** A count with thousands separators, or {@code -} when unknown (negative or not a number). */
    static String count(double value) {
        return value < 0 || Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.0f", value);
    }

    /** A number with one decimal, or {@code -} when unknown. */
    static String decimal(double value) {
        return value < 0 || Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%,.1f", value);
    }
}
