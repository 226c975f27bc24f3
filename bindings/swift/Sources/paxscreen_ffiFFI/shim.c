/* SwiftPM needs a source file in a C target; the interface is the header in include/. */
