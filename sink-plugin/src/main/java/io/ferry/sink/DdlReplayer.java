package io.ferry.sink;

import io.ferry.common.Identifiers;
import io.ferry.common.ddl.DdlRenamer;
import io.ferry.common.ddl.DdlRewriteException;
import io.ferry.sink.apply.BatchApplier;
import io.ferry.sink.event.SchemaChange;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.kafka.connect.errors.DataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a schema change on the destination in the mapped database. DDL is not transactional in MySQL, so a
 * statement can be replayed twice after a crash between it and the offset commit; errors that mean "already
 * done" (table exists, duplicate column or key, nothing to drop) are therefore logged and accepted.
 */
final class DdlReplayer implements BatchApplier.DdlHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DdlReplayer.class);
    /** ER_TABLE_EXISTS_ERROR, ER_DUP_FIELDNAME, ER_DUP_KEYNAME, ER_CANT_DROP_FIELD_OR_KEY, ER_BAD_TABLE_ERROR. */
    private static final java.util.Set<Integer> ALREADY_DONE = java.util.Set.of(1050, 1060, 1061, 1091, 1051);

    private final TableRouter router;
    private final DdlRenamer renamer;

    DdlReplayer(TableRouter router) {
        this.router = router;
        this.renamer = new DdlRenamer(router.mapping());
    }

    @Override
    public void apply(Connection connection, SchemaChange change) throws SQLException {
        String database = router.mapping().database(change.database());
        String ddl = router.mapping().isIdentity() ? change.ddl() : rename(change);
        connection.commit();
        try (Statement statement = connection.createStatement()) {
            statement.execute("USE " + Identifiers.quote(database));
            statement.execute(ddl);
            LOG.info("Applied DDL from {}-{}@{} in {}: {}", change.record().topic(), change.record().kafkaPartition(),
                    change.record().kafkaOffset(), database, abbreviate(ddl));
        } catch (SQLException e) {
            if (!ALREADY_DONE.contains(e.getErrorCode())) {
                throw e;
            }
            LOG.warn("DDL already applied (replayed after a restart?), skipping: {} ({})", abbreviate(ddl),
                    e.getMessage());
        }
    }

    private String rename(SchemaChange change) {
        try {
            return renamer.rename(change.ddl(), change.database());
        } catch (DdlRewriteException e) {
            throw new DataException("Cannot rewrite the names in the DDL of " + change.record().topic() + "@"
                    + change.record().kafkaOffset() + " through mapping.rules: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String ddl) {
        String oneLine = ddl.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }
}
