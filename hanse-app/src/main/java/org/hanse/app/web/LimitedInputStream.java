package org.hanse.app.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;

/**
 * A request body that fails as soon as more than {@code limit} bytes have been read: it never asks the connection for
 * more than one byte past the limit, so a chunked body of any length costs at most the limit to refuse.
 */
final class LimitedInputStream extends ServletInputStream {

    private final ServletInputStream in;
    private final long limit;
    private long count;
    private boolean exceeded;

    LimitedInputStream(ServletInputStream in, long limit) {
        this.in = in;
        this.limit = limit;
    }

    boolean exceeded() {
        return exceeded;
    }

    @Override
    public int read() throws IOException {
        check(0);
        int b = in.read();
        if (b >= 0) {
            check(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        check(0);
        if (length == 0) {
            return 0;
        }
        // One byte beyond the limit is enough to know it was passed.
        int n = in.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            check(n);
        }
        return n;
    }

    private void check(int read) throws BodyTooLargeException {
        count += read;
        if (count > limit) {
            exceeded = true;
        }
        if (exceeded) {
            throw new BodyTooLargeException(limit);
        }
    }

    @Override
    public boolean isFinished() {
        return exceeded || in.isFinished();
    }

    @Override
    public boolean isReady() {
        return in.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(listener);
    }
}
