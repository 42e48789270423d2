package dev.bitbridge.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every port the components need, checked before anything starts: a port that is taken, or given to two components,
 * fails the start at once and names the environment variable to change, rather than letting a server fail half-way
 * through its start (a system PostgreSQL on 5432 is the usual case).
 */
final class PortCheck {

    /**
     * One port a component needs.
     *
     * @param component the component, as named in the status table
     * @param label how the message names the port, e.g. {@code kafka controller}
     * @param number the port
     * @param variable the environment variable that sets it
     */
    record Port(String component, String label, int number, String variable) {
    }

    private PortCheck() {
    }

    /** @return the ports of PostgreSQL, Kafka and every service (its public and management ports) */
    static List<Port> required(LauncherConfig config, List<ServiceSpec> services) {
        List<Port> ports = new ArrayList<>();
        ports.add(new Port(Supervisor.POSTGRES, Supervisor.POSTGRES, config.postgresPort(), "BITBRIDGE_POSTGRES_PORT"));
        ports.add(new Port(Supervisor.KAFKA, Supervisor.KAFKA, config.kafkaPort(), "BITBRIDGE_KAFKA_PORT"));
        ports.add(new Port(Supervisor.KAFKA, Supervisor.KAFKA + " controller", config.kafkaControllerPort(),
                "BITBRIDGE_KAFKA_CONTROLLER_PORT"));
        for (ServiceSpec s : services) {
            ports.add(new Port(s.name(), s.name(), s.port(), s.portVariable()));
            ports.add(new Port(s.name(), s.name() + " management", s.managementPort(), s.managementPortVariable()));
        }
        return ports;
    }

    /**
     * @throws PortInUseException for the first port that is given twice or that something else listens on
     */
    static void requireFree(List<Port> ports) {
        Map<Integer, Port> seen = new HashMap<>();
        for (Port port : ports) {
            Port first = seen.putIfAbsent(port.number(), port);
            if (first != null) {
                throw new PortInUseException(port.component(), "port " + port.number() + " is set for both "
                        + first.label() + " and " + port.label() + "; set " + port.variable() + " to another port");
            }
        }
        for (Port port : ports) {
            if (!isFree(port.number())) {
                throw new PortInUseException(port.component(), "port " + port.number() + " (" + port.label()
                        + ") is already in use; stop what uses it or set " + port.variable());
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port needed by a component is taken; carries the component so that the status table names it. */
    static final class PortInUseException extends IllegalStateException {
        private static final long serialVersionUID = 1L;
        final String component;

        PortInUseException(String component, String message) {
            super(message);
            this.component = component;
        }
    }
}
