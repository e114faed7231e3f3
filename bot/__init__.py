"""Chat adapters and the command line: parse input, call handlers, render their Reply."""
