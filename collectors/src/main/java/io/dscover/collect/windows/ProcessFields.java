package io.dscover.collect.windows;

import io.dscover.model.event.ConnectionEvent;

/** Process and user fields shared by Sysmon and the Filtering Platform. */
final class ProcessFields {

    private ProcessFields() {
    }

    /** Sets {@code process.executable} and {@code process.name} ({@code System} stays {@code System}). */
    static void executable(ConnectionEvent e, String path) {
        if (path == null) {
            return;
        }
        e.setProcessExecutable(path);
        if (path.startsWith("<")) {
            return; // "<unknown process>": no file name
        }
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        String name = path.substring(cut + 1);
        if (!name.isEmpty()) {
            e.setProcessName(name);
        }
    }

    /** {@code DOMAIN\name} to {@code user.domain} and {@code user.name}. */
    static void user(ConnectionEvent e, String user) {
        if (user == null) {
            return;
        }
        int slash = user.indexOf('\\');
        if (slash < 0) {
            e.setUserName(user);
            return;
        }
        String domain = user.substring(0, slash);
        String name = user.substring(slash + 1);
        if (!domain.isEmpty()) {
            e.setUserDomain(domain);
        }
        if (!name.isEmpty()) {
            e.setUserName(name);
        }
    }

    /** {@code ipv4} or {@code ipv6} from a canonical address. */
    static String networkType(String canonicalIp) {
        return canonicalIp.indexOf(':') >= 0 ? "ipv6" : "ipv4";
    }
}
