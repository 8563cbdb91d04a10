package io.ferry.source.binlog;

import com.github.shyiko.mysql.binlog.event.AnnotateRowsEventData;
import com.github.shyiko.mysql.binlog.event.DeleteRowsEventData;
import com.github.shyiko.mysql.binlog.event.Event;
import com.github.shyiko.mysql.binlog.event.EventHeaderV4;
import com.github.shyiko.mysql.binlog.event.EventType;
import com.github.shyiko.mysql.binlog.event.GtidEventData;
import com.github.shyiko.mysql.binlog.event.MariadbGtidEventData;
import com.github.shyiko.mysql.binlog.event.PreviousGtidSetEventData;
import com.github.shyiko.mysql.binlog.event.QueryEventData;
import com.github.shyiko.mysql.binlog.event.RotateEventData;
import com.github.shyiko.mysql.binlog.event.RowsQueryEventData;
import com.github.shyiko.mysql.binlog.event.TableMapEventData;
import com.github.shyiko.mysql.binlog.event.TransactionPayloadEventData;
import com.github.shyiko.mysql.binlog.event.UpdateRowsEventData;
import com.github.shyiko.mysql.binlog.event.WriteRowsEventData;
import io.ferry.common.TableId;
import io.ferry.source.binlog.BinlogItem.Operation;
import io.ferry.source.binlog.BinlogItem.RowChange;
import io.ferry.source.position.BinlogPosition;
import io.ferry.source.position.GtidSet;
import io.ferry.source.position.StreamOffset;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Turns the raw binlog event sequence into {@link BinlogItem}s with exact resume offsets. It tracks the
 * current file (ROTATE), the transaction boundary a reconnect must start from, the GTID set, and how many
 * row events and rows of the current transaction were handed out; and on resume it skips exactly what the
 * stored offset says was already emitted. Row events of tables the filter rejects are counted (so offsets
 * stay valid if the filter changes) but not handed out. Not thread-safe: one reader thread feeds it.
 *
 * <p>The GTID set in each offset is exactly what was committed before the offset's restart point: the start
 * offset's set plus the GTID of every transaction that began before that point. Where the start offset has
 * none, a MySQL stream learns it from the next file's PREVIOUS_GTIDS event (the set of everything before the
 * file), so offsets carry GTIDs from the next rotation on.
 */
final class BinlogEventTranslator {

    private final Predicate<TableId> tableFilter;
    private GtidSet gtids;
    private final Map<Long, TableMapEventData> tableMaps = new HashMap<>();

    /** The header flag of events the server makes up for the connection (not in the file). */
    private static final int LOG_EVENT_ARTIFICIAL = 0x20;

    private String file;
    private long filePosition;
    private BinlogPosition txRestart;
    private String txGtidsBefore;
    private String txGtid;
    private Long txThread;
    private boolean gtidOpened;
    private String rowsQuery;
    private int rowEventIndex;
    private int skipRowEvents;
    private int skipRows;
    /**
     * False after a connect by GTID set until the first transaction arrives: the server first sends events of
     * the file the set resolves to (its header, and transactions it skips), whose positions are no resume points.
     */
    private boolean positioned;

    /**
     * @param byGtid true if the connection asks for the transactions after {@code start.gtids()}, false if it
     *               starts at {@code start.restart()}
     */
    BinlogEventTranslator(StreamOffset start, boolean byGtid, boolean mariaDb, Predicate<TableId> tableFilter) {
        this.tableFilter = tableFilter;
        this.gtids = start.gtids() == null || start.gtids().isBlank() ? null : GtidSet.parse(mariaDb, start.gtids());
        this.positioned = !byGtid;
        this.file = start.restart().file();
        this.filePosition = start.restart().pos();
        this.txRestart = start.restart();
        this.txGtidsBefore = executed();
        this.skipRowEvents = start.rowEvents();
        this.skipRows = start.rows();
    }

    /** The items for one event from the server, in order; most events yield none. */
    List<BinlogItem> translate(Event event) {
        List<BinlogItem> items = new ArrayList<>(1);
        EventHeaderV4 header = event.getHeader();
        Span span = span(header);
        translate(event, span, items);
        if ((header.getFlags() & LOG_EVENT_ARTIFICIAL) == 0 && header.getEventType() != EventType.ROTATE) {
            filePosition = span.end();
        }
        return items;
    }

