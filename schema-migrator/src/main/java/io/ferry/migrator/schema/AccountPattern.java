package io.ferry.migrator.schema;

import java.util.regex.Pattern;

/**
 * One {@code accounts.include} entry: {@code user@host} with SQL LIKE wildcards ({@code %} any text, {@code _} one
 * character), e.g. {@code app@%} or {@code report_%@10.0.%}. Without {@code @} any host matches. Users match
 * case-sensitively, hosts not (as the server compares them).
 */
record AccountPattern(String text, Pattern user, Pattern host) {

    static AccountPattern parse(String text) {
        String trimmed = text.trim();
        int at = trimmed.lastIndexOf('@');
        String user = at < 0 ? trimmed : trimmed.substring(0, at);
        String host = at < 0 ? "%" : trimmed.substring(at + 1);
        return new AccountPattern(trimmed, like(unquote(user), 0), like(unquote(host), Pattern.CASE_INSENSITIVE));
    }

    boolean matches(String accountUser, String accountHost) {
        return user.matcher(accountUser).matches() && host.matcher(accountHost).matches();
    }

    /** Accepts {@code 'app'@'%'} and {@code `app`@`%`} as well as the bare form. */
    private static String unquote(String part) {
        if (part.length() >= 2 && (part.startsWith("'") && part.endsWith("'") || part.startsWith("`")
                && part.endsWith("`"))) {
            return part.substring(1, part.length() - 1);
        }
        return part;
    }

    private static Pattern like(String pattern, int flags) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '%' -> regex.append(".*");
                case '_' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), flags | Pattern.DOTALL);
    }
}
