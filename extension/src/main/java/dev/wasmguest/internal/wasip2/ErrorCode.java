package dev.wasmguest.internal.wasip2;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.Locale;

/**
 * {@code wasi:filesystem/types}' {@code error-code}, its cases in the WIT's order (the same in every 0.2.x): a case's
 * ordinal is its value in the canonical ABI.
 */
enum ErrorCode {
    ACCESS,
    WOULD_BLOCK,
    ALREADY,
    BAD_DESCRIPTOR,
    BUSY,
    DEADLOCK,
    QUOTA,
    EXIST,
    FILE_TOO_LARGE,
    ILLEGAL_BYTE_SEQUENCE,
    IN_PROGRESS,
    INTERRUPTED,
    INVALID,
    IO,
    IS_DIRECTORY,
    LOOP,
    TOO_MANY_LINKS,
    MESSAGE_SIZE,
    NAME_TOO_LONG,
    NO_DEVICE,
    NO_ENTRY,
    NO_LOCK,
    INSUFFICIENT_MEMORY,
    INSUFFICIENT_SPACE,
    NOT_DIRECTORY,
    NOT_EMPTY,
    NOT_RECOVERABLE,
    UNSUPPORTED,
    NO_TTY,
    NO_SUCH_DEVICE,
    OVERFLOW,
    NOT_PERMITTED,
    PIPE,
    READ_ONLY,
    INVALID_SEEK,
    TEXT_FILE_BUSY,
    CROSS_DEVICE;

    /** The code for what the run's in-memory file system threw. */
    static ErrorCode of(IOException failure) {
        if (failure instanceof NoSuchFileException) {
            return NO_ENTRY;
        }
        if (failure instanceof FileAlreadyExistsException) {
            return EXIST;
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return NOT_EMPTY;
        }
        if (failure instanceof NotDirectoryException) {
            return NOT_DIRECTORY;
        }
        if (failure instanceof NotLinkException) {
            return INVALID;
        }
        if (failure instanceof FileSystemLoopException) {
            return LOOP;
        }
        if (failure instanceof AccessDeniedException) {
            return ACCESS;
        }
        String reason = failure instanceof FileSystemException system && system.getReason() != null
                ? system.getReason().toLowerCase(Locale.ROOT)
                : "";
        if (reason.contains("not a directory")) {
            return NOT_DIRECTORY;
        }
        if (reason.contains("is a directory")) {
            return IS_DIRECTORY;
        }
        return IO;
    }
}
