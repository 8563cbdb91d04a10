package io.ferry.migrator.assess;

import io.ferry.common.TableId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tables a view, routine or trigger body names, by scanning its text for known table names: either
 * qualified ({@code db.t}, back-quoted or not) or unqualified in the object's own database. A textual scan, not
 * a parse: a name inside a string or comment counts too, which suits a warning.
 */
final class ObjectReferences {

    private ObjectReferences() {
    }

    /** The tables among {@code known} that {@code body}, defined in database {@code home}, names. */
    static List<TableId> in(String body, String home, Collection<TableId> known) {
        List<TableId> found = new ArrayList<>();
        String lower = body.toLowerCase(Locale.ROOT);
        for (TableId table : known) {
            String db = Pattern.quote(table.database().toLowerCase(Locale.ROOT));
            String name = Pattern.quote(table.table().toLowerCase(Locale.ROOT));
            String qualified = "(?<![\\w$])`?" + db + "`?\\s*\\.\\s*`?" + name + "(?![\\w$])`?";
            boolean named = Pattern.compile(qualified).matcher(lower).find();
            if (!named && table.database().equals(home)) {
                // Unqualified: the name, not preceded by a dot (another database's table) nor part of a word.
                Matcher m = Pattern.compile("(?<![\\w$.`])`?" + name + "`?(?![\\w$])").matcher(lower);
                named = m.find();
            }
            if (named) {
                found.add(table);
            }
        }
        return found;
    }
}
