package org.hanse.app;

import java.io.InputStream;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 64 MiB of filler sent in 8 KiB pieces, pausing once after {@code holdAt} bytes (below every limit) until
 * released, so that the test knows the upload is under way while it asks for health.
 */
final class AbusiveBody extends InputStream {
    static final long TOTAL = 64L << 20;
    final AtomicLong sent = new AtomicLong();
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private final long holdAt;

    AbusiveBody(long holdAt) {
        this.holdAt = holdAt;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) {
        long done = sent.get();
        if (done >= TOTAL) {
            return -1;
        }
        if (done >= holdAt && reached.getCount() > 0) {
            reached.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        int n = (int) Math.min(Math.min(len, 8192), TOTAL - done);
        Arrays.fill(b, off, off + n, (byte) '#');
        sent.addAndGet(n);
        return n;
    }
}
