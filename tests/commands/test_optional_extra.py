"""commands.common.optional_extra: the one way a command says which extra to install."""

from __future__ import annotations

import pytest

from seedcheck.commands.common import optional_extra
from seedcheck.errors import SeedcheckError


def _missing(name: str) -> ImportError:
    return ModuleNotFoundError(f"No module named {name!r}", name=name)


def test_a_missing_package_of_the_extra_says_what_to_install() -> None:
    extra = optional_extra("report", ("matplotlib", "numpy"), "the HTML report", ", or not")
    with pytest.raises(SeedcheckError) as raised, extra:
        raise _missing("matplotlib.backends.backend_svg")
    assert str(raised.value) == (
        "the HTML report needs the report extra (matplotlib is not installed); install it "
        "with pip install 'seedcheck[report]', or not"
    )
    # Said on its own: the ImportError is no part of what the user sees.
    assert raised.value.__suppress_context__


def test_another_import_error_is_not_hidden() -> None:
    server = optional_extra("server", ("pygls", "lsprotocol"), "seedcheck server")
    with pytest.raises(ImportError) as raised, server:
        raise _missing("seedcheck.language_server.nowhere")
    assert not isinstance(raised.value, SeedcheckError)
    assert raised.value.name == "seedcheck.language_server.nowhere"
    # No module named: a name missing inside a module that is there.
    server = optional_extra("server", ("pygls",), "seedcheck server")
    with pytest.raises(ImportError, match="cannot import name"), server:
        raise ImportError("cannot import name 'x'")


def test_imports_that_work_go_through() -> None:
    with optional_extra("server", ("pygls",), "seedcheck server"):
        import json
    assert json.dumps([]) == "[]"
