package io.dscover.collect.cloud.findings;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The ports an audit cares about: administrative and database services that should not answer the
 * internet, and the ports ordinary outbound traffic uses (anything else leaving is "unusual").
 */
public final class ServicePorts {

    /** A service that should not be reachable from the internet. */
    public record Service(String name, String kind) {
    }

    private static final Map<String, Service> SENSITIVE = new HashMap<>();
    private static final Set<String> USUAL_EGRESS = Set.of(
            "tcp/80", "tcp/443", "udp/443", "tcp/53", "udp/53", "tcp/853", "udp/853", "udp/123",
            "tcp/8080", "tcp/8443", "tcp/465", "tcp/587", "tcp/993", "tcp/995", "udp/3478");

    static {
        admin("tcp", 22, "SSH");
        admin("tcp", 23, "Telnet");
        admin("tcp", 21, "FTP");
        admin("tcp", 3389, "RDP");
        admin("udp", 3389, "RDP (UDP)");
        admin("tcp", 5985, "WinRM (HTTP)");
        admin("tcp", 5986, "WinRM (HTTPS)");
        admin("tcp", 445, "SMB");
        admin("tcp", 139, "NetBIOS session");
        admin("tcp", 135, "MS RPC endpoint mapper");
        admin("tcp", 5900, "VNC");
        admin("tcp", 2375, "Docker API (plain)");
        admin("tcp", 2376, "Docker API (TLS)");
        admin("tcp", 6443, "Kubernetes API");
        admin("tcp", 10250, "Kubelet API");
        admin("tcp", 2379, "etcd");
        admin("tcp", 8500, "Consul");
        admin("udp", 161, "SNMP");
        admin("tcp", 111, "RPC portmapper");
        admin("tcp", 2049, "NFS");
        admin("tcp", 389, "LDAP");
        admin("tcp", 636, "LDAPS");
        admin("tcp", 88, "Kerberos");
        admin("tcp", 5601, "Kibana");
        database("tcp", 1433, "Microsoft SQL Server");
        database("tcp", 1521, "Oracle");
        database("tcp", 3306, "MySQL/MariaDB");
        database("tcp", 5432, "PostgreSQL");
        database("tcp", 6379, "Redis");
        database("tcp", 9200, "Elasticsearch");
        database("tcp", 9300, "Elasticsearch transport");
        database("tcp", 27017, "MongoDB");
        database("tcp", 11211, "Memcached");
        database("udp", 11211, "Memcached (UDP)");
        database("tcp", 9042, "Cassandra");
        database("tcp", 5984, "CouchDB");
        database("tcp", 7474, "Neo4j");
        database("tcp", 8086, "InfluxDB");
        database("tcp", 9092, "Kafka");
        database("tcp", 5672, "AMQP (RabbitMQ)");
        database("tcp", 50000, "DB2");
    }

    private ServicePorts() {
    }

    private static void admin(String transport, int port, String name) {
        SENSITIVE.put(transport + "/" + port, new Service(name, "administration"));
    }

    private static void database(String transport, int port, String name) {
        SENSITIVE.put(transport + "/" + port, new Service(name, "database"));
    }

    /** The administrative or database service on this port, or null. */
    public static Service sensitive(String transport, Long port) {
        if (transport == null || port == null) {
            return null;
        }
        return SENSITIVE.get(transport + "/" + port);
    }

    /** Whether outbound traffic to this port is ordinary (web, DNS, NTP, mail submission, ...). */
    public static boolean usualEgress(String transport, Long port) {
        return transport != null && port != null && USUAL_EGRESS.contains(transport + "/" + port);
    }

    /** Whether a port is a well-known service port (below 1024) or a sensitive service's. */
    static boolean servicePort(String transport, Long port) {
        return port != null && (port < 1024 || sensitive(transport, port) != null || usualEgress(transport, port));
    }
}
