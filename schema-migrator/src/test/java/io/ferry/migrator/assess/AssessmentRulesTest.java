package io.ferry.migrator.assess;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.common.TableId;
import io.ferry.common.server.ServerFlavor;
import java.util.List;
import org.junit.jupiter.api.Test;

class AssessmentRulesTest {

    @Test
    void functionsTheOtherFlavorLacksAreFoundOutsideStrings() {
        assertThat(MissingFunctions.in("regexp_like(`a`, 'x') or UUID_TO_BIN (b) or concat('json_query(')",
                ServerFlavor.MYSQL, ServerFlavor.MARIADB)).containsExactly("regexp_like", "uuid_to_bin");
        assertThat(MissingFunctions.in("json_normalize(`j`)", ServerFlavor.MARIADB, ServerFlavor.MYSQL))
                .containsExactly("json_normalize");
        assertThat(MissingFunctions.in("json_normalize(`j`)", ServerFlavor.MARIADB, ServerFlavor.MARIADB)).isEmpty();
        assertThat(MissingFunctions.in("`a` * 2 + chr_count(1)", ServerFlavor.MARIADB, ServerFlavor.MYSQL)).isEmpty();
    }

    @Test
    void referencesAreFoundQualifiedOrInTheObjectsOwnDatabase() {
        TableId other = new TableId("other", "t");
        TableId secret = new TableId("app", "secret");
        List<TableId> outside = List.of(other, secret);

        assertThat(ObjectReferences.in("select * from `other`.`t` join x", "app", outside)).containsExactly(other);
        assertThat(ObjectReferences.in("BEGIN SELECT * FROM Other.T; END", "app", outside)).containsExactly(other);
        assertThat(ObjectReferences.in("update secret set a = 1", "app", outside)).containsExactly(secret);
        assertThat(ObjectReferences.in("select secret from x", "shop", outside)).as("another database's table")
                .isEmpty();
        assertThat(ObjectReferences.in("select * from other.t2, x.secret, secrets", "app", outside)).isEmpty();
    }

    @Test
    void keyLengthsCountCharactersTimesTheWidestCharacter() {
        assertThat(KeyLengthAssessment.indexLimit(16_384)).isEqualTo(3072);
        assertThat(KeyLengthAssessment.indexLimit(65_536)).isEqualTo(3072);
        assertThat(KeyLengthAssessment.indexLimit(4096)).isEqualTo(768);
        assertThat(KeyLengthAssessment.partBytes("varchar", 0, 255, 4)).isEqualTo(1020);
        assertThat(KeyLengthAssessment.partBytes("text", 100, 65_535, 3)).isEqualTo(300);
        assertThat(KeyLengthAssessment.partBytes("varbinary", 0, 200, 0)).isEqualTo(200);
        assertThat(KeyLengthAssessment.partBytes("bigint", 0, 0, 0)).isEqualTo(KeyLengthAssessment.FIXED_PART_BYTES);
    }
}
