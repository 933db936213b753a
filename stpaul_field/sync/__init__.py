"""Sync between a laptop and the central record: protocol, client engine. No Qt."""
