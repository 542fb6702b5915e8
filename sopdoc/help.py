"""Click's help and usage errors in Bahasa Indonesia: its own words, metavars and notes."""

from __future__ import annotations

import re
from typing import Any

import click

from sopdoc import messages as msg


def translate_usage(error: click.UsageError) -> str:
    """Click's usage error in Bahasa Indonesia, one line, pointing at --help."""
    text = error.format_message()
    problem = text
    for pattern, template in msg.USAGE_TRANSLATIONS:
        match = re.fullmatch(pattern, text.strip())
        if match:
            problem = template.format(*match.groups())
            break
    command = error.ctx.command_path if error.ctx is not None else "sopdoc"
    return msg.USAGE_ERROR.format(problem=problem, command=command)


def _translate_extra(text: str) -> str:
    """Click's ``[required]``/``[default: x]`` after an option's help, in Bahasa Indonesia."""
    match = re.search(r"  \[([^\]]*)\]$", text)
    if match is None:
        return text
    extra = match.group(1)
    for english, indonesian in msg.HELP_EXTRA_TRANSLATIONS:
        extra = extra.replace(english, indonesian)
    return f"{text[: match.start()]}  [{extra}]"


def _help_option(option: click.Option | None) -> click.Option | None:
    if option is not None:
        option.help = msg.HELP_OPTION
    return option


def _write_usage(
    command: click.Command, ctx: click.Context, formatter: click.HelpFormatter
) -> None:
    pieces = command.collect_usage_pieces(ctx)
    formatter.write_usage(ctx.command_path, " ".join(pieces), prefix=f"{msg.HELP_USAGE} ")


def _write_options(
    command: click.Command, ctx: click.Context, formatter: click.HelpFormatter
) -> None:
    records = []
    for param in command.get_params(ctx):
        if isinstance(param, click.Argument):  # named in the usage line and the help text
            continue
        record = param.get_help_record(ctx)
        if record is not None:
            records.append((record[0], _translate_extra(record[1])))
    if records:
        with formatter.section(msg.HELP_OPTIONS):
            formatter.write_dl(records)


class HelpCommand(click.Command):
    """A command whose help is all in Bahasa Indonesia (click's own words included)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("options_metavar", msg.HELP_OPTIONS_METAVAR)
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _help_option(super().get_help_option(ctx))

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_usage(self, ctx, formatter)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_options(self, ctx, formatter)
