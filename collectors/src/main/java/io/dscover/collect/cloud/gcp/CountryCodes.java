package io.dscover.collect.cloud.gcp;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** ISO 3166-1 alpha-3 country codes (GCP writes {@code usa}, {@code rus}) as the alpha-2 codes ECS fields hold. */
final class CountryCodes {

    private static final Map<String, String> ALPHA2_BY_ALPHA3 = new HashMap<>();

    static {
        for (String alpha2 : Locale.getISOCountries()) {
            String alpha3 = new Locale("", alpha2).getISO3Country();
            if (!alpha3.isEmpty()) {
                ALPHA2_BY_ALPHA3.put(alpha3.toLowerCase(Locale.ROOT), alpha2);
            }
        }
    }

    private CountryCodes() {
    }

    /** The alpha-2 code of an alpha-3 (any case) or alpha-2 code, or null when it is neither. */
    static String alpha2(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim().toLowerCase(Locale.ROOT);
        if (c.length() == 2 && Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2)
                .contains(c.toUpperCase(Locale.ROOT))) {
            return c.toUpperCase(Locale.ROOT);
        }
        return ALPHA2_BY_ALPHA3.get(c);
    }
}
