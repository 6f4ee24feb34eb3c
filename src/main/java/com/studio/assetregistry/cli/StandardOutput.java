package com.studio.assetregistry.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;

/**
 * Standard output as the command line writes it, remembering why a write failed. {@code System.out}, a
 * {@code PrintStream}, keeps its write errors to itself, and a {@code PrintWriter} over it only knows that one
 * happened: a command must tell a closed pipe ({@code list | head}), which ends it quietly as it ends other tools,
 * from a full disk, which loses output a script would read.
 */
final class StandardOutput extends FilterOutputStream {

    private volatile IOException failure;

    StandardOutput(OutputStream out) {
        super(out);
    }

    /** The process's standard output, its file descriptor rather than {@code System.out}. */
    static StandardOutput ofProcess() {
        return new StandardOutput(new FileOutputStream(FileDescriptor.out));
    }

    /** A writer over it as picocli would make one over {@code System.out}: the same encoding and buffering. */
    PrintWriter writer() {
        String encoding = System.getProperty("sun.stdout.encoding");
        Charset charset = encoding != null && Charset.isSupported(encoding) ? Charset.forName(encoding)
                : Charset.defaultCharset();
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(this, charset)), true);
    }

    @Override
    public void write(int b) throws IOException {
        try {
            out.write(b);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            out.write(bytes, offset, length);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private IOException failed(IOException e) {
        if (failure == null) {
            failure = e;
        }
        return e;
    }

    /** Whether a write has failed: nothing written after it reaches the reader. */
    boolean failed() {
        return failure != null;
    }

    /** Whether a write failed because whoever read the output closed it: the pipe's reader has what it wanted. */
    boolean closedByReader() {
        IOException e = failure;
        return e != null && e.getMessage() != null && e.getMessage().contains("Broken pipe");
    }

    /** Why the first write failed, in the system's words, or {@code null}. */
    String reason() {
        IOException e = failure;
        return e == null ? null : e.getMessage();
    }
}
