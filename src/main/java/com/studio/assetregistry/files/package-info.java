/**
 * What the application says of a file it could not read, write or move: {@link
 * com.studio.assetregistry.files.FileFailures}; a directory a setting names that cannot be used: {@link
 * com.studio.assetregistry.files.UnusableDirectoryException}; and where a chain of symbolic links leads: {@link
 * com.studio.assetregistry.files.SymbolicLinks}. Java's file exceptions often carry only a path as their message, and
 * the command line, the report writer, the loader and the inbox each need the file system's own words.
 */
package com.studio.assetregistry.files;
