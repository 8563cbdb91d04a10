/**
 * The building blocks of the lock-free, parallel, resumable snapshot (the watermark idea of Netflix DBLog and
 * Flink CDC's incremental snapshot), split by phase:
 * <ol>
 *   <li>{@link io.ferry.source.snapshot.StripePlanner} cuts a table into stripes, one per task, planned once
 *       and kept in Connect offsets ({@link io.ferry.source.snapshot.ChunkRange#toOffset});</li>
 *   <li>{@link io.ferry.source.snapshot.ChunkSplitter} walks a stripe in chunks {@code [start, end)}, one
 *       indexed probe per chunk;</li>
 *   <li>for each chunk the task records a low watermark, reads the chunk with
 *       {@link io.ferry.source.snapshot.ChunkQuery} into a {@link io.ferry.source.snapshot.ChunkBuffer},
 *       records a high watermark, and applies the chunk's binlog changes in between
 *       ({@link io.ferry.source.snapshot.ChunkBuffer#apply}) before emitting it;</li>
 *   <li>whether an event's key lies before, inside or after a chunk is decided by
 *       {@link io.ferry.source.snapshot.KeyOrder}, which agrees with the server's ORDER BY, collations
 *       included.</li>
 * </ol>
 * A table without a usable key cannot be backfilled by key: {@link io.ferry.source.snapshot.KeylessStripeReader}
 * reads it whole, exactly as of one binlog position, by a consistent snapshot (MariaDB) or by re-reading until
 * the binlog shows a quiet window.
 *
 * <p>Only SELECT is needed: no table locks, no global read lock. Key values are Connect-level values; the
 * column converters reach this package through {@link io.ferry.source.snapshot.KeyColumnCodec}.
 *
 * <p>Connections: a chunk streamed without {@code useCursorFetch=true} holds its connection until read, so
 * a {@code KeyOrder} used while streaming (e.g. by {@code ChunkBuffer.put}) must compute its string weights on
 * another connection. FLOAT keys need {@code useServerPrepStmts=true} (the text protocol rounds them).
 */
package io.ferry.source.snapshot;
