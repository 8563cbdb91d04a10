package io.ferry.migrator.validate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** A statement and the text values of its {@code ?} parameters, in order. */
public record BoundSql(String sql, List<String> parameters) {

    public BoundSql {
        parameters = List.copyOf(parameters);
    }

    /** A prepared statement with the parameters set; the caller closes it. */
    public PreparedStatement prepare(Connection connection) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setString(i + 1, parameters.get(i));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }
}