    /**
     * Where an event lies in its file. The header's {@code log_pos} gives its end, but MariaDB writes 0 there for
     * the events inside a transaction (row events, table maps), so those are placed after the previous event.
     */
    private Span span(EventHeaderV4 header) {
        long end = header.getNextPosition() > 0 ? header.getNextPosition()
                : filePosition + header.getEventLength();
        return new Span(end - header.getEventLength(), end);
    }

    /** An event's start and end offset in the current file. */
    private record Span(long start, long end) {
    }

    private void translate(Event event, Span outer, List<BinlogItem> items) {
        EventHeaderV4 header = event.getHeader();
        EventType type = header.getEventType();
        switch (type) {
            case ROTATE -> {
                RotateEventData rotate = event.getData();
                file = rotate.getBinlogFilename();
                filePosition = rotate.getBinlogPosition();
                tableMaps.clear();
            }
            case GTID, GTID_TAGGED -> {
                GtidEventData gtid = event.getData();
                beginTransaction(outer, gtid.getGtid());
            }
            case ANONYMOUS_GTID -> beginTransaction(outer, null);
            case MARIADB_GTID -> {
                MariadbGtidEventData gtid = event.getData();
                // The event's own server id field is not decoded by the library; the header carries it.
                beginTransaction(outer, gtid.getDomainId() + "-" + header.getServerId() + "-" + gtid.getSequence());
            }
            case QUERY -> query(event.getData(), header, outer, items);
            case XID -> endTransaction(outer, items);
            case TABLE_MAP -> {
                TableMapEventData map = event.getData();
                tableMaps.put(map.getTableId(), map);
            }
            case ROWS_QUERY -> rowsQuery = ((RowsQueryEventData) event.getData()).getQuery();
            case ANNOTATE_ROWS -> rowsQuery = ((AnnotateRowsEventData) event.getData()).getRowsQuery();
            case WRITE_ROWS, EXT_WRITE_ROWS -> {
                WriteRowsEventData rows = event.getData();
                List<Serializable[][]> pairs = new ArrayList<>(rows.getRows().size());
                rows.getRows().forEach(after -> pairs.add(new Serializable[][] {null, after}));
                rowEvent(rows.getTableId(), Operation.CREATE, pairs, header, outer, items);
            }
            case UPDATE_ROWS, EXT_UPDATE_ROWS -> {
                UpdateRowsEventData rows = event.getData();
                List<Serializable[][]> pairs = new ArrayList<>(rows.getRows().size());
                rows.getRows().forEach(e -> pairs.add(new Serializable[][] {e.getKey(), e.getValue()}));
                rowEvent(rows.getTableId(), Operation.UPDATE, pairs, header, outer, items);
            }
            case DELETE_ROWS, EXT_DELETE_ROWS -> {
                DeleteRowsEventData rows = event.getData();
                List<Serializable[][]> pairs = new ArrayList<>(rows.getRows().size());
                rows.getRows().forEach(before -> pairs.add(new Serializable[][] {before, null}));
                rowEvent(rows.getTableId(), Operation.DELETE, pairs, header, outer, items);
            }
            case TRANSACTION_PAYLOAD -> {
                // MySQL binlog compression: the whole transaction is inside; its inner events have no
                // positions of their own, so they are placed at the payload event.
                TransactionPayloadEventData payload = event.getData();
                for (Event inner : payload.getUncompressedEvents()) {
                    translate(inner, outer, items);
                }
            }
            case FORMAT_DESCRIPTION, PREVIOUS_GTIDS, MARIADB_GTID_LIST, BINLOG_CHECKPOINT, HEARTBEAT, HEARTBEAT_V2 -> {
                if (type == EventType.PREVIOUS_GTIDS && gtids == null && !gtidOpened
                        && event.getData() instanceof PreviousGtidSetEventData previous
                        && (header.getFlags() & LOG_EVENT_ARTIFICIAL) == 0 && !previous.getGtidSet().isBlank()) {
                    gtids = GtidSet.parse(false, previous.getGtidSet());
                }
                // Nothing to emit, but a watermark may sit right after such an event (e.g. after a rotation).
                // Not while part of a transaction is still to be skipped: the offset must keep saying so.
                if (!gtidOpened && positioned && skipRowEvents == 0 && skipRows == 0 && header.getNextPosition() > 0) {
                    BinlogPosition end = new BinlogPosition(file, outer.end());
                    items.add(new BinlogItem.Progress(end, StreamOffset.at(end, executed())));
                }
            }
            default -> {
                // INTVAR, RAND, USER_VAR, ...: part of a statement, nothing to emit.
            }
        }
    }

