package io.dscover.collect.windows;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns NT device paths ({@code \device\harddiskvolume2\windows\system32\svchost.exe}, as the
 * Filtering Platform logs applications) into the drive-letter form Sysmon and people use. Which
 * volume is which drive is not in the event, so volumes are mapped only when the user says so
 * ({@code windows.device-map=\Device\HarddiskVolume2=C:,\Device\HarddiskVolume3=D:}); a path with an
 * unmapped volume is kept as logged. The network redirector ({@code \Device\Mup\server\share}) is
 * always the UNC path {@code \\server\share}.
 */
final class DevicePathMap {

    private static final String DEVICE = "\\device\\";

    /** Lower-case device prefix without trailing backslash, to its replacement. */
    private final Map<String, String> map = new LinkedHashMap<>();

    private DevicePathMap() {
        map.put("\\device\\mup", "\\");
    }

    static DevicePathMap defaults() {
        return new DevicePathMap();
    }

    /**
     * Parses {@code \Device\HarddiskVolume2=C:,\Device\HarddiskVolume3=D:} ({@code ,} or {@code ;} between pairs).
     *
     * @throws IllegalArgumentException naming the pair that is not of that form
     */
    static DevicePathMap parse(String spec) {
        DevicePathMap m = new DevicePathMap();
        if (spec == null || spec.isBlank()) {
            return m;
        }
        for (String pair : spec.split("[,;]")) {
            String p = pair.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.lastIndexOf('=');
            String device = eq < 0 ? "" : p.substring(0, eq).strip();
            String target = eq < 0 ? "" : p.substring(eq + 1).strip();
            String key = device.toLowerCase(Locale.ROOT);
            while (key.endsWith("\\")) {
                key = key.substring(0, key.length() - 1);
            }
            if (!key.startsWith(DEVICE) || key.length() == DEVICE.length() || target.isEmpty()) {
                throw new IllegalArgumentException("windows.device-map: '" + p
                        + "' is not DEVICE=TARGET, e.g. \\Device\\HarddiskVolume2=C:");
            }
            while (target.endsWith("\\") && target.length() > 1) {
                target = target.substring(0, target.length() - 1);
            }
            m.map.put(key, target);
        }
        return m;
    }

    /** The path with its device replaced where the mapping is known, else the path unchanged. */
    String apply(String path) {
        if (path == null || path.length() <= DEVICE.length() || !path.regionMatches(true, 0, DEVICE, 0, DEVICE.length())) {
            return path;
        }
        int end = path.indexOf('\\', DEVICE.length());
        if (end < 0) {
            return path;
        }
        String device = path.substring(0, end).toLowerCase(Locale.ROOT);
        String target = map.get(device);
        return target == null ? path : target + path.substring(end);
    }

    int size() {
        return map.size();
    }
}
