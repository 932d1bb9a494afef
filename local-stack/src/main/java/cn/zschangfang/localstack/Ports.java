package cn.zschangfang.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Map;

/** Whether something listens on a loopback port, and whether the stack's ports are all free before it starts. */
public final class Ports {

    private Ports() {}

    /** True when a connection to the loopback port is accepted within half a second. */
    public static boolean open(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Refuses to start, naming the port and its user, when any of the stack's ports is taken. */
    static void checkFree(Map<Integer, String> ports) {
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            try (ServerSocket socket = new ServerSocket()) {
                // As the servers themselves bind: connections of a stack that just stopped, left in TIME_WAIT on the
                // port, must not count as "in use"; a listener still does.
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port.getKey()));
            } catch (IOException e) {
                throw new LocalStack.StartupException("port " + port.getKey() + " (" + port.getValue()
                        + ") is already in use. Is another ./run.sh running? Stop whatever holds it and retry.");
            }
        }
    }
}
