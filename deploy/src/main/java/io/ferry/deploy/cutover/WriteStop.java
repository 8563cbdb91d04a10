package io.ferry.deploy.cutover;

/** How cutover learns that the application no longer writes to the source. */
@FunctionalInterface
public interface WriteStop {

    /** Asks (or assumes) that writes to the source have stopped; false aborts the cutover before any change. */
    boolean confirmed() throws InterruptedException;
}
