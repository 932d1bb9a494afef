package cn.zschangfang.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx, started by the bench with a generated configuration on a random port: a reverse proxy with an
 * upstream keep-alive pool to content-service (the baseline the gateway is held against) and a static file (the load
 * tool's own ceiling). Stopped at the end.
 */
public final class Nginx implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    public Nginx(Path dir, int upstreamPort) throws IOException {
        this.dir = dir;
        try (ServerSocket s = new ServerSocket(0, 0, InetAddress.getLoopbackAddress())) {
            this.port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("www"));
        Files.createDirectories(dir.resolve("tmp"));
        Files.writeString(dir.resolve("www/static.txt"), "x".repeat(1024));
        boolean root = "root".equals(System.getProperty("user.name"));
        String conf = (root ? "user root;\n" : "") + "worker_processes 2;\n"
                + "pid " + dir.resolve("nginx.pid") + ";\n"
                + "error_log " + dir.resolve("error.log") + " warn;\n"
                + "events { worker_connections 4096; }\n"
                + "http {\n"
                + "  access_log off;\n"
                + "  client_body_temp_path " + dir.resolve("tmp") + ";\n"
                + "  proxy_temp_path " + dir.resolve("tmp") + ";\n"
                + "  fastcgi_temp_path " + dir.resolve("tmp") + ";\n"
                + "  uwsgi_temp_path " + dir.resolve("tmp") + ";\n"
                + "  scgi_temp_path " + dir.resolve("tmp") + ";\n"
                + "  keepalive_requests 100000;\n"
                + "  upstream content { server 127.0.0.1:" + upstreamPort + "; keepalive 128; }\n"
                + "  server {\n"
                + "    listen 127.0.0.1:" + port + ";\n"
                + "    location = /static.txt { root " + dir.resolve("www") + "; }\n"
                + "    location / {\n"
                + "      proxy_pass http://content;\n"
                + "      proxy_http_version 1.1;\n"
                + "      proxy_set_header Connection \"\";\n"
                + "      proxy_set_header Host $host;\n"
                + "      proxy_set_header X-Forwarded-For $remote_addr;\n"
                + "    }\n"
                + "  }\n"
                + "}\n";
        Files.writeString(dir.resolve("nginx.conf"), conf);
    }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(
                        "nginx",
                        "-p",
                        dir.toString(),
                        "-e",
                        dir.resolve("error.log").toString(),
                        "-c",
                        dir.resolve("nginx.conf").toString(),
                        "-g",
                        "daemon off;")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("nginx.out").toFile())
                .start();
        for (int i = 0; i < 50; i++) {
            if (!process.isAlive()) {
                throw new IOException("nginx exited: " + Files.readString(dir.resolve("nginx.out")));
            }
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IOException("nginx did not listen on " + port);
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
