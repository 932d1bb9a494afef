package cn.zschangfang.platform.web;

import cn.zschangfang.platform.problem.ProblemResponseWriter;
import cn.zschangfang.platform.problem.ProblemType;
import cn.zschangfang.platform.problem.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.ToLongFunction;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies with a 413 problem. A declared {@code Content-Length} over the cap is refused before a byte is
 * read. A chunked body has no length, and Tomcat's {@code max-swallow-size} only limits what is discarded after a
 * response, not what the application reads: so the stream is counted while it is read and fails one byte past the
 * cap ({@link PayloadTooLargeException}, which the advice turns into 413, and which this filter answers itself if
 * it escapes the handler). A proxy cannot take back what it has streamed downstream, so there ({@link
 * ChunkedBodies#BUFFERED}) a chunked body is read up to one byte past the cap first and then replayed.
 *
 * <p>The 413 names the cap ({@code maxBytes}), so a client can tell how much it may send.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter {

    /** How a body without a declared length is held to the cap. */
    public enum ChunkedBodies {
        /** Counted while the handler reads it: the right choice where the handler reads the body itself. */
        COUNTED_WHILE_READ,
        /** Read before the chain and replayed: for a proxy, which must refuse before it sends anything on. */
        BUFFERED
    }

    private final ToLongFunction<HttpServletRequest> limits;
    private final ProblemResponseWriter problems;
    private final ChunkedBodies chunked;

    /** {@code limits}: the cap in bytes for a request (by path: an import may be large, a beacon tiny). */
    public BodySizeLimitFilter(ToLongFunction<HttpServletRequest> limits, ProblemResponseWriter problems) {
        this(limits, problems, ChunkedBodies.COUNTED_WHILE_READ);
    }

    public BodySizeLimitFilter(
            ToLongFunction<HttpServletRequest> limits, ProblemResponseWriter problems, ChunkedBodies chunked) {
        this.limits = limits;
        this.problems = problems;
        this.chunked = chunked;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limits.applyAsLong(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(request, response, limit);
            return;
        }
        if (chunked == ChunkedBodies.BUFFERED
                && declared < 0
                && request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null) {
            byte[] body = request.getInputStream().readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
            if (body.length > limit) {
                tooLarge(request, response, limit);
            } else {
                chain.doFilter(new BufferedRequest(request, body), response);
            }
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request, limit), response);
        } catch (PayloadTooLargeException e) {
            tooLarge(request, response, limit);
        }
    }

    private void tooLarge(HttpServletRequest request, HttpServletResponse response, long limit) throws IOException {
        var problem = Problems.of(ProblemType.PAYLOAD_TOO_LARGE, "请求内容超过此路径允许的 " + limit + " 字节");
        problem.setProperty("maxBytes", limit);
        // The unread rest of the body must not be parsed as a next request on this connection.
        response.setHeader(HttpHeaders.CONNECTION, "close");
        problems.write(request, response, problem);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws PayloadTooLargeException {
            read += n;
            if (read > limit) {
                throw new PayloadTooLargeException();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
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

    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous body only");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
