"""Mention extractors: each turns a parsed Doc into plain mention records."""
