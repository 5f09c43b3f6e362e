"""The one root exception and its few subclasses.

Library code raises these; only the CLI and the API edges turn them into
messages and exit codes.
"""

from __future__ import annotations


class ClaimgraphError(Exception):
    """Root of every error claimgraph raises on purpose."""


class ReadError(ClaimgraphError):
    """A document could not be read; the message names the file and the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InvalidPack(ClaimgraphError):
    """A domain pack failed validation at load."""


class InvalidConfig(ClaimgraphError):
    """A setting or pipeline config is wrong."""


class StoreError(ClaimgraphError):
    """The knowledge base cannot be opened or written."""


class NotFound(ClaimgraphError):
    """A queried entity, incident or claim does not exist."""


class Conflict(ClaimgraphError):
    """A request contradicts the knowledge base: an ambiguous name, a merge of a person with a place…"""
