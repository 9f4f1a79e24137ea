package org.hanse.app.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.hanse.core.validation.InvalidInputException;

/**
 * Inflates every entry of an .xlsx (a zip) into nothing before the sheet parser sees it, counting the bytes: the
 * whole file may inflate to at most {@code maxInflated}, and no entry beyond {@code maxRatio} times its compressed
 * size. Declared sizes are never trusted (a zip bomb lies about them); the count stops one buffer past a limit, so a
 * 1 MB file claiming to be 280 MB costs at most the limit to refuse. The same central directory as the parser's is
 * read (commons-compress), so every entry the parser could open has been counted, overlapping ones once each.
 */
final class XlsxGuard {

    /** Below this an entry's ratio is not judged: tiny XML parts compress extremely well and are harmless. */
    static final long RATIO_GRACE = 1 << 20;

    private XlsxGuard() {
    }

    static void check(byte[] content, SpreadsheetLimits limits) {
        long maxInflated = limits.maxInflated().toBytes();
        try (ZipFile zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            long total = 0;
            int entries = 0;
            byte[] buffer = new byte[64 * 1024];
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
                ZipArchiveEntry entry = e.nextElement();
                if (++entries > limits.maxEntries()) {
                    throw refused("has more than " + limits.maxEntries() + " zip entries");
                }
                long inflated = inflate(zip, entry, buffer, maxInflated - total, limits.maxRatio(), content.length);
                if (inflated < 0) {
                    throw refused("inflates to more than " + maxInflated + " bytes (at entry " + entry.getName() + ")");
                }
                total += inflated;
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("", "not a readable .xlsx file: " + e.getMessage());
        }
    }

    /** Inflated bytes of one entry, or -1 once it passes {@code budget}; refuses once it passes the ratio limit. */
    private static long inflate(ZipFile zip, ZipArchiveEntry entry, byte[] buffer, long budget, int maxRatio, long fileSize)
            throws IOException {
        // The declared compressed size may lie too; the file's own size bounds it.
        long compressed = Math.max(1, Math.min(entry.getCompressedSize(), fileSize));
        long inflated = 0;
        try (InputStream in = zip.getInputStream(entry)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                inflated += n;
                if (inflated > budget) {
                    return -1;
                }
                if (inflated > RATIO_GRACE && inflated > compressed * maxRatio) {
                    throw refused("entry " + entry.getName() + " inflates more than " + maxRatio + " times its compressed size");
                }
            }
        }
        return inflated;
    }

    private static InvalidInputException refused(String message) {
        return new InvalidInputException("", "the .xlsx file " + message);
    }
}
