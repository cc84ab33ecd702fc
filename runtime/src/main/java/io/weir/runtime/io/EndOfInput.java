package io.weir.runtime.io;

/** The producer of this channel has finished; nothing follows. */
public final class EndOfInput implements StreamEvent {
    public static final EndOfInput INSTANCE = new EndOfInput();

    private EndOfInput() {
    }

    @Override
    public String toString() {
        return "EndOfInput";
    }
}