    /** The GTID set committed so far, as stored; null while not known. */
    private String executed() {
        return gtids == null ? null : gtids.toString();
    }

    private void beginTransaction(Span span, String gtid) {
        positioned = true;
        txRestart = new BinlogPosition(file, span.start());
        txGtidsBefore = executed();
        txGtid = gtid;
        if (gtid != null && gtids != null) {
            gtids = gtids.with(gtid);
        }
        gtidOpened = true;
        txThread = null;
        rowEventIndex = 0;
    }

    private void query(QueryEventData query, EventHeaderV4 header, Span outer, List<BinlogItem> items) {
        String sql = query.getSql().trim();
        String upper = sql.toUpperCase(Locale.ROOT);
        if (upper.equals("BEGIN") || upper.startsWith("XA START")) {
            if (!gtidOpened) {
                beginTransaction(outer, null);
            }
            txThread = query.getThreadId();
            return;
        }
        if (upper.equals("COMMIT") || upper.startsWith("XA COMMIT") || upper.equals("ROLLBACK")) {
            endTransaction(outer, items);
            return;
        }
        if (!gtidOpened) {
            beginTransaction(outer, null);
        }
        BinlogPosition end = new BinlogPosition(file, outer.end());
        StreamOffset after = StreamOffset.at(end, executed());
        EventContext context = new EventContext(header.getTimestamp(), header.getServerId(), file,
                outer.start(), 0, txGtid, query.getThreadId(), sql);
        if (skipRowEvents == 0 && skipRows == 0) {
            items.add(new BinlogItem.SchemaChange(query.getDatabase(), sql, context, end, after));
        }
        resetTransaction(end);
    }

    private void endTransaction(Span outer, List<BinlogItem> items) {
        BinlogPosition end = new BinlogPosition(file, outer.end());
        items.add(new BinlogItem.TransactionEnd(end, StreamOffset.at(end, executed())));
        resetTransaction(end);
    }

    private void resetTransaction(BinlogPosition end) {
        txRestart = end;
        txGtidsBefore = executed();
        txGtid = null;
        txThread = null;
        gtidOpened = false;
        rowsQuery = null;
        rowEventIndex = 0;
        skipRowEvents = 0;
        skipRows = 0;
    }

    private void rowEvent(long tableId, Operation operation, List<Serializable[][]> rows, EventHeaderV4 header,
                          Span outer, List<BinlogItem> items) {
        int eventIndex = rowEventIndex++;
        if (eventIndex < skipRowEvents) {
            return;
        }
        int firstRow = eventIndex == skipRowEvents ? skipRows : 0;
        TableMapEventData map = tableMaps.get(tableId);
        if (map == null) {
            throw new IllegalStateException("Row event for table id " + tableId + " without a preceding table map"
                    + " at " + file + ":" + outer.start());
        }
        TableId table = new TableId(map.getDatabase(), map.getTable());
        if (!tableFilter.test(table)) {
            return;
        }
        BinlogPosition end = new BinlogPosition(file, outer.end());
        for (int r = firstRow; r < rows.size(); r++) {
            EventContext context = new EventContext(header.getTimestamp(), header.getServerId(), file,
                    outer.start(), r, txGtid, txThread, rowsQuery);
            StreamOffset after = new StreamOffset(txRestart, txGtidsBefore, eventIndex, r + 1);
            items.add(new RowChange(table, map, operation, rows.get(r)[0], rows.get(r)[1], context, end, after));
        }
    }
}
